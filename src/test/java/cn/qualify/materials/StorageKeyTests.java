package cn.qualify.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.HashSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StorageKeyTests {

    static final Instant AT = Instant.parse("2025-03-01T02:00:00.123Z");

    @Test
    void aNewKeyIsYearThenTwoFanOutLevelsThenATimeOrderedUuid() {
        var key = StorageKey.newKey(2025, AT);

        assertThat(key.value())
                .matches(
                        "2025/[0-9a-f]{6}/[0-9a-f]{2}/[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        var parts = key.value().split("/");
        assertThat(parts[3]).startsWith(parts[1] + parts[2]);
        assertThat(UUID.fromString(parts[3]).getMostSignificantBits() >>> 16).isEqualTo(AT.toEpochMilli());
    }

    @Test
    void keysSortByTheInstantTheyWereMadeSoIndexesGrowAtTheirEnd() {
        var earlier = StorageKey.newKey(2025, AT).value();
        var later = StorageKey.newKey(2025, AT.plusMillis(1)).value();
        var nextMinute = StorageKey.newKey(2025, AT.plusSeconds(66)).value();

        assertThat(earlier).isLessThan(later);
        assertThat(later).isLessThan(nextMinute);
        // the second level changes about once a minute, the first about every 4.7 hours
        assertThat(earlier.substring(0, 15)).isEqualTo(later.substring(0, 15));
        assertThat(nextMinute.substring(0, 12)).isEqualTo(earlier.substring(0, 12));
        assertThat(nextMinute.substring(0, 15)).isNotEqualTo(earlier.substring(0, 15));
    }

    @Test
    void newKeysDoNotRepeat() {
        var keys = new HashSet<StorageKey>();
        for (int i = 0; i < 1000; i++) {
            keys.add(StorageKey.newKey(2025, AT));
        }
        assertThat(keys).hasSize(1000);
    }

    @Test
    void aKeyReadBackFromTheDatabaseEqualsTheOriginal() {
        var key = StorageKey.newKey(2025);

        assertThat(StorageKey.of(key.value())).isEqualTo(key);
        assertThat(key.withSuffix("thumb.jpg").value()).isEqualTo(key.value() + ".thumb.jpg");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "../etc/passwd",
                "2025/../../etc/passwd",
                "2025/ab/..",
                "a..b",
                "/etc/passwd",
                "2025\\ab\\cd",
                "C:/Windows/win.ini",
                "2025//ab",
                "2025/ab/",
                "2025/./ab",
                ".hidden",
                "2025/ab/cd/照片.jpg",
                "2025/ab/cd/photo name.jpg",
                "2025/ab/cd/x\0.jpg"
            })
    void refusesKeysThatCouldLeaveTheStoreOrComeFromAUser(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> StorageKey.of(value));
    }

    @Test
    void refusesNullAndOverlongKeys() {
        assertThatIllegalArgumentException().isThrownBy(() -> StorageKey.of(null));
        assertThatIllegalArgumentException().isThrownBy(() -> StorageKey.of("a".repeat(256)));
        assertThatIllegalArgumentException().isThrownBy(() -> StorageKey.newKey(25));
        assertThatIllegalArgumentException().isThrownBy(() -> StorageKey.newKey(10_000, AT));
    }
}
