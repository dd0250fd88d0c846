package cn.qualify.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The printed PDFs: A4, the Chinese text really in them, in a font embedded in the file. */
class FormPrinterTests {

    static final FormPrinter printer = new FormPrinter(messages());

    static ResourceBundleMessageSource messages() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/messages", "i18n/identity", "i18n/policy", "i18n/forms");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    static byte[] print(Situations situation, OfferedForm form, String applicationNumber) {
        return printer.print(
                new FormContent(form, situation.registration(7), "沈阳考点", applicationNumber, LocalDate.of(2025, 5, 6)));
    }

    @Test
    void applicationFormCarriesTheCandidatesDataInChinese() throws IOException {
        byte[] pdf =
                print(Situations.aBachelorWithTwoWorkUnits(), OfferedForm.whole(FormKind.APPLICATION), "2101250001");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = text(document);
            assertThat(text)
                    .contains("2025年医师资格考试报名暨授予医师资格申请表")
                    .contains("张伟")
                    .contains("210102199603151234")
                    .contains("中国医科大学")
                    .contains("执业医师")
                    .contains("临床")
                    .contains("沈阳考点")
                    .contains("2101250001")
                    .contains("沈阳市第四人民医院")
                    .contains("2024年2月1日 至 今")
                    .contains("本人签字")
                    .contains("并非国家统一制式表格")
                    .doesNotContain("??");
            assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(PDRectangle.A4.getWidth(), within());
            assertThat(document.getPage(0).getMediaBox().getHeight()).isCloseTo(PDRectangle.A4.getHeight(), within());
            assertThat(fonts(document)).isNotEmpty().allMatch(PDFont::isEmbedded);
            assertThat(fonts(document)).anyMatch(font -> font.getName().contains("DroidSansFallback"));
        }
    }

    static org.assertj.core.data.Offset<Float> within() {
        return org.assertj.core.data.Offset.offset(1f);
    }

    static String text(PDDocument document) throws IOException {
        return new PDFTextStripper().getText(document);
    }

    static List<PDFont> fonts(PDDocument document) throws IOException {
        var fonts = new ArrayList<PDFont>();
        for (var page : document.getPages()) {
            var resources = page.getResources();
            for (var name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
        }
        return fonts;
    }
}
