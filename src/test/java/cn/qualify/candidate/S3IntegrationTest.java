package cn.qualify.candidate;

import cn.qualify.materials.TestS3;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running server with {@code qualify.documents.store=s3} against an in-process s3proxy, documents encrypted
 * with a master key, and a database of its own (the image rows here point into the bucket, not the directory the
 * other tests share): H2 in memory, or a fresh PostgreSQL database when the suite runs on PostgreSQL. One context for every test class that extends this.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestRegistrations.class)
abstract class S3IntegrationTest {

    static final TestS3 S3 =
            TestS3.running("qualify-it-" + UUID.randomUUID().toString().substring(0, 8));
    static final String MASTER_KEY_ID = "it-1";
    static final String MASTER_KEY = randomKey();
    private static String database;

    @DynamicPropertySource
    static void s3Store(DynamicPropertyRegistry registry) {
        S3.properties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.datasource.url", S3IntegrationTest::ownDatabase);
        registry.add("qualify.documents.encryption.active-key", () -> MASTER_KEY_ID);
        registry.add("qualify.documents.encryption.keys." + MASTER_KEY_ID, () -> MASTER_KEY);
    }

    /**
     * An in-memory H2 database of its own; on the PostgreSQL run of CI (SPRING_DATASOURCE_URL points at PostgreSQL)
     * a fresh database on the same server, dropped when the tests end.
     */
    private static synchronized String ownDatabase() {
        if (database != null) {
            return database;
        }
        var shared = System.getenv("SPRING_DATASOURCE_URL");
        if (shared == null || !shared.startsWith("jdbc:postgresql://")) {
            database = "jdbc:h2:mem:qualify-s3-test;DB_CLOSE_DELAY=-1";
            return database;
        }
        var server = shared.substring(0, shared.indexOf('/', "jdbc:postgresql://".length()));
        var user = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres");
        var password = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
        var name = "qualify_s3_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var admin = DriverManager.getConnection(server + "/postgres", user, password)) {
            admin.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the S3 tests' database on " + server, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (var admin = DriverManager.getConnection(server + "/postgres", user, password)) {
                admin.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException e) {
                System.err.println("Could not drop test database " + name + ": " + e.getMessage());
            }
        }));
        database = server + "/" + name;
        return database;
    }

    private static String randomKey() {
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
