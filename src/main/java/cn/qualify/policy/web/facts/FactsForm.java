package cn.qualify.policy.web.facts;

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
import java.util.regex.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

/**
 * The candidate facts as a page binds them: every field of the contract and at least {@value #WORK_UNIT_ROWS}
 * work-unit rows, of which the blank ones are ignored. The page shows the institution flat ({@code institutionName},
 * {@code institutionType}, {@code licenseChanged}); it also binds as in the contract ({@code institution.name},
 * {@code institution.type}, {@code institution.licenseChanged}), so a problem that the contract's rules name can be
 * shown on its field ({@link #formField}).
 */
public class FactsForm {

    /** The work-unit rows a blank form shows. */
    public static final int WORK_UNIT_ROWS = 5;

    private static final Pattern WORK_UNIT_INDEX = Pattern.compile("workUnits\\[(\\d+)]");

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
    private Institution institution = new Institution();
    private List<WorkUnitRow> workUnits = new ArrayList<>();

    public FactsForm() {
        for (int i = 0; i < WORK_UNIT_ROWS; i++) {
            workUnits.add(new WorkUnitRow());
        }
    }

    /** The form showing these facts, with blank rows up to {@value #WORK_UNIT_ROWS} work units. */
    public static FactsForm of(CandidateFacts facts) {
        var form = new FactsForm();
        form.examYear = facts.examYear();
        form.examLevel = facts.examLevel();
        form.category = facts.category();
        form.education = facts.education();
        form.postgraduateStatus = facts.postgraduateStatus();
        form.schoolProvinceCode = facts.schoolProvinceCode();
        form.graduationDate = facts.graduationDate();
        form.topUpBachelor = facts.topUpBachelor();
        form.bachelorAdmissionDate = facts.bachelorAdmissionDate();
        form.foreignDegree = facts.foreignDegree();
        form.diplomaLost = facts.diplomaLost();
        form.activeMilitary = facts.activeMilitary();
        form.assistantQualified = facts.assistantQualified();
        form.assistantRegistrationDate = facts.assistantRegistrationDate();
        form.assistantPracticeScope = facts.assistantPracticeScope();
        form.crossProvinceTransfer = facts.crossProvinceTransfer();
        form.originalCertificateUnavailable = facts.originalCertificateUnavailable();
        form.shortageExam = facts.shortageExam();
        form.probationPost = facts.probationPost();
        if (facts.institution() != null) {
            form.institution.name = facts.institution().name();
            form.institution.type = facts.institution().type();
            form.institution.licenseChanged = facts.institution().licenseChanged();
        }
        form.workUnits = new ArrayList<>();
        for (var unit : facts.workUnits()) {
            var row = new WorkUnitRow();
            row.name = unit.name();
            row.type = unit.type();
            row.from = unit.from();
            row.to = unit.to();
            form.workUnits.add(row);
        }
        while (form.workUnits.size() < WORK_UNIT_ROWS) {
            form.workUnits.add(new WorkUnitRow());
        }
        return form;
    }

    /** Field-level errors in the form's own terms; what contradicts is left to the policy. */
    public void validate(Errors errors) {
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

    /** The facts; blank work-unit rows are dropped, the others keep their order. */
    public CandidateFacts toFacts() {
        var institutionFacts = institution.type == null && blank(institution.name)
                ? null
                : new CandidateFacts.Institution(institution.name, institution.type, institution.licenseChanged);
        var units = workUnits.stream()
                .filter(row -> row != null && !row.isBlank())
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
                institutionFacts,
                units);
    }

    /**
     * Where a problem of a field named as in the contract shows on this form: the institution's fields are flat here,
     * and the contract numbers work units without the blank rows, the form with them.
     *
     * @param contractField e.g. {@code institution.type} or {@code workUnits[0].from}
     */
    public String formField(String contractField) {
        switch (contractField) {
            case "institution.name":
                return "institutionName";
            case "institution.type":
                return "institutionType";
            case "institution.licenseChanged":
                return "licenseChanged";
            default:
                break;
        }
        var matcher = WORK_UNIT_INDEX.matcher(contractField);
        if (!matcher.find()) {
            return contractField;
        }
        int filled = Integer.parseInt(matcher.group(1));
        int seen = -1;
        for (int row = 0; row < workUnits.size(); row++) {
            if (workUnits.get(row) != null && !workUnits.get(row).isBlank() && ++seen == filled) {
                return matcher.replaceFirst("workUnits[" + row + "]");
            }
        }
        return contractField;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** The registered institution as the contract nests it: {@code institution.name}, {@code .type}, {@code .licenseChanged}. */
    public static class Institution {

        private String name;
        private InstitutionType type;
        private boolean licenseChanged;

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

        public boolean isLicenseChanged() {
            return licenseChanged;
        }

        public void setLicenseChanged(boolean licenseChanged) {
            this.licenseChanged = licenseChanged;
        }
    }

    /** One row of the work-unit table; a row left blank is no work unit. */
    public static class WorkUnitRow {

        private String name;
        private InstitutionType type;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate from;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate to;

        public boolean isBlank() {
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

    public Institution getInstitution() {
        return institution;
    }

    public void setInstitution(Institution institution) {
        this.institution = institution == null ? new Institution() : institution;
    }

    public String getInstitutionName() {
        return institution.name;
    }

    public void setInstitutionName(String institutionName) {
        institution.name = institutionName;
    }

    public InstitutionType getInstitutionType() {
        return institution.type;
    }

    public void setInstitutionType(InstitutionType institutionType) {
        institution.type = institutionType;
    }

    public boolean isLicenseChanged() {
        return institution.licenseChanged;
    }

    public void setLicenseChanged(boolean licenseChanged) {
        institution.licenseChanged = licenseChanged;
    }

    public List<WorkUnitRow> getWorkUnits() {
        return workUnits;
    }

    public void setWorkUnits(List<WorkUnitRow> workUnits) {
        this.workUnits = workUnits;
    }
}
