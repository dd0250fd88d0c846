package cn.qualify.exam;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What an administrator enters for an exam year, on the page and in the API. Single fields are checked here;
 * the rules between dates live in {@link ExamYearRules}.
 */
class ExamYearForm {

    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2099;
    static final int MIN_RESUBMISSION_DAYS = 1;
    static final int MAX_RESUBMISSION_DAYS = 60;
    static final long MIN_IMAGE_BYTES = 10 * 1024;
    static final long MAX_IMAGE_BYTES = 10 * 1024 * 1024;
    static final long DEFAULT_IMAGE_BYTES = 200 * 1024;
    static final int DEFAULT_RESUBMISSION_DAYS = 5;

    @NotNull(message = "{exam.year.year.required}")
    @Min(value = MIN_YEAR, message = "{exam.year.year.range}")
    @Max(value = MAX_YEAR, message = "{exam.year.year.range}")
    private Integer year;

    @NotBlank(message = "{exam.year.policyId.required}")
    @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,31}", message = "{exam.year.policyId.format}")
    private String policyId;

    @NotNull(message = "{exam.year.date.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate registrationOpens;

    @NotNull(message = "{exam.year.date.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate registrationCloses;

    @NotNull(message = "{exam.year.date.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate uploadOpens;

    @NotNull(message = "{exam.year.date.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate uploadCloses;

    @NotNull(message = "{exam.year.date.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate reviewOpens;

    @NotNull(message = "{exam.year.date.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate reviewCloses;

    @NotNull(message = "{exam.year.resubmissionDays.range}")
    @Min(value = MIN_RESUBMISSION_DAYS, message = "{exam.year.resubmissionDays.range}")
    @Max(value = MAX_RESUBMISSION_DAYS, message = "{exam.year.resubmissionDays.range}")
    private Integer resubmissionDays;

    @NotNull(message = "{exam.year.maxImageBytes.range}")
    @Min(value = MIN_IMAGE_BYTES, message = "{exam.year.maxImageBytes.range}")
    @Max(value = MAX_IMAGE_BYTES, message = "{exam.year.maxImageBytes.range}")
    private Long maxImageBytes;

    /** A new exam year for {@code year}, with the 2025 defaults for the numbers and no dates. */
    static ExamYearForm forNewYear(int year) {
        var form = new ExamYearForm();
        form.year = year;
        form.resubmissionDays = DEFAULT_RESUBMISSION_DAYS;
        form.maxImageBytes = DEFAULT_IMAGE_BYTES;
        return form;
    }

    static ExamYearForm of(ExamYear year) {
        var form = new ExamYearForm();
        form.year = year.year();
        form.policyId = year.policyId();
        form.registrationOpens = year.registrationOpens();
        form.registrationCloses = year.registrationCloses();
        form.uploadOpens = year.uploadOpens();
        form.uploadCloses = year.uploadCloses();
        form.reviewOpens = year.reviewOpens();
        form.reviewCloses = year.reviewCloses();
        form.resubmissionDays = year.resubmissionDays();
        form.maxImageBytes = year.maxImageBytes();
        return form;
    }

    /** The exam year this (validated) form describes. */
    ExamYear toExamYear(String districtCode) {
        return new ExamYear(
                year,
                districtCode,
                policyId,
                registrationOpens,
                registrationCloses,
                uploadOpens,
                uploadCloses,
                reviewOpens,
                reviewCloses,
                resubmissionDays,
                maxImageBytes);
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public String getPolicyId() {
        return policyId;
    }

    public void setPolicyId(String policyId) {
        this.policyId = policyId == null ? null : policyId.strip();
    }

    public LocalDate getRegistrationOpens() {
        return registrationOpens;
    }

    public void setRegistrationOpens(LocalDate registrationOpens) {
        this.registrationOpens = registrationOpens;
    }

    public LocalDate getRegistrationCloses() {
        return registrationCloses;
    }

    public void setRegistrationCloses(LocalDate registrationCloses) {
        this.registrationCloses = registrationCloses;
    }

    public LocalDate getUploadOpens() {
        return uploadOpens;
    }

    public void setUploadOpens(LocalDate uploadOpens) {
        this.uploadOpens = uploadOpens;
    }

    public LocalDate getUploadCloses() {
        return uploadCloses;
    }

    public void setUploadCloses(LocalDate uploadCloses) {
        this.uploadCloses = uploadCloses;
    }

    public LocalDate getReviewOpens() {
        return reviewOpens;
    }

    public void setReviewOpens(LocalDate reviewOpens) {
        this.reviewOpens = reviewOpens;
    }

    public LocalDate getReviewCloses() {
        return reviewCloses;
    }

    public void setReviewCloses(LocalDate reviewCloses) {
        this.reviewCloses = reviewCloses;
    }

    public Integer getResubmissionDays() {
        return resubmissionDays;
    }

    public void setResubmissionDays(Integer resubmissionDays) {
        this.resubmissionDays = resubmissionDays;
    }

    public Long getMaxImageBytes() {
        return maxImageBytes;
    }

    public void setMaxImageBytes(Long maxImageBytes) {
        this.maxImageBytes = maxImageBytes;
    }
}
