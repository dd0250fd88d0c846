package cn.qualify.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemDocumentStoreTests {

    @TempDir
    Path directory;

    FilesystemDocumentStore store;

    @BeforeEach
    void openStore() {
        store = new FilesystemDocumentStore(directory.resolve("documents"));
    }

    @Test
    void storesAndReturnsTheSameBytes() throws Exception {
        var content = TestImages.aPhoneJpeg();
        var key = StorageKey.newKey(2025);

        var stored = store.put(key, content);

        assertThat(stored.key()).isEqualTo(key);
        assertThat(stored.size()).isEqualTo(content.length);
        assertThat(store.exists(key)).isTrue();
        assertThat(store.get(key)).isEqualTo(content);
        try (var stream = store.open(key)) {
            assertThat(stream.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void recordsTheSha256OfTheFileOnDisk() throws Exception {
        var key = StorageKey.newKey(2025);

        var stored = store.put(key, TestImages.aPng());

        var file = store.root().resolve(key.value());
        assertThat(stored.sha256()).isEqualTo(ImageIntakeTests.sha256(Files.readAllBytes(file)));
        assertThat(store.verify(key, stored.sha256())).isTrue();
    }

    @Test
    void verifyNoticesAChangedFile() throws Exception {
        var key = StorageKey.newKey(2025);
        var stored = store.put(key, TestImages.aPng());

        var file = store.root().resolve(key.value());
        var bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);

        assertThat(store.verify(key, stored.sha256())).isFalse();
    }

    @Test
    void laysFilesOutByKeyAndLeavesNoTemporaryFileBehind() throws Exception {
        var key = StorageKey.newKey(2025);

        store.put(key, new byte[] {1, 2, 3});

        try (Stream<Path> files = Files.walk(store.root())) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(p -> store.root().relativize(p).toString().replace('\\', '/')))
                    .containsExactly(key.value());
        }
    }

    @Test
    void neverOverwritesAStoredDocument() {
        var key = StorageKey.newKey(2025);
        store.put(key, new byte[] {1, 2, 3});

        assertThatIllegalStateException().isThrownBy(() -> store.put(key, new byte[] {4, 5, 6}));
        assertThat(store.get(key)).containsExactly(1, 2, 3);
    }

    @Test
    void aFailedPutLeavesNothingVisible() throws Exception {
        var key = StorageKey.newKey(2025);
        // A file where the key's directory should be makes the write fail before the rename.
        var parent = store.root().resolve(key.value()).getParent();
        Files.createDirectories(parent.getParent());
        Files.write(parent, new byte[0]);

        assertThatThrownBy(() -> store.put(key, new byte[] {1})).isInstanceOf(java.io.UncheckedIOException.class);
        assertThat(store.exists(key)).isFalse();
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
    void anEmptyDocumentIsStillADocument() {
        var key = StorageKey.newKey(2025);

        var stored = store.put(key, new byte[0]);

        assertThat(store.get(key)).isEmpty();
        assertThat(stored.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
