package cn.qualify.materials;

import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
    ImageIntake.Limits.class,
    ImageVerification.Settings.class,
    MaterialsConfiguration.DocumentsProperties.class
})
class MaterialsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MaterialsConfiguration.class);

    /**
     * Shared by the intake, which counts uploads, verification, which yields to them, and the pending documents,
     * which reserve keys in batches as large as the rate calls for.
     */
    @Bean
    UploadPressure uploadPressure() {
        return new UploadPressure();
    }

    @Bean
    ImageIntake imageIntake(ImageIntake.Limits limits, UploadPressure uploadPressure) {
        return new ImageIntake(limits, uploadPressure);
    }

    /** The adapter chosen by {@code qualify.documents.store}, behind the envelope encryption. */
    @Bean
    DocumentStore documentStore(DocumentsProperties documents) {
        DocumentStore store;
        switch (documents.store()) {
            case "filesystem":
                store = new FilesystemDocumentStore(documents.directory());
                log.info("Documents are stored under {}", documents.directory().toAbsolutePath());
                break;
            case "s3":
                var s3 = documents.s3();
                store = new S3DocumentStore(S3DocumentStore.client(s3), s3);
                log.info("Documents are stored in bucket {} at {}", s3.bucket(), s3.endpoint());
                break;
            default:
                throw new IllegalArgumentException(
                        "qualify.documents.store must be filesystem or s3, not " + documents.store());
        }
        var encryption = documents.encryption();
        var encrypted = new EncryptedDocumentStore(store, encryption.keys(), encryption.activeKey());
        if (encrypted.encrypts()) {
            log.info("New documents are encrypted with master key '{}'", encryption.activeKey());
        } else {
            log.warn("Documents are stored unencrypted: set qualify.documents.encryption.active-key in production");
        }
        return encrypted;
    }

    @Bean(destroyMethod = "close")
    ImageVerification imageVerification(
            DocumentStore store,
            ImageIntake.Limits limits,
            ImageVerification.Settings settings,
            UploadPressure uploadPressure) {
        return new ImageVerification(store, limits, settings, uploadPressure, MachineLoad.ofThisMachine());
    }

    /**
     * Where documents are stored, bound to {@code qualify.documents.*}.
     *
     * @param store which adapter: {@code filesystem} (default) or {@code s3}
     * @param directory the filesystem adapter's root directory
     * @param s3 the S3 adapter's endpoint, bucket and credentials
     * @param encryption the master keys of the envelope encryption
     * @param orphanGrace how long a document may be stored without the database row that refers to it before the
     *     orphan sweep deletes it
     */
    @ConfigurationProperties("qualify.documents")
    record DocumentsProperties(
            @DefaultValue("filesystem") String store,
            @DefaultValue("./data/documents") Path directory,
            @DefaultValue S3DocumentStore.S3Settings s3,
            @DefaultValue Encryption encryption,
            @DefaultValue("PT15M") java.time.Duration orphanGrace) {}

    /**
     * Envelope encryption of stored documents, bound to {@code qualify.documents.encryption.*}.
     *
     * @param activeKey the id of the master key that encrypts new documents; none: new documents are not encrypted
     * @param keys every master key still needed to read documents, by id: 32 random bytes in Base64 each
     */
    record Encryption(String activeKey, Map<String, String> keys) {
        Encryption {
            keys = keys == null ? Map.of() : Map.copyOf(keys);
        }
    }
}
