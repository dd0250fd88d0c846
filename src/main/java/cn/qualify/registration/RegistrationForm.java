package cn.qualify.registration;

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

/**
 * The candidate's registration page as it binds: the personal fields and the facts under {@code facts.}, named as
 * in the contract and the JSON API ({@code facts.institution.type}, {@code facts.workUnits[0].from}), so that a
 * problem names the same field everywhere. At least {@value #WORK_UNIT_ROWS} work-unit rows are shown; blank rows
 * are no units.
 */
public class RegistrationForm {

    static final int WORK_UNIT_ROWS = 5;

    private String gender;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate birthDate;

    private String phone;
    private String email;
    private String school;
    private String major;
    private String examPointCode;
    private FactsFields facts = new FactsFields();

    /** A form for a candidate who has not saved anything yet: the phone of their account filled in. */
    static RegistrationForm blank(String accountPhone) {
        var form = new RegistrationForm();
        form.phone = accountPhone;
        return form;
    }

    static RegistrationForm of(Registration registration) {
        var form = new RegistrationForm();
        form.gender = registration.gender();
        form.birthDate = registration.birthDate();
        form.phone = registration.phone();
        form.email = registration.email();
        form.school = registration.school();
        form.major = registration.major();
        form.examPointCode = registration.examPointCode();
        form.facts = FactsFields.of(registration.facts());
        return form;
    }

    RegistrationDetails toDetails() {
        return new RegistrationDetails(gender, birthDate, phone, email, school, major, examPointCode, facts.toFacts());
    }

    /** The fields a request may bind: at most as many work-unit rows as a registration may have. */
    static String[] bindableFields() {
        var fields = new ArrayList<>(List.of(
                "gender",
                "birthDate",
                "phone",
                "email",
                "school",
                "major",
                "examPointCode",
                "facts.examLevel",
                "facts.category",
                "facts.education",
                "facts.postgraduateStatus",
                "facts.schoolProvinceCode",
                "facts.graduationDate",
                "facts.topUpBachelor",
                "facts.bachelorAdmissionDate",
                "facts.foreignDegree",
                "facts.diplomaLost",
                "facts.activeMilitary",
                "facts.assistantQualified",
                "facts.assistantRegistrationDate",
                "facts.assistantPracticeScope",
                "facts.crossProvinceTransfer",
                "facts.originalCertificateUnavailable",
                "facts.shortageExam",
                "facts.probationPost",
                "facts.institution.name",
                "facts.institution.type",
                "facts.institution.licenseChanged"));
        for (int i = 0; i < RegistrationRules.MAX_WORK_UNITS; i++) {
            for (String part : List.of("name", "type", "from", "to")) {
                fields.add("facts.workUnits[" + i + "]." + part);
            }
        }
        // checkboxes send a marker field that Spring uses to bind an unticked box as false
        fields.addAll(fields.stream().map(field -> "_" + field).toList());
        return fields.toArray(String[]::new);
    }

    /** The candidate facts of the contract, as the page binds them. */
    public static class FactsFields {

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
        private InstitutionFields institution = new InstitutionFields();
        private List<WorkUnitRow> workUnits = new ArrayList<>();

        public FactsFields() {
            for (int i = 0; i < WORK_UNIT_ROWS; i++) {
                workUnits.add(new WorkUnitRow());
            }
        }

        static FactsFields of(CandidateFacts facts) {
            var fields = new FactsFields();
            fields.examLevel = facts.examLevel();
            fields.category = facts.category();
            fields.education = facts.education();
            fields.postgraduateStatus = facts.postgraduateStatus();
            fields.schoolProvinceCode = facts.schoolProvinceCode();
            fields.graduationDate = facts.graduationDate();
            fields.topUpBachelor = facts.topUpBachelor();
            fields.bachelorAdmissionDate = facts.bachelorAdmissionDate();
            fields.foreignDegree = facts.foreignDegree();
            fields.diplomaLost = facts.diplomaLost();
            fields.activeMilitary = facts.activeMilitary();
            fields.assistantQualified = facts.assistantQualified();
            fields.assistantRegistrationDate = facts.assistantRegistrationDate();
            fields.assistantPracticeScope = facts.assistantPracticeScope();
            fields.crossProvinceTransfer = facts.crossProvinceTransfer();
            fields.originalCertificateUnavailable = facts.originalCertificateUnavailable();
            fields.shortageExam = facts.shortageExam();
            fields.probationPost = facts.probationPost();
            if (facts.institution() != null) {
                fields.institution.name = facts.institution().name();
                fields.institution.type = facts.institution().type();
                fields.institution.licenseChanged = facts.institution().licenseChanged();
            }
            fields.workUnits = new ArrayList<>();
            for (var unit : facts.workUnits()) {
                var row = new WorkUnitRow();
                row.name = unit.name();
                row.type = unit.type();
                row.from = unit.from();
                row.to = unit.to();
                fields.workUnits.add(row);
            }
            while (fields.workUnits.size() < WORK_UNIT_ROWS) {
                fields.workUnits.add(new WorkUnitRow());
            }
            return fields;
        }

        /** The facts; the exam year is left to the server. Blank rows are dropped, the others keep their order. */
        CandidateFacts toFacts() {
            var institutionFacts = institution.type == null && RegistrationRules.text(institution.name) == null
                    ? null
                    : new CandidateFacts.Institution(institution.name, institution.type, institution.licenseChanged);
            var units = workUnits.stream()
                    .filter(row -> row != null && !row.isBlank())
                    .map(row -> new CandidateFacts.WorkUnit(row.name, row.type, row.from, row.to))
                    .toList();
            return new CandidateFacts(
                    null,
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
         * Where a problem of the facts shows on this page: the rules number work units without the blank rows,
         * the page with them.
         */
        String pageField(String factsField) {
            var matcher = java.util.regex.Pattern.compile("workUnits\\[(\\d+)]").matcher(factsField);
            if (!matcher.find()) {
                return factsField;
            }
            int filled = Integer.parseInt(matcher.group(1));
            int seen = -1;
            for (int row = 0; row < workUnits.size(); row++) {
                if (workUnits.get(row) != null && !workUnits.get(row).isBlank() && ++seen == filled) {
                    return matcher.replaceFirst("workUnits[" + row + "]");
                }
            }
            return factsField;
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

        public InstitutionFields getInstitution() {
            return institution;
        }

        public void setInstitution(InstitutionFields institution) {
            this.institution = institution;
        }

        public List<WorkUnitRow> getWorkUnits() {
            return workUnits;
        }

        public void setWorkUnits(List<WorkUnitRow> workUnits) {
            this.workUnits = workUnits;
        }
    }

    /** The registered institution: {@code facts.institution.name}, {@code .type}, {@code .licenseChanged}. */
    public static class InstitutionFields {

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

        boolean isBlank() {
            return RegistrationRules.text(name) == null && type == null && from == null && to == null;
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

    public String getGender() {
        return gender;
    }

    public void setGender(String gender) {
        this.gender = gender;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getSchool() {
        return school;
    }

    public void setSchool(String school) {
        this.school = school;
    }

    public String getMajor() {
        return major;
    }

    public void setMajor(String major) {
        this.major = major;
    }

    public String getExamPointCode() {
        return examPointCode;
    }

    public void setExamPointCode(String examPointCode) {
        this.examPointCode = examPointCode;
    }

    public FactsFields getFacts() {
        return facts;
    }

    public void setFacts(FactsFields facts) {
        this.facts = facts;
    }
}
