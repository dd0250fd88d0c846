package cn.qualify.perf;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The limit of the upload benchmark: an endpoint that only receives the candidate's multipart body and writes the file
 * part to disk, as durably as the product's filesystem store does (temporary file, forced to disk, renamed into a
 * two-level directory, directory synced), then answers 201. No session, no security, no checks, no database.
 *
 * <p>{@code BareUploadServer [--port 18090] [--bind 127.0.0.1] [--dir perf/target/bare] [--threads 200] [--fsync
 * true]}: any POST is an upload (bind {@code 0.0.0.0} for a load generator on another machine); {@code GET /health} answers 200; {@code GET /count} the number of files written.
 */
public final class BareUploadServer {

    private final Path root;
    private final boolean fsync;
    private final AtomicLong written = new AtomicLong();

    BareUploadServer(Path root, boolean fsync) {
        this.root = root;
        this.fsync = fsync;
    }

    public static void main(String[] args) throws IOException {
        var options = new HashMap<String, String>(Map.of(
                "--port",
                "18090",
                "--bind",
                "127.0.0.1",
                "--dir",
                "perf/target/bare",
                "--threads",
                "200",
                "--fsync",
                "true"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        var root = Path.of(options.get("--dir"));
        Files.createDirectories(root);
        var bare = new BareUploadServer(root, Boolean.parseBoolean(options.get("--fsync")));
        var address = new InetSocketAddress(options.get("--bind"), Integer.parseInt(options.get("--port")));
        // The JDK's server writes the answer's headers and body separately; with Nagle's algorithm on, the body
        // waits for the client's delayed ACK of the headers (40 ms), which capped four client threads at 90
        // uploads a second whatever the machine. Tomcat, on the product's side, sets TCP_NODELAY too.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        var server = HttpServer.create(address, 1024);
        // as many request threads as Tomcat's default maximum, so that neither side is limited by its pool
        server.setExecutor(Executors.newFixedThreadPool(Integer.parseInt(options.get("--threads"))));
        server.createContext("/", bare::handle);
        server.start();
        System.out.printf(
                "bare upload endpoint on port %s writing to %s (fsync %s)%n",
                options.get("--port"), root.toAbsolutePath(), options.get("--fsync"));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if ("GET".equals(exchange.getRequestMethod())) {
                var path = exchange.getRequestURI().getPath();
                respond(exchange, 200, path.equals("/count") ? Long.toString(written.get()) : "UP");
                return;
            }
            var contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            var body = exchange.getRequestBody().readAllBytes();
            var file = filePart(body, contentType);
            if (file == null) {
                respond(exchange, 400, "{\"error\":\"no file part\"}");
                return;
            }
            var id = timeOrderedId();
            int size = file.remaining();
            store(id, file);
            written.incrementAndGet();
            respond(exchange, 201, "{\"id\":\"" + id + "\",\"size\":" + size + "}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 200 ? "text/plain" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The content of the first part of a multipart/form-data body, or null. */
    static ByteBuffer filePart(byte[] body, String contentType) {
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
