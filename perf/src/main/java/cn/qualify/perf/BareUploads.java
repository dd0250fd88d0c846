package cn.qualify.perf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What both bare upload endpoints ({@link BareUploadServer} on the JDK's server, {@link TomcatBareUploadServer} on
 * Tomcat) do with a request's body: take the multipart body's file part and write it to disk as durably as the
 * product's filesystem store does. Kept in one place so that the two endpoints differ only in their HTTP server.
 */
final class BareUploads {

    private final Path root;
    private final boolean fsync;
    private final AtomicLong written = new AtomicLong();

    BareUploads(Path root, boolean fsync) throws IOException {
        this.root = root;
        this.fsync = fsync;
        Files.createDirectories(root);
    }

    Path root() {
        return root;
    }

    long written() {
        return written.get();
    }

    /**
     * Stores the file part of a multipart/form-data body and returns the JSON answer of a 201, or null when the body
     * has no file part (a 400).
     */
    String accept(byte[] body, String contentType) throws IOException {
        var file = filePart(body, contentType);
        if (file == null) {
            return null;
        }
        var id = timeOrderedId();
        int size = file.remaining();
        store(id, file);
        written.incrementAndGet();
        return "{\"id\":\"" + id + "\",\"size\":" + size + "}";
    }

    /** The content of the first part of a multipart/form-data body, or null. */
    private static ByteBuffer filePart(byte[] body, String contentType) {
        if (contentType == null || !contentType.startsWith("multipart/form-data")) {
            return null;
        }
        int at = contentType.indexOf("boundary=");
        if (at < 0) {
            return null;
        }
        var boundary = contentType.substring(at + "boundary=".length()).replace("\"", "");
        var delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (headersEnd < 0) {
            return null;
        }
        int start = headersEnd + 4;
        int end = indexOf(body, delimiter, start);
        return end < 0 ? null : ByteBuffer.wrap(body, start, end - start);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** As the product's storage keys: a version 7 UUID (shared.TimeOrderedUuid), so files arrive in time order. */
    private static String timeOrderedId() {
        var random = UUID.randomUUID();
        long mostSignificant =
                (System.currentTimeMillis() << 16) | 0x7000L | (random.getMostSignificantBits() & 0x0FFFL);
        return new UUID(mostSignificant, random.getLeastSignificantBits()).toString();
    }

    /**
     * As FilesystemDocumentStore.put under a key of StorageKey.newKey: two directory levels from the id's first hex
     * digits (about 4.7 hours, then about 65 seconds), hidden temporary file, forced, atomically renamed, directory
     * synced.
     */
    private void store(String id, ByteBuffer content) throws IOException {
        var directory = root.resolve(id.substring(0, 6)).resolve(id.substring(6, 8));
        var temporary = directory.resolve("." + id + ".tmp");
        try (var channel = createNew(temporary)) {
            while (content.hasRemaining()) {
                channel.write(content);
            }
            if (fsync) {
                channel.force(true);
            }
        }
        Files.move(temporary, directory.resolve(id), StandardCopyOption.ATOMIC_MOVE);
        if (fsync) {
            try (var dir = FileChannel.open(directory, StandardOpenOption.READ)) {
                dir.force(true);
            }
        }
    }

    /** As FilesystemDocumentStore: the directory is made only when opening the file finds none. */
    private static FileChannel createNew(Path file) throws IOException {
        try {
            return FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (NoSuchFileException noDirectory) {
            Files.createDirectories(file.getParent());
            return FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }
}
