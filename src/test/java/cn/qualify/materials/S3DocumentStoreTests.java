package cn.qualify.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The S3 adapter against an in-process s3proxy on a random port: the same contract as the filesystem. */
class S3DocumentStoreTests extends DocumentStoreContractTests {

    static TestS3 s3;

    S3DocumentStore bucket;

    @BeforeAll
    static void startS3() {
        s3 = TestS3.running("qualify-store-tests");
    }

    @AfterAll
    static void stopS3() {
        s3.close();
    }

    @Override
    DocumentStore newStore() {
        s3.start();
        bucket = new S3DocumentStore(S3DocumentStore.client(s3.settings()), s3.settings());
        return bucket;
    }

    @AfterEach
    void closeStore() {
        s3.start();
        bucket.close();
    }

    @Override
    byte[] rawBytes(StorageKey key) {
        return s3.rawObject(bucket.objectKey(key));
    }

    @Override
    void overwriteRaw(StorageKey key, byte[] bytes) {
        s3.overwrite(bucket.objectKey(key), bytes);
    }

    @Test
    void theObjectKeyIsTheStorageKeyUnderTheOptionalPrefix() {
        var settings = s3.settings();
        var prefixed = new S3DocumentStore(
                S3DocumentStore.client(settings),
                new S3DocumentStore.S3Settings(
                        settings.endpoint(),
                        settings.region(),
                        settings.bucket(),
                        "province-21/",
                        settings.accessKey(),
                        settings.secretKey(),
                        true,
                        null,
                        null,
                        settings.attemptTimeout(),
                        settings.callTimeout()));
        var key = StorageKey.newKey(2025);

        prefixed.put(key, new byte[] {7});

        assertThat(s3.objectKeys()).contains("province-21/" + key.value());
        assertThat(s3.rawObject("province-21/" + key.value())).containsExactly(7);
        assertThat(store.exists(key)).as("another prefix is another store").isFalse();
        prefixed.close();
    }

    @Test
    void theBucketAnswersNoAnonymousRequest() throws Exception {
        var key = StorageKey.newKey(2025);
        store.put(key, TestImages.aPhoneJpeg());

        var anonymous = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(s3.endpoint().resolve("/" + s3.bucket() + "/" + key.value()))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(anonymous.body().length).isLessThan(TestImages.aPhoneJpeg().length);
        assertThat(new String(anonymous.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("AccessDenied");
    }

    @Test
    void anEndpointThatIsDownRefusesClearlyAndStoresNothing() {
        var key = StorageKey.newKey(2025);
        s3.stop();

        assertThatThrownBy(() -> store.put(key, new byte[] {1}))
                .isInstanceOf(DocumentStoreUnavailableException.class)
                .hasMessageContaining(key.value())
                .hasMessageContaining(s3.bucket());
        assertThatThrownBy(() -> store.get(key)).isInstanceOf(DocumentStoreUnavailableException.class);

        s3.start();
        assertThat(store.exists(key)).isFalse();
        store.put(key, new byte[] {1});
        assertThat(store.get(key)).containsExactly(1);
    }

    @Test
    void sendsTheServerSideEncryptionHeaderWhenConfigured() {
        var settings = s3.settings();
        var sse = new S3DocumentStore(
                S3DocumentStore.client(settings),
                new S3DocumentStore.S3Settings(
                        settings.endpoint(),
                        settings.region(),
                        settings.bucket(),
                        null,
                        settings.accessKey(),
                        settings.secretKey(),
                        true,
                        "AES256",
                        null,
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(5)));
        var key = StorageKey.newKey(2025);

        sse.put(key, new byte[] {9});

        assertThat(sse.get(key)).containsExactly(9);
        sse.close();
    }
}
