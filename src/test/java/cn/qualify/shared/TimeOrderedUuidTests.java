package cn.qualify.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedUuidTests {

    static final Instant AT = Instant.parse("2025-03-01T02:00:00.123Z");

    @Test
    void carriesItsMillisecondFirstAndIsAVersion7Uuid() {
        var id = TimeOrderedUuid.madeAt(AT);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(AT.toEpochMilli());
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(UUID.fromString(id.toString())).isEqualTo(id);
    }

    @Test
    void sortsAsPostgreSqlComparesUuidsByteForByteByTheInstantItWasMade() {
        var earlier = TimeOrderedUuid.madeAt(AT).toString();
        var later = TimeOrderedUuid.madeAt(AT.plusMillis(1)).toString();
        var muchLater = TimeOrderedUuid.madeAt(AT.plusSeconds(86_400L * 365)).toString();
        // the canonical text of a UUID sorts as its bytes do
        assertThat(earlier).isLessThan(later);
        assertThat(later).isLessThan(muchLater);
    }

    @Test
    void identifiersOfOneMillisecondDiffer() {
        var made = new HashSet<UUID>();
        for (int i = 0; i < 10_000; i++) {
            made.add(TimeOrderedUuid.madeAt(AT));
        }
        assertThat(made).hasSize(10_000);
    }
}
