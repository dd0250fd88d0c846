package cn.qualify.materials;

import java.nio.file.Path;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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

    @Bean
    ImageIntake imageIntake(ImageIntake.Limits limits) {
        return new ImageIntake(limits);
    }

    @Bean
    @ConditionalOnProperty(name = "qualify.documents.store", havingValue = "filesystem", matchIfMissing = true)
    DocumentStore filesystemDocumentStore(DocumentsProperties documents) {
        return new FilesystemDocumentStore(documents.directory());
    }

    @Bean(destroyMethod = "close")
    ImageVerification imageVerification(
            DocumentStore store, ImageIntake.Limits limits, ImageVerification.Settings settings) {
        return new ImageVerification(store, limits, settings);
    }

    /**
     * Where documents are stored, bound to {@code qualify.documents.*}.
     *
     * @param store which adapter: {@code filesystem} (default); {@code s3} is reserved for the bucket adapter
     * @param directory the filesystem adapter's root directory
     */
    @ConfigurationProperties("qualify.documents")
    record DocumentsProperties(
            @DefaultValue("filesystem") String store,
            @DefaultValue("./data/documents") Path directory) {}
}
