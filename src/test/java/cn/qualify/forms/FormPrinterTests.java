package cn.qualify.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.qualify.policy.CandidateFacts.WorkUnit;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The printed PDFs: A4, the candidate's data and the forms' Chinese text really in them (extracted back out of the
 * file), in fonts embedded in the file, with the boxes for signatures and seals that the notice asks for.
 */
class FormPrinterTests {

    static final ResourceBundleMessageSource messages = messages();
    static final FormPrinter printer = new FormPrinter(messages);
    static final String NOT_OFFICIAL = "并非国家统一制式表格";

    static ResourceBundleMessageSource messages() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/messages", "i18n/identity", "i18n/policy", "i18n/forms");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    static PDDocument print(Situations situation, OfferedForm form, String applicationNumber) throws IOException {
        byte[] pdf = printer.print(
                new FormContent(form, situation.registration(7), "沈阳考点", applicationNumber, LocalDate.of(2025, 5, 6)));
        assertThat(pdf).startsWith("%PDF-".getBytes());
        return Loader.loadPDF(pdf);
    }

    static OfferedForm unitForm(FormKind kind, Situations situation, int number) {
        List<WorkUnit> units = situation.workUnits;
        return new OfferedForm(kind, number, units.size(), units.get(number - 1));
    }

    static String chineseName(FormKind kind) {
        return messages.getMessage(kind.messageKey(), null, Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void applicationFormCarriesTheRegistrationInfo() throws IOException {
        try (var document =
                print(Situations.aBachelorWithTwoWorkUnits(), OfferedForm.whole(FormKind.APPLICATION), "2101250001")) {
            assertThat(text(document))
                    .contains("2025年" + chineseName(FormKind.APPLICATION))
                    .contains("张伟", "男", "1996年3月15日", "居民身份证", "210102199603151234", "13912345678")
                    .contains("中国医科大学", "临床医学", "本科", "2023年7月1日")
                    .contains("执业医师", "临床", "沈阳考点", "报名号：2101250001")
                    .contains("辽宁省人民医院", "沈阳市第四人民医院", "2023年8月1日 至 2024年1月31日", "2024年2月1日 至 今")
                    .contains("本人签字", "考点审核意见", "二.8")
                    .contains(NOT_OFFICIAL)
                    .doesNotContain("??");
            assertThat(document.getNumberOfPages()).isEqualTo(1);
        }
    }

    @Test
    void withoutApplicationNumberTheFieldIsLeftToFillIn() throws IOException {
        try (var document =
                print(Situations.aBachelorWithTwoWorkUnits(), OfferedForm.whole(FormKind.APPLICATION), null)) {
            assertThat(text(document)).contains("报名号：").doesNotContain("null");
        }
    }

    @ParameterizedTest
    @EnumSource(FormKind.class)
    void everyFormIsA4WithChineseTextInEmbeddedFonts(FormKind kind) throws IOException {
        var situation = situationFor(kind);
        var form = kind.perWorkUnit() ? unitForm(kind, situation, 1) : OfferedForm.whole(kind);
        try (var document = print(situation, form, null)) {
            assertThat(text(document))
                    .contains(chineseName(kind))
                    .contains("张伟")
                    .contains("210102199603151234")
                    .contains(kind.clause())
                    .contains(NOT_OFFICIAL)
                    .doesNotContain("??")
                    .doesNotContain("null");
            var page = document.getPage(0).getMediaBox();
            assertThat(page.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), within(1f));
            assertThat(page.getHeight()).isCloseTo(PDRectangle.A4.getHeight(), within(1f));
            var fonts = fonts(document);
            assertThat(fonts).isNotEmpty().allMatch(PDFont::isEmbedded);
            assertThat(fonts).anyMatch(font -> font.getName().endsWith("+DroidSansFallback"));
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = FormKind.class,
            names = {"PROBATION_ASSESSMENT", "PRACTICE_PERIOD_ASSESSMENT", "SHORTAGE_EXAM_APPLICATION"})
    void unitCertificatesHaveRoomForTheSealAndTheLegalRepresentative(FormKind kind) throws IOException {
        var situation = situationFor(kind);
        var form = kind.perWorkUnit() ? unitForm(kind, situation, 1) : OfferedForm.whole(kind);
        try (var document = print(situation, form, null)) {
            assertThat(text(document)).contains("单位公章", "法定代表人签字或盖名章", "缺一不可");
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = FormKind.class,
            names = {"APPLICATION", "GRADUATE_COMMITMENT", "SHORTAGE_EXAM_APPLICATION"})
    void candidatesOwnFormsHaveRoomForTheirSignature(FormKind kind) throws IOException {
        try (var document = print(situationFor(kind), OfferedForm.whole(kind), null)) {
            assertThat(text(document)).contains("本人签字", "日期");
        }
    }

    @Test
    void eachUnitsCopyNamesThatUnitAndItsPeriod() throws IOException {
        var situation = Situations.aBachelorWithTwoWorkUnits();
        try (var second = print(situation, unitForm(FormKind.PROBATION_ASSESSMENT, situation, 2), null)) {
            assertThat(text(second))
                    .contains("第2份，共2份")
                    .contains("辽宁省人民医院")
                    .contains("2024年2月1日 至 今")
                    .doesNotContain("沈阳市第四人民医院");
        }
    }

    @Test
    void assistantsPracticeCertificateShowsTheRegistrationDate() throws IOException {
        var situation = Situations.aCollegeAssistantForPhysician();
        try (var document = print(situation, unitForm(FormKind.PRACTICE_PERIOD_ASSESSMENT, situation, 1), null)) {
            assertThat(text(document)).contains("大专", "2021年3月1日", "沈阳市第四人民医院", "2021年3月1日 至 2023年2月28日");
        }
    }

    @Test
    void shortageFormNamesTheAddOnExamAndThePost() throws IOException {
        try (var document = print(
                Situations.aPaediatricsShortageCandidate(),
                OfferedForm.whole(FormKind.SHORTAGE_EXAM_APPLICATION),
                null)) {
            assertThat(text(document)).contains("短线医学加试（儿科）", "试用期岗位为儿科", "考区审核意见");
        }
    }

    @Test
    void graduatesCommitmentNamesTheGraduationDate() throws IOException {
        try (var document = print(
                Situations.aBachelorGraduatingThisYear(), OfferedForm.whole(FormKind.GRADUATE_COMMITMENT), null)) {
            assertThat(text(document)).contains("2025年应届毕业生", "预计于2025年6月30日毕业");
        }
    }

    @Test
    void markupInRegistrationInfoIsPrintedAsText() throws IOException {
        var situation = Situations.aBachelorWithTwoWorkUnits().named("<b>王&amp;</b>", "210102199603151234");
        try (var document = print(situation, OfferedForm.whole(FormKind.APPLICATION), null)) {
            assertThat(text(document)).contains("<b>王&amp;</b>");
        }
    }

    static Situations situationFor(FormKind kind) {
        return switch (kind) {
            case APPLICATION, PROBATION_ASSESSMENT -> Situations.aBachelorWithTwoWorkUnits();
            case PRACTICE_PERIOD_ASSESSMENT -> Situations.aCollegeAssistantForPhysician();
            case GRADUATE_COMMITMENT -> Situations.aBachelorGraduatingThisYear();
            case SHORTAGE_EXAM_APPLICATION -> Situations.aPaediatricsShortageCandidate();
        };
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
