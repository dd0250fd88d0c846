package cn.qualify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostgreSQL restarted under a running Qualify: while it is down every request fails cleanly (503, a problem
 * detail or a short page, no stack trace), and once it is back requests succeed again without restarting Qualify.
 *
 * <p>Uses a throw-away PostgreSQL cluster of its own (initdb and pg_ctl from {@code /usr/lib/postgresql/N/bin},
 * a random port, a temporary directory; run as the {@code postgres} user when the tests run as root, since
 * initdb refuses root) and starts one Qualify against it with the {@code postgresql} profile; the machine's
 * shared PostgreSQL is never touched.
 * Skipped when the server binaries are not installed.
 */
class DatabaseRestartIntegrationTests {

    private static Path bin;
    private static Path directory;
    private static Path data;
    private static int port;
    private static boolean root;
    private static ConfigurableApplicationContext qualify;
    private static String base;
    private static final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @BeforeAll
    static void aPrivatePostgresqlAndAQualifyOnIt() throws Exception {
        bin = postgresqlBin().orElse(null);
        Assumptions.assumeTrue(
                bin != null,
                "PostgreSQL server binaries (initdb, pg_ctl under /usr/lib/postgresql/*/bin) are not installed:"
                        + " the database restart test needs a cluster of its own and is skipped");
        root = "root".equals(System.getProperty("user.name"));
        if (root) {
            Assumptions.assumeTrue(
                    run(List.of("id", "postgres"), false) == 0 && Files.isExecutable(Path.of("/usr/sbin/runuser")),
                    "running as root without a postgres user or runuser: initdb refuses root, test skipped");
        }
        directory = Files.createTempDirectory("qualify-pg-");
        data = directory.resolve("data");
        if (root) {
            run(List.of("chown", "postgres", directory.toString()), true);
        }
        port = freePort();
        asPostgres(
                bin.resolve("initdb").toString(),
                "-D",
                data.toString(),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                "-N");
        start();
        try (var connection =
                DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "")) {
            connection.createStatement().execute("CREATE DATABASE qualify");
        }
        qualify = new SpringApplicationBuilder(QualifyApplication.class)
                .run(
                        "--server.port=0",
                        // the production profile, with its pool and driver settings; the address is this cluster's
                        "--spring.profiles.active=postgresql",
                        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + port + "/qualify",
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--spring.datasource.hikari.maximum-pool-size=4",
                        "--spring.datasource.hikari.connection-timeout=2000",
                        "--qualify.documents.directory=" + directory.resolve("documents"));
        base = "http://localhost:" + qualify.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (qualify != null) {
            qualify.close();
        }
        if (data != null && Files.exists(data.resolve("postmaster.pid"))) {
            asPostgres(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
        }
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void requestsFailCleanlyWhileTheDatabaseIsDownAndSucceedAgainWhenItIsBack() throws Exception {
        assertThat(get("/api/v1/exam-points", "application/json").statusCode()).isEqualTo(200);
        assertThat(get("/register", "text/html").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health", "application/json").statusCode()).isEqualTo(200);

        asPostgres(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop");

        var api = get("/api/v1/exam-points", "application/json");
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(api.headers().firstValue("Retry-After")).isPresent();
        assertThat(api.body()).contains("\"status\":503", "系统暂时无法连接数据库");
        assertNoInternals(api.body());

        var page = get("/register", "text/html");
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).contains("text/html");
        assertThat(page.body()).contains("系统暂时不可用");
        assertNoInternals(page.body());
        var english = get("/register?lang=en", "text/html");
        assertThat(english.statusCode()).isEqualTo(503);
        assertThat(english.body()).contains("Temporarily unavailable");

        var logIn = get("/login", "text/html");
        assertThat(logIn.statusCode()).isIn(200, 503);
        assertNoInternals(logIn.body());
        assertThat(get("/actuator/health", "application/json").statusCode()).isEqualTo(503);

        start();

        Instant until = Instant.now().plusSeconds(60);
        int status = 0;
        while (Instant.now().isBefore(until)) {
            status = get("/api/v1/exam-points", "application/json").statusCode();
            if (status == 200) {
                break;
            }
            Thread.sleep(250);
        }
        assertThat(status)
                .as("answers again once the database is back, without a restart")
                .isEqualTo(200);
        assertThat(get("/register", "text/html").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health", "application/json").statusCode()).isEqualTo(200);
    }

    private static void assertNoInternals(String body) {
        assertThat(body).doesNotContain("Exception", "\tat ", "at org.", "at cn.qualify", "SQLState", "PSQLException");
    }

    private static HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Accept", accept)
                        .timeout(Duration.ofSeconds(20))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void start() throws Exception {
        asPostgres(
                bin.resolve("pg_ctl").toString(),
                "-D",
                data.toString(),
                "-l",
                directory.resolve("postgresql.log").toString(),
                "-w",
                "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + directory
                        + " -c fsync=off",
                "start");
        Instant until = Instant.now().plusSeconds(30);
        while (true) {
            try (var connection =
                    DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "")) {
                return;
            } catch (SQLException notYet) {
                if (Instant.now().isAfter(until)) {
                    throw notYet;
                }
                Thread.sleep(200);
            }
        }
    }

    private static Optional<Path> postgresqlBin() throws IOException {
        Path versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(versions)) {
            return dirs.map(dir -> dir.resolve("bin"))
                    .filter(dir ->
                            Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl")))
                    .max(Comparator.comparing(Path::toString));
        }
    }

    private static void asPostgres(String... command) throws Exception {
        var full = new ArrayList<String>();
        if (root) {
            full.addAll(List.of("/usr/sbin/runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        run(full, true);
    }

    private static int run(List<String> command, boolean mustSucceed) throws Exception {
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        if (mustSucceed && process.exitValue() != 0) {
            throw new IllegalStateException("failed (" + process.exitValue() + "): " + command);
        }
        return process.exitValue();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
