package cn.qualify.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemDocumentStoreTests extends DocumentStoreContractTests {

    @TempDir
    Path directory;

    FilesystemDocumentStore filesystem;

    @Override
    DocumentStore newStore() {
        filesystem = new FilesystemDocumentStore(directory.resolve("documents"));
        return filesystem;
    }

    @Override
    byte[] rawBytes(StorageKey key) throws Exception {
        return Files.readAllBytes(filesystem.root().resolve(key.value()));
    }

    @Override
    void overwriteRaw(StorageKey key, byte[] bytes) throws Exception {
        Files.write(filesystem.root().resolve(key.value()), bytes);
    }

    @Test
    void recordsTheSha256OfTheFileOnDisk() throws Exception {
        var key = StorageKey.newKey(2025);

        var stored = store.put(key, TestImages.aPng());

        var file = filesystem.root().resolve(key.value());
        assertThat(stored.sha256()).isEqualTo(ImageIntakeTests.sha256(Files.readAllBytes(file)));
    }

    @Test
    void laysFilesOutByKeyAndLeavesNoTemporaryFileBehind() throws Exception {
        var key = StorageKey.newKey(2025);

        store.put(key, new byte[] {1, 2, 3});

        try (Stream<Path> files = Files.walk(filesystem.root())) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(p -> filesystem.root().relativize(p).toString().replace('\\', '/')))
                    .containsExactly(key.value());
        }
    }

    @Test
    void aDerivedDocumentIsRenamedIntoPlaceToo() throws Exception {
        var key = StorageKey.newKey(2025);
        var thumbnail = key.withSuffix("thumb.jpg");

        store.put(key, new byte[] {1, 2, 3});
        store.putDerived(thumbnail, new byte[] {4, 5});

        try (Stream<Path> files = Files.walk(filesystem.root())) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(p -> filesystem.root().relativize(p).toString().replace('\\', '/')))
                    .containsExactlyInAnyOrder(key.value(), thumbnail.value());
        }
        assertThat(Files.readAllBytes(filesystem.root().resolve(thumbnail.value())))
                .containsExactly(4, 5);
    }

    @Test
    void aFailedPutLeavesNothingVisible() throws Exception {
        var key = StorageKey.newKey(2025);
        // A file where the key's directory should be makes the write fail before the rename.
        var parent = filesystem.root().resolve(key.value()).getParent();
        Files.createDirectories(parent.getParent());
        Files.write(parent, new byte[0]);

        assertThatThrownBy(() -> store.put(key, new byte[] {1})).isInstanceOf(java.io.UncheckedIOException.class);
        assertThat(store.exists(key)).isFalse();
    }
}
