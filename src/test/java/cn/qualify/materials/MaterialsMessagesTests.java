package cn.qualify.materials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Every refusal and every quality flag tells the candidate, in Chinese and in English, what to do. */
class MaterialsMessagesTests {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    final ResourceBundleMessageSource messages = messages();
    final ImageIntake intake = new ImageIntake(ImageIntake.Limits.defaults());

    static ResourceBundleMessageSource messages() {
        var source = new ResourceBundleMessageSource();
        source.setBasename("i18n/materials");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Test
    void aTooLargeFileIsToldItsSizeAndTheLimit() {
        var refusal = intake.check(TestImages.aJpegOf205Kilobytes(), TestImages.LIMIT);

        assertThat(messages.getMessage((RefusedImage) refusal, CHINESE)).isEqualTo("文件超过 200 KB（当前 205 KB），请压缩后重新上传");
        assertThat(messages.getMessage((RefusedImage) refusal, Locale.ENGLISH))
                .isEqualTo("The file is over 200 KB (205 KB). Please compress it and upload it again.");
    }

    @Test
    void aTooLargeStreamOfUnknownSizeIsToldTheLimit() throws Exception {
        var refusal =
                intake.check(new java.io.ByteArrayInputStream(TestImages.aJpegOf205Kilobytes()), -1, TestImages.LIMIT);

        assertThat(messages.getMessage((RefusedImage) refusal, CHINESE)).isEqualTo("文件超过 200 KB，请压缩后重新上传");
    }

    @Test
    void aPixelFloodIsToldTheLimitsInTheUnitsOfItsLanguage() {
        var refusal = (RefusedImage) intake.check(TestImages.aPixelFloodJpeg(), TestImages.LIMIT);

        assertThat(messages.getMessage(refusal, CHINESE)).contains("60000×60000", "8000 像素", "2400 万");
        assertThat(messages.getMessage(refusal, Locale.ENGLISH))
                .contains("60000×60000", "8000 pixels", "24 megapixels");
    }

    @Test
    void aWrongFormatIsToldWhatIsAccepted() {
        var refusal = (RefusedImage) intake.check(TestImages.aGifRenamedJpg(), TestImages.LIMIT);

        assertThat(messages.getMessage(refusal, CHINESE)).startsWith("只接受 JPG 或 PNG 格式的图片");
    }

    @ParameterizedTest
    @EnumSource(RefusalReason.class)
    void everyRefusalHasAMessageInBothLanguages(RefusalReason reason) {
        var refusal = RefusedImage.of(reason, "1", "2", "3", "4", "5");

        assertThat(messages.getMessage(refusal, CHINESE))
                .containsPattern("\\p{IsHan}")
                .doesNotContain("{");
        assertThat(messages.getMessage(refusal, Locale.ENGLISH))
                .doesNotContainPattern("\\p{IsHan}")
                .doesNotContain("{");
    }

    @ParameterizedTest
    @EnumSource(QualityFlag.class)
    void everyQualityFlagHasAWarningInBothLanguages(QualityFlag flag) {
        assertThat(messages.getMessage(flag.messageKey(), null, CHINESE)).containsPattern("\\p{IsHan}");
        assertThat(messages.getMessage(flag.messageKey(), null, Locale.ENGLISH)).doesNotContainPattern("\\p{IsHan}");
    }

    @Test
    void theBlurWarningIsTheOneTheIssueAsksFor() {
        assertThat(messages.getMessage(QualityFlag.BLURRY.messageKey(), null, CHINESE))
                .isEqualTo("图片可能模糊，请重新拍摄");
    }
}
