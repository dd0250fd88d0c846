package cn.qualify.materials;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Stores documents as files under one directory, the key being the relative path. A document is written to a
 * hidden temporary file in its final directory, forced to disk, then renamed into place: a rename within one
 * directory is atomic, so no reader ever sees half a file, and a crash leaves at most a stray temporary file
 * (its name starts with a dot, which no key does). Deleting the key deletes such a temporary too: an upload's key
 * is pending before its bytes are written, so the orphan sweep removes what a put killed mid-write left.
 * {@link #putDerived} skips both forces.
 */
final class FilesystemDocumentStore implements DocumentStore {

    private final Path root;

    FilesystemDocumentStore(Path directory) {
        this.root = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the document directory " + root, e);
        }
    }

    Path root() {
        return root;
    }

    @Override
    public StoredDocument put(StorageKey key, byte[] content) {
        return write(key, content, true);
    }

    /** Written and renamed into place as {@link #put}, but neither the file nor its directory is forced to disk. */
    @Override
    public StoredDocument putDerived(StorageKey key, byte[] content) {
        return write(key, content, false);
    }

    private StoredDocument write(StorageKey key, byte[] content, boolean durable) {
        var target = resolve(key);
        if (Files.exists(target)) {
            throw new IllegalStateException("A document is already stored under " + key);
        }
        var directory = target.getParent();
        var temporary = temporaryFor(target);
        try {
            try (var channel = createNew(temporary)) {
                var buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (durable) {
                    channel.force(true);
                }
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            if (durable) {
                forceDirectory(directory);
            }
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new DocumentStoreUnavailableException("Cannot store " + key + " under " + root, e);
        }
        return new StoredDocument(key, content);
    }

    /**
     * Opens a new file for writing, making its directory first only if it is missing: asked to make a directory that
     * exists, {@link Files#createDirectories} finds out by a failed system call and an exception, on every upload.
     */
    private static FileChannel createNew(Path file) throws IOException {
        try {
            return FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (NoSuchFileException noDirectory) {
            Files.createDirectories(file.getParent());
            return FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }

    @Override
    public byte[] get(StorageKey key) {
        try {
            return Files.readAllBytes(resolve(key));
        } catch (NoSuchFileException e) {
            throw new DocumentNotFoundException(key);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + key, e);
        }
    }

    @Override
    public InputStream open(StorageKey key) {
        try {
            return Files.newInputStream(resolve(key));
        } catch (NoSuchFileException e) {
            throw new DocumentNotFoundException(key);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + key, e);
        }
    }

    @Override
    public boolean exists(StorageKey key) {
        return Files.isRegularFile(resolve(key));
    }

    @Override
    public boolean delete(StorageKey key) {
        var target = resolve(key);
        try {
            deleteTemporaries(target);
            return Files.deleteIfExists(target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + key, e);
        }
    }

    @Override
    public boolean verify(StorageKey key, String sha256) {
        try (var input = new DigestInputStream(open(key), MessageDigest.getInstance("SHA-256"))) {
            input.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(input.getMessageDigest().digest()).equalsIgnoreCase(sha256);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + key, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The file for a key; a key is safe by construction, and this checks it once more against the root. */
    Path resolve(StorageKey key) {
        var path = root.resolve(key.value()).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("Storage key leaves the document directory: " + key);
        }
        return path;
    }

    /** A new temporary name next to the target, hidden from keys by its leading dot. */
    static Path temporaryFor(Path target) {
        return target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    }

    /**
     * The temporaries of this target's puts that never finished; a put that fails deletes its own, only a process
     * that dies mid-write leaves one. Exactly this target's: the UUID pattern keeps a derived key's (a thumbnail's,
     * named after it) apart.
     */
    private static void deleteTemporaries(Path target) throws IOException {
        var directory = target.getParent();
        if (!Files.isDirectory(directory)) {
            return;
        }
        var pattern = "." + target.getFileName() + ".????????-????-????-????-????????????.tmp";
        try (var strays = Files.newDirectoryStream(directory, pattern)) {
            for (Path stray : strays) {
                Files.deleteIfExists(stray);
            }
        }
    }

    /** Makes the rename itself durable; not every platform can open a directory for this, and that is fine. */
    private static void forceDirectory(Path directory) {
        try (var channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot sync a directory; NTFS journals the rename itself.
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the original failure is the one worth reporting
        }
    }
}
