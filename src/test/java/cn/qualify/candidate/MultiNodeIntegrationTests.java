package cn.qualify.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qualify.QualifyApplication;
import cn.qualify.TestExamSetup;
import cn.qualify.application.Applications;
import cn.qualify.identity.IdentityFixtures;
import cn.qualify.identity.Role;
import cn.qualify.materials.TestImages;
import cn.qualify.materials.TestS3;
import cn.qualify.registration.Registrations;
import java.net.CookieManager;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * this run and dropped after it) and one S3 endpoint: what one node does, the other sees. Skipped when PostgreSQL
 * does not answer at {@code PG_HOST}:{@code PG_PORT} (default 127.0.0.1:5432, user {@code PG_USER}, default
 * postgres, password {@code PG_PASSWORD}, default none), as on a developer's machine without it; CI has it.
 */
class MultiNodeIntegrationTests {

    static final String HOST = env("PG_HOST", "127.0.0.1");
    static final String PORT = env("PG_PORT", "5432");
    static final String USER = env("PG_USER", "postgres");
    static final String PASSWORD = env("PG_PASSWORD", "");
    static final String DATABASE =
            "qualify_multinode_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    static final Pattern IMAGE_ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    /** Every run of the probe job, by node. */
    static final Queue<String> PROBE_RUNS = new ConcurrentLinkedQueue<>();

    static TestS3 s3;
    static String skipped;
    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void twoNodes() throws Exception {
        try (var admin = DriverManager.getConnection(adminUrl(), USER, PASSWORD)) {
            admin.createStatement().execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException unreachable) {
            skipped = "PostgreSQL is not reachable at " + HOST + ":" + PORT + " as " + USER + " ("
                    + unreachable.getMessage() + "): the multi-node test needs it and is skipped";
            System.err.println("WARNING " + skipped);
            return;
        }
        s3 = TestS3.running("qualify-multinode");
        var masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);
        var arguments = new ArrayList<String>(List.of(
                "--server.port=0",
                "--spring.datasource.url=jdbc:postgresql://" + HOST + ":" + PORT + "/" + DATABASE,
                "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD,
                "--spring.datasource.hikari.maximum-pool-size=5",
                "--qualify.documents.encryption.active-key=k1",
                "--qualify.documents.encryption.keys.k1=" + Base64.getEncoder().encodeToString(masterKey)));
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
        if (s3 != null) {
            s3.close();
            try (var admin = DriverManager.getConnection(adminUrl(), USER, PASSWORD)) {
                admin.createStatement().execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            }
        }
    }

    @BeforeEach
    void postgresqlIsThere() {
        Assumptions.assumeTrue(skipped == null, skipped);
    }

    @Test
    void aSessionAnUploadAScheduledJobAndConflictingDecisionsAcrossTwoNodes() throws Exception {
        assertThat(port(nodeA)).isNotEqualTo(port(nodeB));
        var jdbc = nodeA.getBean(JdbcClient.class);
        TestExamSetup.ensure(jdbc, nodeA.getBean(Clock.class));

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
        Thread.sleep(3000);
        assertThat(PROBE_RUNS).as("runs across both nodes").hasSize(1);
        assertThat(jdbc.sql("SELECT locked_by FROM shedlock WHERE name = 'multinode-probe'")
                        .query(String.class)
                        .single())
                .isNotBlank();
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

    private static String adminUrl() {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres?connectTimeout=3";
    }

    private static String env(String name, String otherwise) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    /**
     * What each node adds for the test: the registration info of {@link TestRegistrations}, and a job scheduled on
     * every node, as the real sweeps are, that records where it ran.
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
