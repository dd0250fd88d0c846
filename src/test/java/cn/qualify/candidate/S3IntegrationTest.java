package cn.qualify.candidate;

import cn.qualify.materials.TestS3;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running server with {@code qualify.documents.store=s3} against an in-process s3proxy, documents encrypted
 * with a master key, and a database of its own (the image rows here point into the bucket, not the directory the
 * other tests share). One context for every test class that extends this.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestRegistrations.class)
abstract class S3IntegrationTest {

    static final TestS3 S3 =
            TestS3.running("qualify-it-" + UUID.randomUUID().toString().substring(0, 8));
    static final String MASTER_KEY_ID = "it-1";
    static final String MASTER_KEY = randomKey();

    @DynamicPropertySource
    static void s3Store(DynamicPropertyRegistry registry) {
        S3.properties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:qualify-s3-test;DB_CLOSE_DELAY=-1");
        registry.add("qualify.documents.encryption.active-key", () -> MASTER_KEY_ID);
        registry.add("qualify.documents.encryption.keys." + MASTER_KEY_ID, () -> MASTER_KEY);
    }

    private static String randomKey() {
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
