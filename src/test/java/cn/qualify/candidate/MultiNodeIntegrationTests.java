package cn.qualify.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qualify.QualifyApplication;
import cn.qualify.TestExamSetup;
import cn.qualify.application.Actor;
import cn.qualify.application.ApplicationState;
import cn.qualify.application.Applications;
import cn.qualify.application.MaterialImage.StoredImage;
import cn.qualify.application.MaterialReview;
import cn.qualify.application.MaterialReview.Verdict;
import cn.qualify.identity.Account;
import cn.qualify.identity.IdentityFixtures;
import cn.qualify.identity.Role;
import cn.qualify.materials.StorageKey;
import cn.qualify.materials.TestImages;
import cn.qualify.materials.TestS3;
import cn.qualify.registration.Registrations;
import com.sun.net.httpserver.HttpServer;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Two Qualify nodes, each with its own web server on a random port, against one PostgreSQL database (created for
 * this run and dropped after it, {@link ThrowAwayDatabase}) and one S3 endpoint: what one node does, the other sees,
 * and the product's scheduled jobs, which run on both, take effect once. Skipped when PostgreSQL does not answer
 * at {@code PG_HOST}:{@code PG_PORT} (default 127.0.0.1:5432), as on a developer's machine without it; CI has it.
 */
class MultiNodeIntegrationTests {

    static final Pattern IMAGE_ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    /** Every run of the probe job, by node. */
    static final Queue<String> PROBE_RUNS = new ConcurrentLinkedQueue<>();

    /** Every time a node asked for a ShedLock lock, across both nodes. */
    static final Queue<LockAttempt> LOCK_ATTEMPTS = new ConcurrentLinkedQueue<>();

    /** Every time a node held a ShedLock lock, across both nodes. */
    static final Queue<LockHeld> LOCKS_HELD = new ConcurrentLinkedQueue<>();

    /** The SMS gateway both nodes send notifications to; the delivery id arrives as {@code Idempotency-Key}. */
    static final Queue<String> SMS_RECEIVED = new ConcurrentLinkedQueue<>();

    static ThrowAwayDatabase database;
    static TestS3 s3;
    static HttpServer smsGateway;
    static String skipped;
    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void twoNodes() throws Exception {
        var creation = ThrowAwayDatabase.create("qualify_multinode");
        if (creation.database().isEmpty()) {
            skipped = creation.whyNot() + ": the multi-node test needs it and is skipped";
            System.err.println("WARNING " + skipped);
            return;
        }
        database = creation.database().get();
        s3 = TestS3.running("qualify-multinode");
        smsGateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        smsGateway.createContext("/sms", exchange -> {
            exchange.getRequestBody().readAllBytes();
            SMS_RECEIVED.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        smsGateway.start();
        var masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);
        var arguments = new ArrayList<String>(List.of(
                "--server.port=0",
                "--spring.datasource.hikari.maximum-pool-size=5",
                "--qualify.documents.encryption.active-key=k1",
                "--qualify.documents.encryption.keys.k1=" + Base64.getEncoder().encodeToString(masterKey),
                // The notification jobs on their production schedule, but each repeated every 200 ms once started,
                // so that both nodes run them many times while the test waits.
                "--qualify.notification.scheduling.enabled=true",
                "--qualify.notification.scheduling.deadline-delay=PT0.2S",
                "--qualify.notification.scheduling.dispatch-delay=PT0.2S",
                "--qualify.sms.provider=http",
                "--qualify.sms.http.url=http://127.0.0.1:"
                        + smsGateway.getAddress().getPort() + "/sms"));
        arguments.addAll(database.arguments());
        s3.properties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        nodeA = start("A", arguments);
        nodeB = start("B", arguments);
    }

    @AfterAll
    static void stopNodes() throws Exception {
        if (nodeA != null) {
            nodeA.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
        if (smsGateway != null) {
            smsGateway.stop(0);
        }
        if (s3 != null) {
            s3.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void postgresqlIsThere() {
        Assumptions.assumeTrue(skipped == null, skipped);
    }

    @Test
    void aSessionAnUploadConflictingDecisionsAndScheduledJobsThatTakeEffectOnceAcrossTwoNodes() throws Exception {
        assertThat(port(nodeA)).isNotEqualTo(port(nodeB));
        var jdbc = nodeA.getBean(JdbcClient.class);
        var clock = nodeA.getBean(Clock.class);
        TestExamSetup.ensure(jdbc, clock);

        // For the deadline job, which both nodes run: one application whose revision deadline has passed, one
        // whose deadline is 12 hours away.
        var now = clock.instant();
        var lapsed = IdentityFixtures.aCandidate(nodeA);
        var lapsedApplication = returned(lapsed, now.minus(Duration.ofDays(6)), now.minus(Duration.ofHours(1)));
        var reminded = IdentityFixtures.aCandidate(nodeA);
        var remindedApplication = returned(reminded, now.minus(Duration.ofDays(1)), now.plus(Duration.ofHours(12)));

        // A candidate logs in on node A; the same session cookie works on node B.
        var candidate = IdentityFixtures.aCandidate(nodeA);
        TestRegistrations.register(candidate.id(), TestRegistrations.aBachelorAtAGeneralHospital());
        var candidateCookies = new CookieManager();
        var onA = new CandidateClient(port(nodeA), candidateCookies)
                .logIn(candidate.loginName(), IdentityFixtures.PASSWORD);
        var onB = new CandidateClient(port(nodeB), candidateCookies).refreshCsrf("/candidate");
        var pageOnB = onB.get("/candidate/materials");
        assertThat(pageOnB.statusCode()).as("node B knows node A's session").isEqualTo(200);
        assertThat(pageOnB.body()).contains("有效身份证明");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = :name")
                        .param("name", candidate.loginName())
                        .query(Long.class)
                        .single())
                .as("one session, in the shared database")
                .isEqualTo(1);

        // Uploads on A, submission on B.
        var photo = TestImages.aPhoneJpeg();
        for (String material : List.of(
                "ID_PROOF",
                "ID_PROOF",
                "ID_PROOF",
                "DIPLOMA",
                "PROBATION_ASSESSMENT",
                "INSTITUTION_LICENSE",
                "INSTITUTION_LICENSE")) {
            assertThat(onA.uploadWithApi(material, "m.jpg", photo).statusCode())
                    .as(material)
                    .isEqualTo(201);
        }
        var submitted = onB.api("POST", "/api/v1/candidate/application/submit");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        var application = nodeB.getBean(Applications.class)
                .ofCandidate(String.valueOf(candidate.id()), 2025)
                .orElseThrow();

        // A reviewer on B sees the image uploaded on A.
        var reviewer = IdentityFixtures.aStaffMember(nodeA, Role.POINT_REVIEWER, "2101");
        var reviewerCookies = new CookieManager();
        var reviewerOnB = new CandidateClient(port(nodeB), reviewerCookies)
                .logInAs(reviewer.loginName(), IdentityFixtures.PASSWORD, "/review");
        var imageId = application.currentImages("ID_PROOF").get(0).id();
        var image = reviewerOnB.getBytes("/review/applications/" + application.id() + "/images/" + imageId);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()).isEqualTo(photo);

        // The reviewer's one session sends the same decision to both nodes at once: one wins, the other is refused.
        assertThat(reviewerOnB
                        .api("POST", "/api/v1/review/applications/" + application.id() + "/lease")
                        .statusCode())
                .isEqualTo(200);
        var reviewerOnA = new CandidateClient(port(nodeA), reviewerCookies).refreshCsrf("/review");
        long version = nodeA.getBean(Applications.class)
                .byId(application.id())
                .orElseThrow()
                .version();
        var start = new CountDownLatch(1);
        var fromA = decideAfter(start, reviewerOnA, application.id(), version, "ACCEPTED");
        var fromB = decideAfter(start, reviewerOnB, application.id(), version, "REPLACEMENT_REQUESTED");
        start.countDown();
        var statuses = List.of(fromA.get().statusCode(), fromB.get().statusCode());
        assertThat(statuses).as(fromA.get().body() + " / " + fromB.get().body()).containsExactlyInAnyOrder(200, 409);
        var reviews = nodeB.getBean(Applications.class)
                .byId(application.id())
                .orElseThrow()
                .reviewHistory();
        assertThat(reviews).as("exactly one decision was recorded").hasSize(1);

        // The probe job has been ticking every 100 ms on both nodes since they started (hundreds of ticks by now),
        // but its ShedLock lock, held for longer than this test lasts, lets it run once.
        assertThat(attempts("A", "multinode-probe") + attempts("B", "multinode-probe"))
                .isGreaterThan(10);
        assertThat(PROBE_RUNS).as("runs across both nodes").hasSize(1);
        assertThat(jdbc.sql("SELECT locked_by FROM shedlock WHERE name = 'multinode-probe'")
                        .query(String.class)
                        .single())
                .isNotBlank();

        // The product's deadline job and notification dispatch, scheduled on both nodes, under their locks.
        var expirySms = smsDelivery(jdbc, lapsedApplication, "EXPIRED");
        var reminderSms = smsDelivery(jdbc, remindedApplication, "DEADLINE_APPROACHING");
        await("the expiry and the reminder, sent by SMS")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> SMS_RECEIVED.contains(expirySms.get()) && SMS_RECEIVED.contains(reminderSms.get()));
        // Then both nodes run both jobs at least twice more: a second expiry, reminder or SMS would show now.
        var seen = new ArrayList<Long>();
        for (String job : JOBS) {
            seen.add(attempts("A", job));
            seen.add(attempts("B", job));
        }
        await("both nodes running both jobs again")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    int i = 0;
                    for (String job : JOBS) {
                        if (attempts("A", job) < seen.get(i++) + 2 || attempts("B", job) < seen.get(i++) + 2) {
                            return false;
                        }
                    }
                    return true;
                });

        var applications = nodeB.getBean(Applications.class);
        assertThat(applications.byId(lapsedApplication).orElseThrow().state()).isEqualTo(ApplicationState.EXPIRED);
        assertThat(count(
                        jdbc,
                        "SELECT COUNT(*) FROM audit_entry WHERE application_id = ? AND action = ?",
                        lapsedApplication,
                        "APPLICATION_EXPIRED"))
                .as("expiries in the audit trail")
                .isEqualTo(1);
        assertThat(messages(jdbc, lapsed, "EXPIRED")).as("expiry notices").isEqualTo(1);
        assertThat(SMS_RECEIVED.stream().filter(expirySms.get()::equals))
                .as("expiry SMS")
                .hasSize(1);

        assertThat(applications.byId(remindedApplication).orElseThrow().state()).isEqualTo(ApplicationState.RETURNED);
        assertThat(count(jdbc, "SELECT COUNT(*) FROM deadline_reminder WHERE application_id = ?", remindedApplication))
                .as("reminders recorded: the 24-hour one, and the 48-hour one as passed")
                .isEqualTo(2);
        assertThat(messages(jdbc, reminded, "DEADLINE_APPROACHING"))
                .as("reminder notices")
                .isEqualTo(1);
        assertThat(SMS_RECEIVED.stream().filter(reminderSms.get()::equals))
                .as("reminder SMS")
                .hasSize(1);

        for (String job : JOBS) {
            assertThat(attempts("A", job)).as(job + " on A").isPositive();
            assertThat(attempts("B", job)).as(job + " on B").isPositive();
            assertThat(jdbc.sql("SELECT locked_by FROM shedlock WHERE name = :name")
                            .param("name", job)
                            .query(String.class)
                            .list())
                    .as("one lock, one holder")
                    .singleElement()
                    .asString()
                    .isNotBlank();
            var held = LOCKS_HELD.stream()
                    .filter(lock -> lock.name().equals(job))
                    .sorted(Comparator.comparingLong(LockHeld::from))
                    .toList();
            for (int i = 1; i < held.size(); i++) {
                assertThat(held.get(i).from())
                        .as(job + ": run " + i + " (" + held.get(i).node() + ") began after run " + (i - 1) + " ("
                                + held.get(i - 1).node() + ") let go")
                        .isGreaterThan(held.get(i - 1).to());
            }
        }
    }

    /** The product's jobs this test watches, by their ShedLock names. */
    static final List<String> JOBS = List.of("revision-deadlines", "notification-dispatch");

    private static long attempts(String node, String lock) {
        return LOCK_ATTEMPTS.stream()
                .filter(attempt -> attempt.node().equals(node) && attempt.name().equals(lock))
                .count();
    }

    /** An application of the candidate, returned for a clearer diploma at {@code at} with the given deadline. */
    private static UUID returned(Account candidate, Instant at, Instant deadline) {
        var applications = nodeA.getBean(Applications.class);
        var candidateId = String.valueOf(candidate.id());
        var application = applications.open(candidateId, 2025, "2101", false);
        application.addImage("ID_PROOF", anImage(), 3, at);
        application.addImage("DIPLOMA", anImage(), 4, at);
        application = applications.save(application);
        application.submit(List.of(), new Actor(candidateId, "考生"), at);
        application = applications.save(application);
        var reviewer = new Actor("r-multinode", "沈阳审核员");
        application.reviewMaterial(
                new MaterialReview("ID_PROOF", Verdict.ACCEPTED, List.of(), "", "", reviewer, at, application.round()));
        application.reviewMaterial(new MaterialReview(
                "DIPLOMA",
                Verdict.REPLACEMENT_REQUESTED,
                List.of("UNCLEAR"),
                "请上传清晰的毕业证书",
                "",
                reviewer,
                at,
                application.round()));
        application.returnForRevision(reviewer, deadline, at);
        return applications.save(application).id();
    }

    private static StoredImage anImage() {
        return new StoredImage(StorageKey.newKey(2025).value(), "0".repeat(64), 150_000, 1600, 1200);
    }

    /** The id of the SMS delivery of the application's notice of this kind, once it exists. */
    private static Supplier<String> smsDelivery(JdbcClient jdbc, UUID application, String kind) {
        return () -> jdbc.sql("""
                        SELECT d.id FROM notification_delivery d JOIN notification_message m ON m.id = d.message_id
                        WHERE m.application_id = :application AND m.kind = :kind AND d.channel = 'SMS'
                        """)
                .param("application", application)
                .param("kind", kind)
                .query(String.class)
                .optional()
                .orElse("none yet");
    }

    private static long messages(JdbcClient jdbc, Account candidate, String kind) {
        return count(
                jdbc,
                "SELECT COUNT(*) FROM notification_message WHERE candidate_id = ? AND kind = ?",
                String.valueOf(candidate.id()),
                kind);
    }

    private static long count(JdbcClient jdbc, String sql, Object... parameters) {
        return jdbc.sql(sql).params(parameters).query(Long.class).single();
    }

    private static CompletableFuture<HttpResponse<String>> decideAfter(
            CountDownLatch start, CandidateClient client, UUID applicationId, long version, String verdict) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return client.postJson(
                    "/api/v1/review/applications/" + applicationId + "/materials/ID_PROOF",
                    "{\"version\":" + version + ",\"verdict\":\"" + verdict
                            + "\",\"reasons\":[\"UNCLEAR\"],\"messageToCandidate\":\"请重新拍摄\"}");
        });
    }

    private static ConfigurableApplicationContext start(String node, List<String> arguments) {
        var withNode = new ArrayList<>(arguments);
        withNode.add("--qualify.test.node=" + node);
        return new SpringApplicationBuilder(QualifyApplication.class, NodeTestConfiguration.class)
                .run(withNode.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    /**
     * What each node adds for the test: the registration info of {@link TestRegistrations}, a job scheduled on
     * every node, as the real sweeps are, that records where it ran, and a record of the node's ShedLock locks.
     */
    @Configuration(proxyBeanMethods = false)
    static class NodeTestConfiguration {

        @Bean
        @Primary
        Registrations multiNodeRegistrations() {
            return new TestRegistrations().testRegistrations();
        }

        @Bean
        Probe multiNodeProbe(Environment environment) {
            return new Probe(environment.getProperty("qualify.test.node"));
        }

        @Bean
        static BeanPostProcessor recordingLocks(Environment environment) {
            var node = environment.getProperty("qualify.test.node");
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof LockProvider locks ? new RecordingLocks(locks, node) : bean;
                }
            };
        }
    }

    record LockAttempt(String node, String name, boolean acquired) {}

    /** A lock a node held, from just after it got it to just before it let go (nanoTime, one JVM). */
    record LockHeld(String node, String name, long from, long to) {}

    /** The node's real lock provider, recording what it is asked and what it grants. */
    static final class RecordingLocks implements LockProvider {

        private final LockProvider locks;
        private final String node;

        RecordingLocks(LockProvider locks, String node) {
            this.locks = locks;
            this.node = node;
        }

        @Override
        public Optional<SimpleLock> lock(LockConfiguration configuration) {
            var lock = locks.lock(configuration);
            LOCK_ATTEMPTS.add(new LockAttempt(node, configuration.getName(), lock.isPresent()));
            if (lock.isEmpty()) {
                return lock;
            }
            long from = System.nanoTime();
            return Optional.of(() -> {
                LOCKS_HELD.add(new LockHeld(node, configuration.getName(), from, System.nanoTime()));
                lock.get().unlock();
            });
        }
    }

    static class Probe {

        private final String node;

        Probe(String node) {
            this.node = node;
        }

        @Scheduled(fixedDelay = 100, initialDelay = 500)
        @SchedulerLock(name = "multinode-probe", lockAtLeastFor = "PT10M", lockAtMostFor = "PT10M")
        public void run() {
            PROBE_RUNS.add(node);
        }
    }
}
