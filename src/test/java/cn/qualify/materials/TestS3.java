package cn.qualify.materials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * An in-process S3 endpoint (s3proxy over an in-memory blob store) on a free port, with signed requests and one
 * private bucket. {@link #stop()} and {@link #start()} take the endpoint down and bring it back on the same port with
 * the same objects, as an object store that restarts does.
 */
public final class TestS3 implements AutoCloseable {

    public static final String ACCESS_KEY = "qualify-test";
    public static final String SECRET_KEY = "qualify-test-secret";

    private final BlobStore blobs = new TransientNio2BlobStore();
    private final String bucket;
    private final int port;
    private S3Proxy proxy;

    private TestS3(String bucket) {
        this.bucket = bucket;
        this.port = freePort();
        blobs.createContainer(bucket);
    }

    /** A running endpoint with an empty bucket of that name. */
    public static TestS3 running(String bucket) {
        var s3 = new TestS3(bucket);
        s3.start();
        return s3;
    }

    public synchronized void start() {
        if (proxy != null) {
            return;
        }
        var started = S3Proxy.builder()
                .blobStore(blobs)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        try {
            started.start();
            while (!"STARTED".equals(started.getState())) {
                Thread.sleep(10);
            }
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not start on port " + port, e);
        }
        proxy = started;
    }

    public synchronized void stop() {
        if (proxy == null) {
            return;
        }
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not stop", e);
        }
        proxy = null;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public String bucket() {
        return bucket;
    }

    /** The object's bytes as the bucket holds them, bypassing Qualify; {@code null} if there is none. */
    public byte[] rawObject(String objectKey) {
        try (var client = S3DocumentStore.client(settings())) {
            return client.getObjectAsBytes(b -> b.bucket(bucket).key(objectKey)).asByteArray();
        } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
            return null;
        }
    }

    /** Overwrites an object behind Qualify's back, as a faulty disk or an intruder would. */
    public void overwrite(String objectKey, byte[] content) {
        try (var client = S3DocumentStore.client(settings())) {
            client.putObject(
                    b -> b.bucket(bucket).key(objectKey),
                    software.amazon.awssdk.core.sync.RequestBody.fromBytes(content));
        }
    }

    /** Every object key in the bucket. */
    public java.util.List<String> objectKeys() {
        try (var client = S3DocumentStore.client(settings())) {
            return client.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
                    .map(software.amazon.awssdk.services.s3.model.S3Object::key)
                    .toList();
        }
    }

    /** The Spring properties that point {@code qualify.documents.store=s3} at this endpoint. */
    public Map<String, String> properties() {
        var properties = new LinkedHashMap<String, String>();
        properties.put("qualify.documents.store", "s3");
        properties.put("qualify.documents.s3.endpoint", endpoint().toString());
        properties.put("qualify.documents.s3.region", "us-east-1");
        properties.put("qualify.documents.s3.bucket", bucket);
        properties.put("qualify.documents.s3.access-key", ACCESS_KEY);
        properties.put("qualify.documents.s3.secret-key", SECRET_KEY);
        properties.put("qualify.documents.s3.attempt-timeout", "2s");
        properties.put("qualify.documents.s3.call-timeout", "5s");
        return properties;
    }

    /** Settings for a store built without Spring. */
    S3DocumentStore.S3Settings settings() {
        return new S3DocumentStore.S3Settings(
                endpoint(),
                "us-east-1",
                bucket,
                null,
                ACCESS_KEY,
                SECRET_KEY,
                true,
                null,
                null,
                java.time.Duration.ofSeconds(2),
                java.time.Duration.ofSeconds(5));
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
