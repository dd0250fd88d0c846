package cn.qualify.perf;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Executors;

/**
 * The limit of the upload benchmark: an endpoint that only receives the candidate's multipart body and writes the file
 * part to disk, as durably as the product's filesystem store does (temporary file, forced to disk, renamed into a
 * two-level directory, directory synced), then answers 201. No session, no security, no checks, no database.
 *
 * <p>{@code BareUploadServer [--port 18090] [--bind 127.0.0.1] [--dir perf/target/bare] [--threads 200] [--fsync
 * true]}: any POST is an upload (bind {@code 0.0.0.0} for a load generator on another machine); {@code GET /health} answers 200; {@code GET /count} the number of files written.
 */
public final class BareUploadServer {

    private final BareUploads uploads;

    BareUploadServer(BareUploads uploads) {
        this.uploads = uploads;
    }

    public static void main(String[] args) throws IOException {
        var options = new Options(args);
        var uploads = new BareUploads(
                Path.of(options.text("dir", "perf/target/bare")), Boolean.parseBoolean(options.text("fsync", "true")));
        var bare = new BareUploadServer(uploads);
        var address = new InetSocketAddress(options.text("bind", "127.0.0.1"), (int) options.number("port", 18090));
        // The JDK's server writes the answer's headers and body separately; with Nagle's algorithm on, the body
        // waits for the client's delayed ACK of the headers (40 ms), which capped four client threads at 90
        // uploads a second whatever the machine. Tomcat, on the product's side, sets TCP_NODELAY too.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        var server = HttpServer.create(address, 1024);
        // as many request threads as Tomcat's default maximum, so that neither side is limited by its pool
        server.setExecutor(Executors.newFixedThreadPool((int) options.number("threads", 200)));
        server.createContext("/", bare::handle);
        server.start();
        System.out.printf(
                "bare upload endpoint on port %s writing to %s (fsync %s)%n",
                address.getPort(), uploads.root().toAbsolutePath(), options.text("fsync", "true"));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if ("GET".equals(exchange.getRequestMethod())) {
                var path = exchange.getRequestURI().getPath();
                respond(exchange, 200, path.equals("/count") ? Long.toString(uploads.written()) : "UP");
                return;
            }
            var answer = uploads.accept(
                    exchange.getRequestBody().readAllBytes(),
                    exchange.getRequestHeaders().getFirst("Content-Type"));
            if (answer == null) {
                respond(exchange, 400, "{\"error\":\"no file part\"}");
                return;
            }
            respond(exchange, 201, answer);
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
}
