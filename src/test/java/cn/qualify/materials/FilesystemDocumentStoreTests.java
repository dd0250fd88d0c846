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
    void storesIntoADirectoryThatIsThereAndIntoOneItMakes() throws Exception {
        var first = StorageKey.of("2025/ab/cd/abcd0000-0000-4000-8000-000000000001");
        var sameDirectory = StorageKey.of("2025/ab/cd/abcd0000-0000-4000-8000-000000000002");
        var newDirectory = StorageKey.of("2025/ab/ce/abce0000-0000-4000-8000-000000000003");

        store.put(first, new byte[] {1});
        store.put(sameDirectory, new byte[] {2});
        store.put(newDirectory, new byte[] {3});

        assertThat(store.get(first)).containsExactly(1);
        assertThat(store.get(sameDirectory)).containsExactly(2);
        assertThat(store.get(newDirectory)).containsExactly(3);
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
    void aTemporaryLeftByAPutKilledMidWriteIsNeverServedAndGoesWithItsKey() throws Exception {
        var key = StorageKey.of("2025/ab/cd/abcd0000-0000-4000-8000-000000000001");
        var neighbour = StorageKey.of("2025/ab/cd/abcd0000-0000-4000-8000-000000000002");
        var target = filesystem.resolve(key);
        Files.createDirectories(target.getParent());
        // What the process left when it died while writing: part of the bytes, under the put's temporary name.
        var stray = FilesystemDocumentStore.temporaryFor(target);
        Files.write(stray, new byte[] {1, 2});
        var thumbnailStray = FilesystemDocumentStore.temporaryFor(filesystem.resolve(key.withSuffix("thumb.jpg")));
        Files.write(thumbnailStray, new byte[] {3});
        var neighbourStray = FilesystemDocumentStore.temporaryFor(filesystem.resolve(neighbour));
        Files.write(neighbourStray, new byte[] {4});

        assertThat(store.exists(key)).isFalse();
        assertThatThrownBy(() -> store.get(key)).isInstanceOf(DocumentNotFoundException.class);

        // The orphan sweep deletes the key that was pending when the process died.
        assertThat(store.delete(key)).as("there was no document").isFalse();

        assertThat(stray).doesNotExist();
        assertThat(thumbnailStray).as("another key's").exists();
        assertThat(neighbourStray).as("another key's").exists();
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
