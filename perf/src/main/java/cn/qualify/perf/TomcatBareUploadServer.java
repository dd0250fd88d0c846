package cn.qualify.perf;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * A second baseline for the upload benchmark: {@link BareUploadServer}'s work (take the multipart body's file part,
 * write it to disk as durably as the product's store, answer 201) as one plain servlet in an embedded Tomcat with the
 * connector the product runs on (Tomcat's NIO HTTP/1.1 connector with Spring Boot's defaults: 200 request threads).
 * Measured next to the JDK's server, it tells how much of the gap between the product and the bare endpoint is the
 * servlet container the product is built on, and how much is the product's own work on top of it.
 *
 * <p>{@code TomcatBareUploadServer [--port 18091] [--bind 127.0.0.1] [--dir perf/target/bare-tomcat] [--threads
 * 200] [--fsync true]}: any POST is an upload; {@code GET /health} answers 200; {@code GET /count} the number of files
 * written.
 */
public final class TomcatBareUploadServer {

    public static void main(String[] args) throws IOException, LifecycleException {
        var options = new Options(args);
        var uploads = new BareUploads(
                Path.of(options.text("dir", "perf/target/bare-tomcat")),
                Boolean.parseBoolean(options.text("fsync", "true")));
        var tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("bare-tomcat").toString());
        // the protocol Spring Boot's Tomcat factory uses by default (Http11NioProtocol), with its thread maximum
        var connector = new Connector("org.apache.coyote.http11.Http11NioProtocol");
        connector.setPort((int) options.number("port", 18091));
        connector.setProperty("address", options.text("bind", "127.0.0.1"));
        connector.setProperty("maxThreads", options.text("threads", "200"));
        connector.setThrowOnFailure(true);
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);
        var context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "upload", new UploadServlet(uploads));
        context.addServletMappingDecoded("/*", "upload");
        tomcat.start();
        System.out.printf(
                "bare upload endpoint (Tomcat) on port %s writing to %s (fsync %s)%n",
                connector.getPort(), uploads.root().toAbsolutePath(), options.text("fsync", "true"));
        tomcat.getServer().await();
    }

    private static final class UploadServlet extends HttpServlet {

        private final transient BareUploads uploads;

        UploadServlet(BareUploads uploads) {
            this.uploads = uploads;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            respond(response, 200, request.getRequestURI().equals("/count") ? Long.toString(uploads.written()) : "UP");
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            var answer = uploads.accept(request.getInputStream().readAllBytes(), request.getContentType());
            if (answer == null) {
                respond(response, 400, "{\"error\":\"no file part\"}");
                return;
            }
            respond(response, 201, answer);
        }

        private static void respond(HttpServletResponse response, int status, String body) throws IOException {
            var bytes = body.getBytes(StandardCharsets.UTF_8);
            response.setStatus(status);
            response.setContentType(status == 200 ? "text/plain" : "application/json");
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }
}
