package cn.qualify.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The envelope encryption in front of the filesystem store: the same contract, and what encryption adds. */
class EncryptedDocumentStoreTests extends DocumentStoreContractTests {

    static final String KEY_2025 = aKey();
    static final String KEY_2026 = aKey();

    @TempDir
    Path directory;

    FilesystemDocumentStore disk;

    @Override
    DocumentStore newStore() {
        disk = new FilesystemDocumentStore(directory.resolve("documents"));
        return new EncryptedDocumentStore(disk, Map.of("k2025", KEY_2025), "k2025");
    }

    @Override
    byte[] rawBytes(StorageKey key) throws Exception {
        return Files.readAllBytes(disk.root().resolve(key.value()));
    }

    @Override
    void overwriteRaw(StorageKey key, byte[] bytes) throws Exception {
        Files.write(disk.root().resolve(key.value()), bytes);
    }

    @Test
    void theStoredBytesAreNotThePlaintext() throws Exception {
        var photo = TestImages.aPhoneJpeg();
        var key = StorageKey.newKey(2025);

        store.put(key, photo);

        var onDisk = rawBytes(key);
        assertThat(onDisk).startsWith('Q', 'E', 'N', 'C');
        var hex = HexFormat.of();
        assertThat(hex.formatHex(onDisk))
                .doesNotContain(hex.formatHex(photo, 0, 16))
                .doesNotContain(hex.formatHex(photo, photo.length / 2, photo.length / 2 + 16));
        assertThat(EncryptedDocumentStore.keyIdOf(onDisk)).isEqualTo("k2025");
        assertThat(store.get(key)).isEqualTo(photo);
    }

    @Test
    void aDerivedDocumentIsEncryptedAsWell() throws Exception {
        var thumbnail = StorageKey.newKey(2025).withSuffix("thumb.jpg");
        var content = TestImages.aPng();

        store.putDerived(thumbnail, content);

        var onDisk = rawBytes(thumbnail);
        assertThat(onDisk).startsWith('Q', 'E', 'N', 'C');
        assertThat(HexFormat.of().formatHex(onDisk))
                .doesNotContain(HexFormat.of().formatHex(content, 16, 48));
        assertThat(store.get(thumbnail)).isEqualTo(content);
    }

    @Test
    void theSameDocumentTwiceIsEncryptedDifferently() throws Exception {
        var first = StorageKey.newKey(2025);
        var second = StorageKey.newKey(2025);

        store.put(first, new byte[] {1, 2, 3});
        store.put(second, new byte[] {1, 2, 3});

        assertThat(rawBytes(first)).isNotEqualTo(rawBytes(second));
    }

    @Test
    void aRotatedKeyRingStillReadsTheOlderDocuments() throws Exception {
        var old = StorageKey.newKey(2025);
        store.put(old, new byte[] {1});

        var rotated = new EncryptedDocumentStore(disk, Map.of("k2025", KEY_2025, "k2026", KEY_2026), "k2026");
        var fresh = StorageKey.newKey(2026);
        rotated.put(fresh, new byte[] {2});

        assertThat(EncryptedDocumentStore.keyIdOf(rawBytes(fresh))).isEqualTo("k2026");
        assertThat(rotated.get(old)).containsExactly(1);
        assertThat(rotated.get(fresh)).containsExactly(2);
    }

    @Test
    void aWrongKeyUnderTheSameIdFailsClearly() {
        var key = StorageKey.newKey(2025);
        store.put(key, new byte[] {1});

        var wrong = new EncryptedDocumentStore(disk, Map.of("k2025", KEY_2026), "k2025");

        assertThatThrownBy(() -> wrong.get(key))
                .isInstanceOf(DocumentDecryptionException.class)
                .hasMessageContaining(key.value())
                .hasMessageContaining("'k2025'")
                .hasMessageContaining("different key");
    }

    @Test
    void aDocumentWhoseKeyIsNoLongerConfiguredFailsClearly() {
        var key = StorageKey.newKey(2025);
        store.put(key, new byte[] {1});

        var without = new EncryptedDocumentStore(disk, Map.of("k2026", KEY_2026), "k2026");
        var none = new EncryptedDocumentStore(disk, Map.of(), null);

        assertThatThrownBy(() -> without.get(key))
                .isInstanceOf(DocumentDecryptionException.class)
                .hasMessageContaining("'k2025', which is not configured");
        assertThatThrownBy(() -> none.open(key))
                .as("never served encrypted")
                .isInstanceOf(DocumentDecryptionException.class);
    }

    @Test
    void aDocumentCopiedUnderAnotherKeyDoesNotDecrypt() throws Exception {
        var original = StorageKey.newKey(2025);
        var copy = StorageKey.newKey(2025);
        store.put(original, new byte[] {1, 2, 3});
        Files.createDirectories(disk.root().resolve(copy.value()).getParent());
        Files.write(disk.root().resolve(copy.value()), rawBytes(original));

        assertThatThrownBy(() -> store.get(copy))
                .isInstanceOf(DocumentDecryptionException.class)
                .hasMessageContaining("altered or stored under another key");
    }

    @Test
    void withoutAnActiveKeyDocumentsAreStoredAsTheyAreAndStillRead() throws Exception {
        var plain = new EncryptedDocumentStore(disk, Map.of("k2025", KEY_2025), null);
        var key = StorageKey.newKey(2025);

        plain.put(key, new byte[] {1, 2});

        assertThat(rawBytes(key)).containsExactly(1, 2);
        assertThat(store.get(key))
                .as("a document written before encryption was on")
                .containsExactly(1, 2);
        assertThat(store.verify(key, ImageIntakeTests.sha256(new byte[] {1, 2})))
                .isTrue();
    }

    @Test
    void refusesKeysThatAreNotAes256OrAnActiveKeyThatIsMissing() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new EncryptedDocumentStore(disk, Map.of("short", "AAEC"), "short"))
                .withMessageContaining("32 random bytes");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new EncryptedDocumentStore(disk, Map.of("k2025", KEY_2025), "k2030"))
                .withMessageContaining("'k2030' is not among");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new EncryptedDocumentStore(disk, Map.of("k 1", KEY_2025), null))
                .withMessageContaining("key id");
    }

    static String aKey() {
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
