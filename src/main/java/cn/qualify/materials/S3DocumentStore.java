package cn.qualify.materials;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.boot.context.properties.bind.DefaultValue;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Stores documents as objects in one private S3-compatible bucket (Amazon S3, Ceph RGW, MinIO, Alibaba OSS), the
 * storage key being the object key. Path-style addressing and checksums only when the operation requires them, so
 * that gateways without the SDK's newer CRC checksums accept every request; each put carries a Content-MD5 instead,
 * which every S3 implementation checks. An object appears whole or not at all, so no temporary name is needed;
 * an object is durable once stored, so {@link #putDerived} is {@link #put}.
 * The bucket is never made public and no pre-signed URL is handed out: documents reach a browser only through
 * Qualify, after its access checks.
 */
final class S3DocumentStore implements DocumentStore, AutoCloseable {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final String serverSideEncryption;
    private final String kmsKeyId;

    S3DocumentStore(S3Client s3, S3Settings settings) {
        this.s3 = s3;
        this.bucket = settings.bucket();
        this.prefix = settings.prefix() == null || settings.prefix().isBlank()
                ? ""
                : settings.prefix().replaceAll("/+$", "") + "/";
        this.serverSideEncryption = blankToNull(settings.serverSideEncryption());
        this.kmsKeyId = blankToNull(settings.kmsKeyId());
    }

    /** A client for the settings: path-style, checksums WHEN_REQUIRED, bounded timeouts. */
    static S3Client client(S3Settings settings) {
        var builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyleAccess())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(override -> override.apiCallAttemptTimeout(settings.attemptTimeout())
                        .apiCallTimeout(settings.callTimeout()));
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        if (settings.accessKey() != null && !settings.accessKey().isBlank()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }

    String objectKey(StorageKey key) {
        return prefix + key.value();
    }

    @Override
    public StoredDocument put(StorageKey key, byte[] content) {
        if (exists(key)) {
            throw new IllegalStateException("A document is already stored under " + key);
        }
        var request = PutObjectRequest.builder()
                .bucket(bucket)
                .key(objectKey(key))
                .contentLength((long) content.length)
                .contentType("application/octet-stream")
                .contentMD5(md5(content));
        if (serverSideEncryption != null) {
            request.serverSideEncryption(serverSideEncryption);
            if (kmsKeyId != null) {
                request.ssekmsKeyId(kmsKeyId);
            }
        }
        try {
            s3.putObject(request.build(), RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw unavailable("Cannot store " + key, e);
        }
        return new StoredDocument(key, content);
    }

    @Override
    public byte[] get(StorageKey key) {
        try (var input = open(key)) {
            return input.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + key, e);
        }
    }

    @Override
    public InputStream open(StorageKey key) {
        try {
            return s3.getObject(GetObjectRequest.builder()
                    .bucket(bucket)
                    .key(objectKey(key))
                    .build());
        } catch (NoSuchKeyException e) {
            throw new DocumentNotFoundException(key);
        } catch (SdkException e) {
            throw unavailable("Cannot read " + key, e);
        }
    }

    @Override
    public boolean exists(StorageKey key) {
        try {
            s3.headObject(HeadObjectRequest.builder()
                    .bucket(bucket)
                    .key(objectKey(key))
                    .build());
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (AwsServiceException e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw unavailable("Cannot look up " + key, e);
        } catch (SdkException e) {
            throw unavailable("Cannot look up " + key, e);
        }
    }

    @Override
    public boolean delete(StorageKey key) {
        if (!exists(key)) {
            return false;
        }
        try {
            s3.deleteObject(DeleteObjectRequest.builder()
                    .bucket(bucket)
                    .key(objectKey(key))
                    .build());
            return true;
        } catch (SdkException e) {
            throw unavailable("Cannot delete " + key, e);
        }
    }

    @Override
    public boolean verify(StorageKey key, String sha256) {
        try (var input = new DigestInputStream(open(key), MessageDigest.getInstance("SHA-256"))) {
            input.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(input.getMessageDigest().digest()).equalsIgnoreCase(sha256);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + key, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    private DocumentStoreUnavailableException unavailable(String message, SdkException e) {
        return new DocumentStoreUnavailableException(message + " in bucket " + bucket + ": " + e.getMessage(), e);
    }

    private static String md5(byte[] content) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has MD5", e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * The S3 adapter's settings, bound to {@code qualify.documents.s3.*}.
     *
     * @param endpoint the service's URL, e.g. {@code https://s3.example.cn} (none: Amazon S3 for the region)
     * @param region the signing region; Ceph and MinIO accept any, e.g. {@code us-east-1}
     * @param bucket the private bucket that holds the documents; it must exist
     * @param prefix an optional key prefix inside the bucket, e.g. {@code qualify}
     * @param accessKey the access key id; none: the SDK's default chain (environment, profile, instance role)
     * @param secretKey the secret access key
     * @param pathStyleAccess {@code https://host/bucket/key} rather than {@code https://bucket.host/key}
     * @param serverSideEncryption the {@code x-amz-server-side-encryption} value ({@code AES256} or {@code aws:kms}),
     *     none to send no header
     * @param kmsKeyId the KMS key for {@code aws:kms}
     * @param attemptTimeout the longest one HTTP attempt may take
     * @param callTimeout the longest a call may take, retries included
     */
    record S3Settings(
            URI endpoint,
            @DefaultValue("us-east-1") String region,
            @DefaultValue("qualify-documents") String bucket,
            String prefix,
            String accessKey,
            String secretKey,
            @DefaultValue("true") boolean pathStyleAccess,
            String serverSideEncryption,
            String kmsKeyId,
            @DefaultValue("5s") Duration attemptTimeout,
            @DefaultValue("15s") Duration callTimeout) {}
}
