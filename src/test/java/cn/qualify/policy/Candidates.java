package cn.qualify.policy;

import cn.qualify.policy.CandidateFacts.Institution;
import cn.qualify.policy.CandidateFacts.WorkUnit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Candidate facts for tests, starting from situations named after the routes of the notice. */
final class Candidates {

    Integer examYear = 2025;
    ExamLevel examLevel;
    Category category = Category.CLINICAL;
    Education education;
    PostgraduateStatus postgraduateStatus;
    String schoolProvinceCode;
    LocalDate graduationDate = LocalDate.of(2022, 7, 1);
    boolean topUpBachelor;
    LocalDate bachelorAdmissionDate;
    boolean foreignDegree;
    boolean diplomaLost;
    boolean activeMilitary;
    boolean assistantQualified;
    LocalDate assistantRegistrationDate;
    Post assistantPracticeScope;
    boolean crossProvinceTransfer;
    boolean originalCertificateUnavailable;
    ShortageExam shortageExam = ShortageExam.NONE;
    Post probationPost = Post.GENERAL;
    Institution institution = new Institution("沈阳市第四人民医院", InstitutionType.GENERAL, false);
    List<WorkUnit> workUnits = new ArrayList<>(
            List.of(new WorkUnit("沈阳市第四人民医院", InstitutionType.GENERAL, LocalDate.of(2022, 8, 1), null)));

    private Candidates(ExamLevel level, Education education) {
        this.examLevel = level;
        this.education = education;
    }

    /** Route 1. */
    static Candidates aBachelorForPhysician() {
        return new Candidates(ExamLevel.PHYSICIAN, Education.BACHELOR);
    }

    /** Route 2: registered as assistant on time. */
    static Candidates aCollegeAssistantForPhysician() {
        var c = new Candidates(ExamLevel.PHYSICIAN, Education.JUNIOR_COLLEGE);
        c.assistantQualified = true;
        c.assistantRegistrationDate = LocalDate.of(2023, 8, 22);
        c.probationPost = null;
        c.assistantPracticeScope = Post.GENERAL;
        return c;
    }

    /** Route 3: registered as assistant on time. */
    static Candidates aSecondaryAssistantForPhysician() {
        var c = aCollegeAssistantForPhysician();
        c.education = Education.SECONDARY;
        c.assistantRegistrationDate = LocalDate.of(2020, 8, 22);
        return c;
    }

    /** Route 4. */
    static Candidates aCollegeGraduateForAssistant() {
        return new Candidates(ExamLevel.ASSISTANT, Education.JUNIOR_COLLEGE);
    }

    /** Route 5. */
    static Candidates anExpertForAssistant() {
        var c = new Candidates(ExamLevel.ASSISTANT, Education.SECONDARY);
        c.category = Category.TCM_EXPERTISE;
        c.graduationDate = null;
        return c;
    }

    /** Route 6: a year and more at a township health centre. */
    static Candidates aRuralGeneralForAssistant() {
        var c = new Candidates(ExamLevel.ASSISTANT, Education.JUNIOR_COLLEGE);
        c.category = Category.RURAL_GENERAL;
        c.institution = new Institution("新民市大民屯镇卫生院", InstitutionType.TOWNSHIP_HEALTH_CENTER, false);
        c.workUnits = new ArrayList<>(List.of(
                new WorkUnit("新民市大民屯镇卫生院", InstitutionType.TOWNSHIP_HEALTH_CENTER, LocalDate.of(2023, 9, 1), null)));
        return c;
    }

    /** Route 7(1): graduating in Liaoning. */
    static Candidates aGraduatingPostgraduate() {
        var c = new Candidates(ExamLevel.PHYSICIAN, Education.POSTGRADUATE);
        c.postgraduateStatus = PostgraduateStatus.GRADUATING;
        c.schoolProvinceCode = "21";
        c.graduationDate = LocalDate.of(2025, 6, 30);
        c.institution = null;
        c.workUnits = new ArrayList<>();
        return c;
    }

    /** Route 7(2). */
    static Candidates aLongProgramStudent() {
        var c = aGraduatingPostgraduate();
        c.postgraduateStatus = PostgraduateStatus.LONG_PROGRAM_ENROLLED;
        c.graduationDate = LocalDate.of(2027, 6, 30);
        return c;
    }

    /** Route 7(3). */
    static Candidates aGraduatedPostgraduate() {
        var c = new Candidates(ExamLevel.PHYSICIAN, Education.POSTGRADUATE);
        c.postgraduateStatus = PostgraduateStatus.GRADUATED;
        c.schoolProvinceCode = "11";
        c.graduationDate = LocalDate.of(2024, 6, 30);
        return c;
    }

    Candidates with(java.util.function.Consumer<Candidates> change) {
        change.accept(this);
        return this;
    }

    Candidates at(InstitutionType type) {
        institution = new Institution("某医疗机构", type, false);
        return this;
    }

    Candidates workingAt(WorkUnit... units) {
        workUnits = new ArrayList<>(List.of(units));
        return this;
    }

    CandidateFacts facts() {
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
                workUnits);
    }
}
