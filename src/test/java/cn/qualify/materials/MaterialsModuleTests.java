package cn.qualify.materials;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.modulith.test.ApplicationModuleTest;

/** The module on its own, wired by Spring from the application's configuration. */
@ApplicationModuleTest
class MaterialsModuleTests {

    @Autowired
    ImageIntake intake;

    @Autowired
    DocumentStore store;

    @Autowired
    ImageVerification verification;

    @Autowired
    MessageSource messages;

    @Test
    void usesTheFilesystemStoreInTheConfiguredDirectoryBehindTheEncryption() {
        assertThat(store).isInstanceOf(EncryptedDocumentStore.class);
        var filesystem = ((EncryptedDocumentStore) store).delegate();
        assertThat(filesystem).isInstanceOf(FilesystemDocumentStore.class);
        assertThat(((FilesystemDocumentStore) filesystem).root())
                .isEqualTo(Path.of("target/test-documents").toAbsolutePath().normalize());
    }

    @Test
    void bindsTheDefaultLimits() {
        assertThat(intake.limits()).isEqualTo(ImageIntake.Limits.defaults());
    }

    @Test
    void anAcceptedUploadIsStoredVerifiedAndExplained() {
        var accepted = (AcceptedImage) intake.check(TestImages.aPhoneJpegWithGps(), TestImages.LIMIT);
        var key = StorageKey.newKey(2025);

        var stored = store.put(key, accepted.bytes());
        var result = verification.submit(key).join();

        assertThat(stored.sha256()).isEqualTo(accepted.sha256());
        assertThat(store.verify(key, accepted.sha256())).isTrue();
        assertThat(result.flags()).isEmpty();
        assertThat(store.delete(key)).isTrue();
    }

    @Test
    void theApplicationsMessagesIncludeTheMaterialsBundle() {
        var refusal = (RefusedImage) intake.check(TestImages.aJpegOf205Kilobytes(), TestImages.LIMIT);

        assertThat(messages.getMessage(refusal, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("文件超过 200 KB（当前 205 KB），请压缩后重新上传");
    }
}
