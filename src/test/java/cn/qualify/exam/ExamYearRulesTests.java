package cn.qualify.exam;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.LocalDate;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

/** The rules of an exam year, each checked on both sides of its limit. */
class ExamYearRulesTests {

    static final LocalDate DAY = LocalDate.of(2025, 3, 1);

    static ValidatorFactory factory;
    static Validator beanValidation;

    @BeforeAll
    static void startBeanValidation() {
        factory = Validation.buildDefaultValidatorFactory();
        beanValidation = factory.getValidator();
    }

    @AfterAll
    static void stopBeanValidation() {
        factory.close();
    }

    /** A valid year whose windows all fall on one day: every date rule is met with nothing to spare. */
    static ExamYearForm tightYear() {
        var form = ExamYearForm.forNewYear(2025);
        form.setPolicyId("LN-2025");
        form.setRegistrationOpens(DAY);
        form.setRegistrationCloses(DAY);
        form.setUploadOpens(DAY);
        form.setUploadCloses(DAY);
        form.setReviewOpens(DAY);
        form.setReviewCloses(DAY);
        return form;
    }

    static Errors datesOf(ExamYearForm form) {
        var errors = new BeanPropertyBindingResult(form, "examYearForm");
        new ExamYearRules().validate(form, errors);
        return errors;
    }

    static Stream<String> fieldsIn(ExamYearForm form) {
        return beanValidation.validate(form).stream()
                .map(ConstraintViolation::getPropertyPath)
                .map(Object::toString);
    }

    @Test
    void datesOnTheLimitOfEveryRuleAreAccepted() {
        assertThat(datesOf(tightYear()).hasErrors()).isFalse();
        assertThat(fieldsIn(tightYear())).isEmpty();
    }

    static Stream<Arguments> oneDayOverTheLimit() {
        return Stream.of(
                broken(
                        ExamYearForm::setRegistrationCloses,
                        DAY.minusDays(1),
                        "registrationCloses",
                        "year.registrationCloses.beforeOpens"),
                broken(
                        ExamYearForm::setUploadOpens,
                        DAY.minusDays(1),
                        "uploadOpens",
                        "year.uploadOpens.beforeRegistrationOpens"),
                broken(
                        ExamYearForm::setUploadCloses,
                        DAY.minusDays(1),
                        "uploadCloses",
                        "year.uploadCloses.beforeOpens"),
                broken(
                        ExamYearForm::setReviewOpens,
                        DAY.minusDays(1),
                        "reviewOpens",
                        "year.reviewOpens.beforeUploadOpens"),
                broken(
                        ExamYearForm::setReviewCloses,
                        DAY.minusDays(1),
                        "reviewCloses",
                        "year.reviewCloses.beforeOpens"),
                broken(
                        ExamYearForm::setUploadCloses,
                        DAY.plusDays(1),
                        "reviewCloses",
                        "year.reviewCloses.beforeUploadCloses"));
    }

    static Arguments broken(BiConsumer<ExamYearForm, LocalDate> setter, LocalDate day, String field, String code) {
        return Arguments.of(code, (Consumer<ExamYearForm>) form -> setter.accept(form, day), field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneDayOverTheLimit")
    void aDayOverTheLimitIsRefusedOnTheFieldToChange(String code, Consumer<ExamYearForm> change, String field) {
        var form = tightYear();
        change.accept(form);

        var errors = datesOf(form);

        assertThat(errors.getErrorCount()).isEqualTo(1);
        assertThat(errors.getFieldError().getField()).isEqualTo(field);
        assertThat(errors.getFieldError().getCode()).isEqualTo(code);
    }

    @Test
    void aFieldGetsOneMessageEvenWhenItBreaksTwoRules() {
        var form = tightYear();
        form.setReviewOpens(DAY.plusDays(2));
        form.setUploadCloses(DAY.plusDays(2));
        form.setReviewCloses(DAY.plusDays(1));

        assertThat(datesOf(form).getFieldErrors("reviewCloses")).hasSize(1);
    }

    @Test
    void aMissingDateSkipsTheRulesAndIsReportedByItself() {
        var form = tightYear();
        form.setUploadOpens(null);

        assertThat(datesOf(form).hasErrors()).isFalse();
        assertThat(fieldsIn(form)).containsExactly("uploadOpens");
    }

    @ParameterizedTest(name = "resubmissionDays={0} valid={1}")
    @CsvSource({"0,false", "1,true", "60,true", "61,false"})
    void resubmissionDaysAreOneToSixty(int days, boolean valid) {
        var form = tightYear();
        form.setResubmissionDays(days);
        assertThat(fieldsIn(form).toList().contains("resubmissionDays")).isEqualTo(!valid);
    }

    @ParameterizedTest(name = "maxImageBytes={0} valid={1}")
    @CsvSource({"10239,false", "10240,true", "204800,true", "10485760,true", "10485761,false"})
    void largestImageIsTenKilobytesToTenMegabytes(long bytes, boolean valid) {
        var form = tightYear();
        form.setMaxImageBytes(bytes);
        assertThat(fieldsIn(form).toList().contains("maxImageBytes")).isEqualTo(!valid);
    }

    @ParameterizedTest(name = "year={0} valid={1}")
    @CsvSource({"1999,false", "2000,true", "2099,true", "2100,false"})
    void yearIsBetween2000And2099(int year, boolean valid) {
        var form = tightYear();
        form.setYear(year);
        assertThat(fieldsIn(form).toList().contains("year")).isEqualTo(!valid);
    }

    @ParameterizedTest(name = "policyId={0} valid={1}")
    @CsvSource({"LN-2025,true", "LN2025,true", "ln-2025,false", "-LN,false", "'',false", "LN 2025,false"})
    void policyIdIsCapitalLettersDigitsAndHyphens(String policyId, boolean valid) {
        var form = tightYear();
        form.setPolicyId(policyId);
        assertThat(fieldsIn(form).toList().contains("policyId")).isEqualTo(!valid);
    }

    @Test
    void policyIdIsTrimmed() {
        var form = tightYear();
        form.setPolicyId("  LN-2025 ");
        assertThat(form.getPolicyId()).isEqualTo("LN-2025");
    }
}
