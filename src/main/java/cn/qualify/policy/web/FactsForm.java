package cn.qualify.policy.web;

import cn.qualify.policy.CandidateFacts;
import cn.qualify.policy.Category;
import cn.qualify.policy.Education;
import cn.qualify.policy.ExamLevel;
import cn.qualify.policy.InstitutionType;
import cn.qualify.policy.Post;
import cn.qualify.policy.PostgraduateStatus;
import cn.qualify.policy.ShortageExam;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

/**
 * The candidate facts as the self-check form binds them: every field of the contract, the institution flattened, and
 * a fixed number of work-unit rows of which the blank ones are ignored.
 */
public class FactsForm {

    static final int WORK_UNIT_ROWS = 5;

    private Integer examYear;
    private ExamLevel examLevel;
    private Category category;
    private Education education;
    private PostgraduateStatus postgraduateStatus;
    private String schoolProvinceCode;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate graduationDate;

    private boolean topUpBachelor;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate bachelorAdmissionDate;

    private boolean foreignDegree;
    private boolean diplomaLost;
    private boolean activeMilitary;
    private boolean assistantQualified;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate assistantRegistrationDate;

    private Post assistantPracticeScope;
    private boolean crossProvinceTransfer;
    private boolean originalCertificateUnavailable;
    private ShortageExam shortageExam = ShortageExam.NONE;
    private Post probationPost;
    private String institutionName;
    private InstitutionType institutionType;
    private boolean licenseChanged;
    private List<WorkUnitRow> workUnits = new ArrayList<>();

    public FactsForm() {
        for (int i = 0; i < WORK_UNIT_ROWS; i++) {
            workUnits.add(new WorkUnitRow());
        }
    }

    /** Field-level errors in the form's own terms; what contradicts is left to the policy. */
    void validate(Errors errors) {
        for (String field : List.of("examYear", "examLevel", "category", "education")) {
            if (errors.getFieldValue(field) == null && !errors.hasFieldErrors(field)) {
                errors.rejectValue(field, "required");
            }
        }
        for (int i = 0; i < workUnits.size(); i++) {
            var row = workUnits.get(i);
            String prefix = "workUnits[" + i + "].";
            if (row.isBlank() || errors.hasFieldErrors(prefix + "*")) {
                continue;
            }
            if (row.getType() == null) {
                errors.rejectValue(prefix + "type", "required");
            }
            if (row.getFrom() == null) {
                errors.rejectValue(prefix + "from", "required");
            } else if (row.getTo() != null && row.getTo().isBefore(row.getFrom())) {
                errors.rejectValue(prefix + "to", "workUnit.endsBeforeStart");
            }
        }
    }

    CandidateFacts toFacts() {
        var institution = institutionType == null && blank(institutionName)
                ? null
                : new CandidateFacts.Institution(institutionName, institutionType, licenseChanged);
        var units = workUnits.stream()
                .filter(row -> !row.isBlank())
                .map(row -> new CandidateFacts.WorkUnit(row.getName(), row.getType(), row.getFrom(), row.getTo()))
                .toList();
        return new CandidateFacts(
                examYear,
                examLevel,
                category,
                education,
                postgraduateStatus,
                schoolProvinceCode,
                graduationDate,
                topUpBachelor,
                bachelorAdmissionDate,
                foreignDegree,
                diplomaLost,
                activeMilitary,
                assistantQualified,
                assistantRegistrationDate,
                assistantPracticeScope,
                crossProvinceTransfer,
                originalCertificateUnavailable,
                shortageExam,
                probationPost,
                institution,
                units);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** One row of the work-unit table; a row left blank is no work unit. */
    public static class WorkUnitRow {

        private String name;
        private InstitutionType type;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate from;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate to;

        boolean isBlank() {
            return blank(name) && type == null && from == null && to == null;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public InstitutionType getType() {
            return type;
        }

        public void setType(InstitutionType type) {
            this.type = type;
        }

        public LocalDate getFrom() {
            return from;
        }

        public void setFrom(LocalDate from) {
            this.from = from;
        }

        public LocalDate getTo() {
            return to;
        }

        public void setTo(LocalDate to) {
            this.to = to;
        }
    }

    public Integer getExamYear() {
        return examYear;
    }

    public void setExamYear(Integer examYear) {
        this.examYear = examYear;
    }

    public ExamLevel getExamLevel() {
        return examLevel;
    }

    public void setExamLevel(ExamLevel examLevel) {
        this.examLevel = examLevel;
    }

    public Category getCategory() {
        return category;
    }

    public void setCategory(Category category) {
        this.category = category;
    }

    public Education getEducation() {
        return education;
    }

    public void setEducation(Education education) {
        this.education = education;
    }

    public PostgraduateStatus getPostgraduateStatus() {
        return postgraduateStatus;
    }

    public void setPostgraduateStatus(PostgraduateStatus postgraduateStatus) {
        this.postgraduateStatus = postgraduateStatus;
    }

    public String getSchoolProvinceCode() {
        return schoolProvinceCode;
    }

    public void setSchoolProvinceCode(String schoolProvinceCode) {
        this.schoolProvinceCode = schoolProvinceCode;
    }

    public LocalDate getGraduationDate() {
        return graduationDate;
    }

    public void setGraduationDate(LocalDate graduationDate) {
        this.graduationDate = graduationDate;
    }

    public boolean isTopUpBachelor() {
        return topUpBachelor;
    }

    public void setTopUpBachelor(boolean topUpBachelor) {
        this.topUpBachelor = topUpBachelor;
    }

    public LocalDate getBachelorAdmissionDate() {
        return bachelorAdmissionDate;
    }

    public void setBachelorAdmissionDate(LocalDate bachelorAdmissionDate) {
        this.bachelorAdmissionDate = bachelorAdmissionDate;
    }

    public boolean isForeignDegree() {
        return foreignDegree;
    }

    public void setForeignDegree(boolean foreignDegree) {
        this.foreignDegree = foreignDegree;
    }

    public boolean isDiplomaLost() {
        return diplomaLost;
    }

    public void setDiplomaLost(boolean diplomaLost) {
        this.diplomaLost = diplomaLost;
    }

    public boolean isActiveMilitary() {
        return activeMilitary;
    }

    public void setActiveMilitary(boolean activeMilitary) {
        this.activeMilitary = activeMilitary;
    }

    public boolean isAssistantQualified() {
        return assistantQualified;
    }

    public void setAssistantQualified(boolean assistantQualified) {
        this.assistantQualified = assistantQualified;
    }

    public LocalDate getAssistantRegistrationDate() {
        return assistantRegistrationDate;
    }

    public void setAssistantRegistrationDate(LocalDate assistantRegistrationDate) {
        this.assistantRegistrationDate = assistantRegistrationDate;
    }

    public Post getAssistantPracticeScope() {
        return assistantPracticeScope;
    }

    public void setAssistantPracticeScope(Post assistantPracticeScope) {
        this.assistantPracticeScope = assistantPracticeScope;
    }

    public boolean isCrossProvinceTransfer() {
        return crossProvinceTransfer;
    }

    public void setCrossProvinceTransfer(boolean crossProvinceTransfer) {
        this.crossProvinceTransfer = crossProvinceTransfer;
    }

    public boolean isOriginalCertificateUnavailable() {
        return originalCertificateUnavailable;
    }

    public void setOriginalCertificateUnavailable(boolean originalCertificateUnavailable) {
        this.originalCertificateUnavailable = originalCertificateUnavailable;
    }

    public ShortageExam getShortageExam() {
        return shortageExam;
    }

    public void setShortageExam(ShortageExam shortageExam) {
        this.shortageExam = shortageExam;
    }

    public Post getProbationPost() {
        return probationPost;
    }

    public void setProbationPost(Post probationPost) {
        this.probationPost = probationPost;
    }

    public String getInstitutionName() {
        return institutionName;
    }

    public void setInstitutionName(String institutionName) {
        this.institutionName = institutionName;
    }

    public InstitutionType getInstitutionType() {
        return institutionType;
    }

    public void setInstitutionType(InstitutionType institutionType) {
        this.institutionType = institutionType;
    }

    public boolean isLicenseChanged() {
        return licenseChanged;
    }

    public void setLicenseChanged(boolean licenseChanged) {
        this.licenseChanged = licenseChanged;
    }

    public List<WorkUnitRow> getWorkUnits() {
        return workUnits;
    }

    public void setWorkUnits(List<WorkUnitRow> workUnits) {
        this.workUnits = workUnits;
    }
}
