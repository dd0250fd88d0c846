package cn.qualify.forms;

import cn.qualify.policy.CandidateFacts;
import cn.qualify.policy.CandidateFacts.Institution;
import cn.qualify.policy.CandidateFacts.WorkUnit;
import cn.qualify.policy.Category;
import cn.qualify.policy.Education;
import cn.qualify.policy.ExamLevel;
import cn.qualify.policy.InstitutionType;
import cn.qualify.policy.Post;
import cn.qualify.policy.ShortageExam;
import cn.qualify.registration.Registration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Registration info of candidates in the situations the notice names, for the 2025 exam at 沈阳考点. */
final class Situations {

    static final int YEAR = 2025;
    static final String SHENYANG = "2101";
    static final WorkUnit FOURTH_HOSPITAL =
            new WorkUnit("沈阳市第四人民医院", InstitutionType.GENERAL, LocalDate.of(2023, 8, 1), LocalDate.of(2024, 1, 31));
    static final WorkUnit PROVINCIAL_HOSPITAL =
            new WorkUnit("辽宁省人民医院", InstitutionType.GENERAL, LocalDate.of(2024, 2, 1), null);

    String name = "张伟";
    String gender = "MALE";
    LocalDate birthDate = LocalDate.of(1996, 3, 15);
    String idNumber = "210102199603151234";
    String school = "中国医科大学";
    String major = "临床医学";
    String examPointCode = SHENYANG;
    ExamLevel examLevel = ExamLevel.PHYSICIAN;
    Category category = Category.CLINICAL;
    Education education = Education.BACHELOR;
    LocalDate graduationDate = LocalDate.of(2023, 7, 1);
    boolean activeMilitary;
    boolean assistantQualified;
    LocalDate assistantRegistrationDate;
    Post assistantPracticeScope;
    ShortageExam shortageExam = ShortageExam.NONE;
    Post probationPost = Post.GENERAL;
    Institution institution = new Institution("辽宁省人民医院", InstitutionType.GENERAL, false);
    List<WorkUnit> workUnits = new ArrayList<>(List.of(FOURTH_HOSPITAL, PROVINCIAL_HOSPITAL));

    private Situations() {}

    /** Route 1 with probation at two units. */
    static Situations aBachelorWithTwoWorkUnits() {
        return new Situations();
    }

    /** Route 2: 大专, assistant registered in time, practising at two units. */
    static Situations aCollegeAssistantForPhysician() {
        var s = new Situations();
        s.education = Education.JUNIOR_COLLEGE;
        s.graduationDate = LocalDate.of(2018, 7, 1);
        s.assistantQualified = true;
        s.assistantRegistrationDate = LocalDate.of(2021, 3, 1);
        s.assistantPracticeScope = Post.GENERAL;
        s.probationPost = null;
        s.workUnits = new ArrayList<>(List.of(
                new WorkUnit("沈阳市第四人民医院", InstitutionType.GENERAL, LocalDate.of(2021, 3, 1), LocalDate.of(2023, 2, 28)),
                PROVINCIAL_HOSPITAL));
        return s;
    }

    /** Route 1, graduating in the exam year. */
    static Situations aBachelorGraduatingThisYear() {
        var s = new Situations();
        s.graduationDate = LocalDate.of(YEAR, 6, 30);
        s.workUnits = new ArrayList<>(List.of(PROVINCIAL_HOSPITAL));
        return s;
    }

    /** Route 1 with the paediatrics add-on exam after probation in paediatrics. */
    static Situations aPaediatricsShortageCandidate() {
        var s = new Situations();
        s.shortageExam = ShortageExam.PEDIATRICS;
        s.probationPost = Post.PEDIATRICS;
        return s;
    }

    /** Active-duty military: paper materials, offline review. */
    static Situations anActiveDutyOfficer() {
        var s = new Situations();
        s.activeMilitary = true;
        s.institution = new Institution("北部战区总医院", InstitutionType.MILITARY_HOSPITAL, false);
        s.workUnits = new ArrayList<>(
                List.of(new WorkUnit("北部战区总医院", InstitutionType.MILITARY_HOSPITAL, LocalDate.of(2023, 8, 1), null)));
        return s;
    }

    Situations named(String name, String idNumber) {
        this.name = name;
        this.idNumber = idNumber;
        return this;
    }

    Situations withoutWorkUnits() {
        this.workUnits = new ArrayList<>();
        return this;
    }

    CandidateFacts facts() {
        return new CandidateFacts(
                YEAR,
                examLevel,
                category,
                education,
                null,
                "21",
                graduationDate,
                false,
                null,
                false,
                false,
                activeMilitary,
                assistantQualified,
                assistantRegistrationDate,
                assistantPracticeScope,
                false,
                false,
                shortageExam,
                probationPost,
                institution,
                workUnits);
    }

    Registration registration(long candidateId) {
        return new Registration(
                candidateId,
                YEAR,
                name,
                gender,
                birthDate,
                "RESIDENT_ID_CARD",
                idNumber,
                "13912345678",
                "zhangwei@example.cn",
                school,
                major,
                examPointCode,
                facts(),
                Instant.parse("2025-03-01T02:00:00Z"));
    }
}
