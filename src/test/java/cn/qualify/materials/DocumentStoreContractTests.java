package cn.qualify.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DocumentStore} adapter promises, run against each of them by a subclass: the filesystem, the S3
 * bucket and the envelope encryption in front of a store.
 */
abstract class DocumentStoreContractTests {

    DocumentStore store;

    /** A fresh, empty store. */
    abstract DocumentStore newStore() throws Exception;

    /** The bytes the underlying medium holds for the key, bypassing the store. */
    abstract byte[] rawBytes(StorageKey key) throws Exception;

    /** Replaces the bytes the underlying medium holds for the key, bypassing the store. */
    abstract void overwriteRaw(StorageKey key, byte[] bytes) throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = newStore();
    }

    @Test
    void storesAndReturnsTheSameBytes() throws Exception {
        var content = TestImages.aPhoneJpeg();
        var key = StorageKey.newKey(2025);

        var stored = store.put(key, content);

        assertThat(stored.key()).isEqualTo(key);
        assertThat(stored.size()).isEqualTo(content.length);
        assertThat(stored.sha256()).isEqualTo(ImageIntakeTests.sha256(content));
        assertThat(store.exists(key)).isTrue();
        assertThat(store.get(key)).isEqualTo(content);
        try (var stream = store.open(key)) {
            assertThat(stream.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void verifiesAgainstTheRecordedSha256() throws Exception {
        var key = StorageKey.newKey(2025);
        var stored = store.put(key, TestImages.aPng());

        assertThat(store.verify(key, stored.sha256())).isTrue();
        assertThat(store.verify(key, ImageIntakeTests.sha256(new byte[] {1}))).isFalse();
    }

    @Test
    void verifyNoticesChangedBytes() throws Exception {
        var key = StorageKey.newKey(2025);
        var stored = store.put(key, TestImages.aPng());

        var bytes = rawBytes(key);
        bytes[bytes.length / 2] ^= 0x01;
        overwriteRaw(key, bytes);

        assertThat(store.verify(key, stored.sha256())).isFalse();
    }

    @Test
    void neverOverwritesAStoredDocument() {
        var key = StorageKey.newKey(2025);
        store.put(key, new byte[] {1, 2, 3});

        assertThatIllegalStateException().isThrownBy(() -> store.put(key, new byte[] {4, 5, 6}));
        assertThat(store.get(key)).containsExactly(1, 2, 3);
    }

    @Test
    void keepsDocumentsApart() {
        var first = StorageKey.newKey(2025);
        var second = StorageKey.newKey(2024);
        var thumbnail = first.withSuffix("thumb.jpg");

        store.put(first, new byte[] {1});
        store.put(second, new byte[] {2});
        store.put(thumbnail, new byte[] {3});

        assertThat(store.get(first)).containsExactly(1);
        assertThat(store.get(second)).containsExactly(2);
        assertThat(store.get(thumbnail)).containsExactly(3);
        assertThat(store.delete(first)).isTrue();
        assertThat(store.exists(thumbnail)).isTrue();
    }

    @Test
    void storesADerivedDocumentAsAnyOtherAndNeverOverAnother() throws Exception {
        var photo = TestImages.aPhoneJpeg();
        var original = StorageKey.newKey(2025);
        store.put(original, photo);
        var thumbnail = original.withSuffix("thumb.jpg");
        var content = TestImages.aPng();

        var stored = store.putDerived(thumbnail, content);

        assertThat(stored.key()).isEqualTo(thumbnail);
        assertThat(stored.size()).isEqualTo(content.length);
        assertThat(stored.sha256()).isEqualTo(ImageIntakeTests.sha256(content));
        assertThat(store.exists(thumbnail)).isTrue();
        assertThat(store.get(thumbnail)).isEqualTo(content);
        try (var stream = store.open(thumbnail)) {
            assertThat(stream.readAllBytes()).isEqualTo(content);
        }
        assertThat(store.verify(thumbnail, stored.sha256())).isTrue();
        assertThatIllegalStateException().isThrownBy(() -> store.putDerived(thumbnail, new byte[] {1}));
        assertThatIllegalStateException().isThrownBy(() -> store.putDerived(original, new byte[] {1}));
        assertThat(store.get(thumbnail)).isEqualTo(content);
        assertThat(store.get(original)).isEqualTo(photo);
        assertThat(store.delete(thumbnail)).isTrue();
        assertThat(store.exists(thumbnail)).isFalse();
        assertThat(store.get(original)).isEqualTo(photo);
    }

    /**
     * What a crash of the machine can leave of a thumbnail, which is not forced to disk: an empty file, a file cut
     * short (encrypted, it no longer decrypts), or none. Each reads as no thumbnail, not as a broken one or an error.
     */
    @Test
    void aThumbnailLeftEmptyCutShortOrGoneIsNotWhole() throws Exception {
        var thumbnail = StorageKey.newKey(2025).withSuffix("thumb.jpg");
        var jpeg = TestImages.jpeg(TestImages.aDocument(320, 240), 0.8f);
        store.putDerived(thumbnail, jpeg);
        assertThat(Thumbnails.readWhole(store, thumbnail).orElseThrow()).isEqualTo(jpeg);
        assertThat(Thumbnails.isWhole(store, thumbnail)).isTrue();
        var raw = rawBytes(thumbnail);

        overwriteRaw(thumbnail, new byte[0]);
        assertThat(Thumbnails.readWhole(store, thumbnail)).isEmpty();
        assertThat(Thumbnails.isWhole(store, thumbnail)).isFalse();

        overwriteRaw(thumbnail, Arrays.copyOf(raw, raw.length / 2));
        assertThat(Thumbnails.readWhole(store, thumbnail)).isEmpty();
        overwriteRaw(thumbnail, Arrays.copyOf(raw, 3));
        assertThat(Thumbnails.readWhole(store, thumbnail)).isEmpty();

        store.delete(thumbnail);
        assertThat(Thumbnails.readWhole(store, thumbnail)).isEmpty();
        assertThat(Thumbnails.isWhole(store, thumbnail)).isFalse();
    }

    @Test
    void deletesOnceAndThenKnowsNothingOfTheKey() {
        var key = StorageKey.newKey(2025);
        store.put(key, new byte[] {1});

        assertThat(store.delete(key)).isTrue();
        assertThat(store.delete(key)).isFalse();
        assertThat(store.exists(key)).isFalse();
        assertThatThrownBy(() -> store.get(key))
                .isInstanceOf(DocumentNotFoundException.class)
                .hasMessageContaining(key.value());
        assertThatThrownBy(() -> store.open(key)).isInstanceOf(DocumentNotFoundException.class);
        assertThatThrownBy(() -> store.verify(key, "00")).isInstanceOf(DocumentNotFoundException.class);
    }

    @Test
    void knowsNothingOfAKeyNeverStored() {
        var key = StorageKey.newKey(2025);

        assertThat(store.exists(key)).isFalse();
        assertThat(store.delete(key)).isFalse();
        assertThatThrownBy(() -> store.get(key)).isInstanceOf(DocumentNotFoundException.class);
    }

    @Test
    void anEmptyDocumentIsStillADocument() {
        var key = StorageKey.newKey(2025);

        var stored = store.put(key, new byte[0]);

        assertThat(store.get(key)).isEmpty();
        assertThat(stored.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(store.verify(key, stored.sha256())).isTrue();
    }
}
