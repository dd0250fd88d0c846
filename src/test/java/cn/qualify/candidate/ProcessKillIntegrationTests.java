package cn.qualify.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.qualify.QualifyApplication;
import cn.qualify.TestExamSetup;
import cn.qualify.identity.IdentityFixtures;
import cn.qualify.materials.DocumentStore;
import cn.qualify.materials.PendingDocuments;
import cn.qualify.materials.StorageKey;
import cn.qualify.materials.StoredDocument;
import cn.qualify.materials.TestImages;
import cn.qualify.registration.Registrations;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Qualify killed with SIGKILL, in a process of its own, while two uploads are in flight, then started again on the
 * same database and document directory. One upload has sent half its body and the node's request thread is inside
 * the multipart reading; the other has its bytes in the document store but its image row not yet committed (a test
 * wrapper around the store holds the request there). Afterwards nobody is shown an image of either, neither the
 * document directory nor the dead node's temporary directory holds a half-written or plaintext copy, the orphan
 * sweep deletes exactly the stored bytes nothing refers to, the image committed before the crash is intact, and
 * uploads work again.
 *
 * <p>Runs on a PostgreSQL database of its own ({@link ThrowAwayDatabase}): the test reads it while the node runs,
 * and the crash safety of the database itself is not what is tested. Skipped when PostgreSQL does not answer.
 */
class ProcessKillIntegrationTests {

    static final Duration STARTUP = Duration.ofSeconds(120);

    static ThrowAwayDatabase database;
    static String skipped;
    static Path directory;
    static final List<Process> processes = new ArrayList<>();

    Path documents;
    Path state;
    JdbcClient jdbc;

    @BeforeAll
    static void aDatabaseOfItsOwn() throws IOException {
        var creation = ThrowAwayDatabase.create("qualify_kill");
        if (creation.database().isEmpty()) {
            skipped = creation.whyNot() + ": the process kill test needs it and is skipped";
            System.err.println("WARNING " + skipped);
            return;
        }
        database = creation.database().get();
        directory = Files.createTempDirectory("qualify-kill-");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        for (Process process : processes) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        if (database != null) {
            database.close();
        }
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    @BeforeEach
    void postgresqlIsThere() {
        Assumptions.assumeTrue(skipped == null, skipped);
        documents = directory.resolve("documents");
        state = directory.resolve("state");
        jdbc = JdbcClient.create(
                new DriverManagerDataSource(database.url(), ThrowAwayDatabase.USER, ThrowAwayDatabase.PASSWORD));
    }

    @Test
    void aNodeKilledWithUploadsInFlightLeavesNoImageNoHalfFileAndOnlyBytesTheSweepRemoves() throws Exception {
        var diploma = TestImages.aPhoneJpeg();
        var idProof = TestImages.jpeg(TestImages.aDocument(1500, 1100), 0.85f);
        var licence = TestImages.jpeg(TestImages.aDocument(1400, 1000), 0.85f);

        var first = start(1, false);
        try {
            var candidate = Files.readString(state.resolve("candidate")).trim().split(" ");
            var cookies = new CookieManager();
            var browser = new CandidateClient(first.port(), cookies).logIn(candidate[1], IdentityFixtures.PASSWORD);

            // Committed before the crash: must come through it untouched.
            assertThat(browser.uploadWithApi("DIPLOMA", "diploma.jpg", diploma).statusCode())
                    .isEqualTo(201);
            await("the diploma's background check")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> browser.api("GET", "/api/v1/candidate/application")
                            .body()
                            .contains("\"checked\":true"));
            var committed = imageKeys();
            assertThat(committed).hasSize(1);

            // Stored, not committed: the wrapper holds the request after the store's put.
            Files.writeString(state.resolve("hold"), "");
            var held = CompletableFuture.supplyAsync(() -> browser.uploadWithApi("ID_PROOF", "id.jpg", idProof));
            await("the held upload's bytes in the store")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> Files.exists(state.resolve("stored")) || held.isDone());
            assertThat(held).as("held after storing, not answered").isNotDone();
            var orphan = Files.readString(state.resolve("stored")).trim();

            // Half a body sent: the node's request thread waits inside the multipart reading for the rest.
            try (var halfSent =
                    sendHalfAnUpload(first.port(), cookies, browser.csrfToken(), "INSTITUTION_LICENSE", licence)) {
                await("the node reading the half-sent body")
                        .atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> threadDump(first.process()).contains("MultipartResolver.resolveMultipart"));

                // The moment of the crash.
                assertThat(pendingKeysNothingRefersTo()).containsExactly(orphan);
                assertThat(documents.resolve(orphan)).isRegularFile();
                assertThat(imageKeys()).isEqualTo(committed);

                first.process().destroyForcibly();
                assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(first.process().exitValue()).as("ended by SIGKILL").isEqualTo(128 + 9);
            assertThatThrownBy(() -> held.get(30, TimeUnit.SECONDS))
                    .as("the held upload never got an answer")
                    .isInstanceOf(ExecutionException.class);

            // What the dead node left: invisible bytes under a pending key, nothing else.
            assertThat(imageKeys())
                    .as("no image row for either interrupted upload")
                    .isEqualTo(committed);
            assertThat(pendingKeysNothingRefersTo()).containsExactly(orphan);
            assertThat(temporaryFiles(documents))
                    .as("no half-written file in the store")
                    .isEmpty();
            assertThat(filesHolding(first.temporaryDirectory(), slice(licence)))
                    .as("no copy of the half-received body on the dead node's disk")
                    .isEmpty();
            assertThat(filesHolding(first.temporaryDirectory(), slice(idProof)))
                    .as("no plaintext copy of the held upload on the dead node's disk")
                    .isEmpty();

            var second = start(2, true);
            assertThat(second.swept()).as("documents the orphan sweep deleted").isEqualTo(1);
            assertThat(documents.resolve(orphan)).doesNotExist();
            assertThat(pendingKeys()).isEmpty();
            assertThat(storedDocuments())
                    .as("the store holds what the rows refer to")
                    .isEqualTo(committed);

            // The same session, on the restarted node: one image, served whole; the others upload normally.
            var again = new CandidateClient(second.port(), cookies).refreshCsrf("/candidate");
            var application = again.api("GET", "/api/v1/candidate/application");
            assertThat(application.statusCode()).isEqualTo(200);
            assertThat(imagesIn(application.body())).isEqualTo(1);
            var diplomaImage = jdbc.sql("SELECT id FROM application_image WHERE storage_key = :key")
                    .param("key", committed.iterator().next())
                    .query(String.class)
                    .single();
            var served = again.getBytes("/api/v1/candidate/images/" + diplomaImage);
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.body()).isEqualTo(diploma);

            assertThat(again.uploadWithApi("ID_PROOF", "id.jpg", idProof).statusCode())
                    .isEqualTo(201);
            assertThat(again.uploadWithApi("INSTITUTION_LICENSE", "licence.jpg", licence)
                            .statusCode())
                    .isEqualTo(201);
            await("the background checks of the new uploads")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> !again.api("GET", "/api/v1/candidate/application")
                            .body()
                            .contains("\"checked\":false"));
            assertThat(imagesIn(
                            again.api("GET", "/api/v1/candidate/application").body()))
                    .isEqualTo(3);

            second.process().destroy();
            assertThat(second.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(imageKeys()).hasSize(3);
            assertThat(pendingKeysNothingRefersTo()).isEmpty();
            assertThat(storedDocuments()).isEqualTo(imageKeys());
            assertThat(temporaryFiles(documents)).isEmpty();
        } catch (AssertionError | RuntimeException failure) {
            printLogs();
            throw failure;
        }
    }

    /** A started node: its process, port, temporary directory, and what its start-up sweep deleted. */
    record Node(Process process, int port, int swept, Path temporaryDirectory) {}

    /**
     * Starts a node with the test JVM's class path and waits until it serves. Each node gets a temporary directory
     * of its own, so that what a dead node left there can be inspected.
     */
    private Node start(int number, boolean sweepOnStart) throws Exception {
        Files.createDirectories(state);
        Files.deleteIfExists(state.resolve("ready"));
        Files.deleteIfExists(state.resolve("hold"));
        var temporary = Files.createDirectories(directory.resolve("node-" + number + "-tmp"));
        var log = directory.resolve("node-" + number + ".log");
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + temporary,
                "-Duser.language=zh",
                "-Duser.country=CN",
                "-cp",
                System.getProperty("java.class.path"),
                KillableNode.class.getName(),
                "--server.port=0",
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--qualify.documents.directory=" + documents,
                "--qualify.documents.encryption.active-key=k1",
                "--qualify.documents.encryption.keys.k1=" + MASTER_KEY,
                "--qualify.test.state=" + state,
                "--qualify.test.sweep-on-start=" + sweepOnStart));
        command.addAll(database.arguments());
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        processes.add(process);
        await("node " + number + " serving")
                .atMost(STARTUP)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(
                                "node " + number + " exited with " + process.exitValue() + ":\n" + tail(log));
                    }
                    return Files.exists(state.resolve("ready"));
                });
        var ready = Files.readAllLines(state.resolve("ready"));
        return new Node(process, Integer.parseInt(ready.get(0)), Integer.parseInt(ready.get(1)), temporary);
    }

    static final String MASTER_KEY;

    static {
        var key = new byte[32];
        new SecureRandom().nextBytes(key);
        MASTER_KEY = Base64.getEncoder().encodeToString(key);
    }

    /**
     * Sends the request head and the first half of a multipart upload, then nothing more: the socket stays open so
     * that the node waits for the rest.
     */
    private static Socket sendHalfAnUpload(int port, CookieManager cookies, String csrf, String material, byte[] jpeg)
            throws IOException {
        var boundary = "----qualify" + UUID.randomUUID();
        var partHead = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"upload.jpg\""
                        + "\r\nContent-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        var partTail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        var cookie = cookies.getCookieStore().getCookies().stream()
                .map(HttpCookie::toString)
                .collect(Collectors.joining("; "));
        var head = ("POST /api/v1/candidate/materials/" + material + "/images HTTP/1.1\r\n"
                        + "Host: localhost:" + port + "\r\n"
                        + "Cookie: " + cookie + "\r\n"
                        + "X-CSRF-TOKEN: " + csrf + "\r\n"
                        + "Accept: application/json\r\n"
                        + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                        + "Content-Length: " + (partHead.length + jpeg.length + partTail.length) + "\r\n"
                        + "Connection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        var socket = new Socket("localhost", port);
        var out = socket.getOutputStream();
        out.write(head);
        out.write(partHead);
        out.write(jpeg, 0, jpeg.length / 2);
        out.flush();
        return socket;
    }

    /** The node's threads as {@code jcmd Thread.print} shows them. */
    private static String threadDump(Process process) throws Exception {
        var jcmd = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        String.valueOf(process.pid()),
                        "Thread.print")
                .redirectErrorStream(true)
                .start();
        var dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(30, TimeUnit.SECONDS);
        return dump;
    }

    /** 64 bytes from the first quarter of an image: in whatever a node received of it, also of half the body. */
    private static byte[] slice(byte[] image) {
        int from = image.length / 4;
        return Arrays.copyOfRange(image, from, from + 64);
    }

    private static List<Path> filesHolding(Path root, byte[] slice) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> contains(read(file), slice))
                    .toList();
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException gone) {
            return new byte[0];
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Files in the store under a name no key has: the filesystem store's temporaries start with a dot. */
    private static List<Path> temporaryFiles(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().startsWith("."))
                    .toList();
        }
    }

    /** The keys of the documents in the store; thumbnails come and go with the background checks. */
    private Set<String> storedDocuments() throws IOException {
        try (Stream<Path> files = Files.walk(documents)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> documents.relativize(file).toString().replace('\\', '/'))
                    .filter(key -> !key.endsWith(".thumb.jpg"))
                    .collect(Collectors.toSet());
        }
    }

    private Set<String> imageKeys() {
        return Set.copyOf(jdbc.sql("SELECT storage_key FROM application_image")
                .query(String.class)
                .list());
    }

    private List<String> pendingKeys() {
        return jdbc.sql("SELECT storage_key FROM pending_document")
                .query(String.class)
                .list();
    }

    /** Pending keys without an image row: an image row is its upload's confirmation, whether swept yet or not. */
    private List<String> pendingKeysNothingRefersTo() {
        var referenced = imageKeys();
        return pendingKeys().stream().filter(key -> !referenced.contains(key)).toList();
    }

    private static int imagesIn(String applicationJson) {
        return applicationJson.split("\"/api/v1/candidate/images/", -1).length - 1;
    }

    private void printLogs() {
        try (Stream<Path> logs = Files.list(directory)) {
            logs.filter(file -> file.getFileName().toString().endsWith(".log"))
                    .sorted()
                    .forEach(file -> System.err.println("==== " + file.getFileName() + "\n" + tail(file)));
        } catch (IOException e) {
            System.err.println("No node logs: " + e.getMessage());
        }
    }

    private static String tail(Path log) {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The node's main class: Qualify with {@link NodeConfiguration}. */
    public static final class KillableNode {

        private KillableNode() {}

        public static void main(String[] args) {
            new SpringApplicationBuilder(QualifyApplication.class, NodeConfiguration.class).run(args);
        }
    }

    /**
     * What the node adds for the test, steered by files in {@code qualify.test.state}: the exam setup and one
     * candidate with registration info (written to {@code candidate} on the first start), a store that holds an
     * upload after its put while {@code hold} exists (and says so in {@code stored}), the orphan sweep at start-up
     * when {@code qualify.test.sweep-on-start}, and {@code ready} with the port once it serves.
     */
    @Configuration(proxyBeanMethods = false)
    static class NodeConfiguration {

        @Bean
        @Primary
        Registrations killableNodeRegistrations() {
            return new TestRegistrations().testRegistrations();
        }

        @Bean
        static BeanPostProcessor holdingDocumentStore(Environment environment) {
            var state = Path.of(environment.getRequiredProperty("qualify.test.state"));
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DocumentStore store ? new HoldingStore(store, state) : bean;
                }
            };
        }

        @Bean
        ApplicationRunner seedAndReport(
                ApplicationContext context,
                Environment environment,
                JdbcClient jdbc,
                Clock clock,
                PendingDocuments pending) {
            return arguments -> {
                var state = Path.of(environment.getRequiredProperty("qualify.test.state"));
                TestExamSetup.ensure(jdbc, clock);
                var candidateFile = state.resolve("candidate");
                if (!Files.exists(candidateFile)) {
                    var candidate = IdentityFixtures.aCandidate(context);
                    writeAtomically(candidateFile, candidate.id() + " " + candidate.loginName());
                }
                long candidateId =
                        Long.parseLong(Files.readString(candidateFile).trim().split(" ")[0]);
                TestRegistrations.register(candidateId, TestRegistrations.aBachelorAtAGeneralHospital());
                // The node that stored the pending documents is known to be dead: no grace period is needed.
                int swept = environment.getProperty("qualify.test.sweep-on-start", Boolean.class, false)
                        ? pending.sweep(clock.instant())
                        : -1;
                writeAtomically(
                        state.resolve("ready"), environment.getRequiredProperty("local.server.port") + "\n" + swept);
            };
        }

        static void writeAtomically(Path file, String content) throws IOException {
            var temporary = file.resolveSibling(file.getFileName() + ".writing");
            Files.writeString(temporary, content);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** The real store; an upload's put is held after it returned while the test's {@code hold} file exists. */
    static final class HoldingStore implements DocumentStore {

        private final DocumentStore store;
        private final Path state;

        HoldingStore(DocumentStore store, Path state) {
            this.store = store;
            this.state = state;
        }

        @Override
        public StoredDocument put(StorageKey key, byte[] content) {
            var stored = store.put(key, content);
            if (Files.exists(state.resolve("hold")) && !key.value().endsWith(".thumb.jpg")) {
                try {
                    NodeConfiguration.writeAtomically(state.resolve("stored"), key.value());
                    // until the process is killed
                    new CountDownLatch(1).await();
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            return stored;
        }

        @Override
        public byte[] get(StorageKey key) {
            return store.get(key);
        }

        @Override
        public InputStream open(StorageKey key) {
            return store.open(key);
        }

        @Override
        public boolean exists(StorageKey key) {
            return store.exists(key);
        }

        @Override
        public boolean delete(StorageKey key) {
            return store.delete(key);
        }

        @Override
        public boolean verify(StorageKey key, String sha256) {
            return store.verify(key, sha256);
        }
    }
}
