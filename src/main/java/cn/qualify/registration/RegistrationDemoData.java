package cn.qualify.registration;

import cn.qualify.exam.ExamYears;
import cn.qualify.identity.Accounts;
import cn.qualify.policy.CandidateFacts;
import cn.qualify.policy.CandidateFacts.Institution;
import cn.qualify.policy.CandidateFacts.WorkUnit;
import cn.qualify.policy.Category;
import cn.qualify.policy.Education;
import cn.qualify.policy.ExamLevel;
import cn.qualify.policy.InstitutionType;
import cn.qualify.policy.Post;
import cn.qualify.policy.PostgraduateStatus;
import cn.qualify.policy.ShortageExam;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo registration info for {@code qualify.demo.enabled=true}: the seven demo candidates of the identity module get
 * registration info for exam year 2025, one route of the notice each, at the exam points of the demo reviewers (2101
 * 沈阳, 2102 大连). Runs once the application is ready, that is after every module's demo runner has created the exam
 * year and the accounts, and only while no registration exists; a candidate whose account is missing is left out.
 */
@Component
@ConditionalOnBooleanProperty("qualify.demo.enabled")
class RegistrationDemoData {

    static final int YEAR = 2025;

    /** One demo candidate's registration info, by login name. */
    record Demo(
            String idNumber, String phone, String school, String major, String examPointCode, CandidateFacts facts) {}

    static final List<Demo> DEMOS = List.of(
            // 1: bachelor → physician, probation at a general hospital
            new Demo(
                    "210102199503120011",
                    "13800000001",
                    "中国医科大学",
                    "临床医学",
                    "2101",
                    facts(
                            ExamLevel.PHYSICIAN,
                            Category.CLINICAL,
                            Education.BACHELOR,
                            null,
                            LocalDate.of(2023, 7, 1),
                            false,
                            null,
                            Post.GENERAL,
                            new Institution("沈阳市第四人民医院", InstitutionType.GENERAL, false),
                            List.of(new WorkUnit(
                                    "沈阳市第四人民医院", InstitutionType.GENERAL, LocalDate.of(2023, 8, 1), null)))),
            // 2: 大专 assistant → physician at a filed TCM clinic, registered as assistant on 2022-06-01
            new Demo(
                    "210102199708250020",
                    "13800000002",
                    "辽宁医药职业学院",
                    "中医学",
                    "2101",
                    facts(
                            ExamLevel.PHYSICIAN,
                            Category.TCM,
                            Education.JUNIOR_COLLEGE,
                            null,
                            LocalDate.of(2018, 7, 1),
                            true,
                            LocalDate.of(2022, 6, 1),
                            null,
                            new Institution("沈阳市和平区仁和中医诊所", InstitutionType.TCM_CLINIC_FILED, false),
                            List.of(new WorkUnit(
                                    "沈阳市和平区仁和中医诊所",
                                    InstitutionType.TCM_CLINIC_FILED,
                                    LocalDate.of(2022, 6, 1),
                                    null)))),
            // 4 with 中专: assistant exam, needs the education verification report (二.4)
            new Demo(
                    "210202199601010049",
                    "13800000003",
                    "大连市卫生学校",
                    "农村医学",
                    "2102",
                    facts(
                            ExamLevel.ASSISTANT,
                            Category.CLINICAL,
                            Education.SECONDARY,
                            null,
                            LocalDate.of(2016, 7, 1),
                            false,
                            null,
                            Post.GENERAL,
                            new Institution("大连市甘井子区人民医院", InstitutionType.GENERAL, false),
                            List.of(new WorkUnit(
                                    "大连市甘井子区人民医院", InstitutionType.GENERAL, LocalDate.of(2023, 9, 1), null)))),
            // 7(1): postgraduate graduating from a Liaoning school
            new Demo(
                    "210203199307180051",
                    "13800000004",
                    "大连医科大学",
                    "内科学",
                    "2102",
                    facts(
                            ExamLevel.PHYSICIAN,
                            Category.CLINICAL,
                            Education.POSTGRADUATE,
                            PostgraduateStatus.GRADUATING,
                            LocalDate.of(2025, 6, 30),
                            false,
                            null,
                            null,
                            null,
                            List.of())),
            // active-duty military: paper materials, offline review (二.10)
            new Demo(
                    "210106199812030066",
                    "13800000005",
                    "中国医科大学",
                    "临床医学",
                    "2101",
                    military(facts(
                            ExamLevel.PHYSICIAN,
                            Category.CLINICAL,
                            Education.BACHELOR,
                            null,
                            LocalDate.of(2021, 7, 1),
                            false,
                            null,
                            Post.GENERAL,
                            new Institution("北部战区总医院", InstitutionType.MILITARY_HOSPITAL, false),
                            List.of(new WorkUnit(
                                    "北部战区总医院", InstitutionType.MILITARY_HOSPITAL, LocalDate.of(2021, 8, 1), null))))),
            // 6: rural general assistant with more than a year at a township health centre
            new Demo(
                    "210211199204300073",
                    "13800000006",
                    "辽宁医药职业学院",
                    "临床医学",
                    "2102",
                    facts(
                            ExamLevel.ASSISTANT,
                            Category.RURAL_GENERAL,
                            Education.JUNIOR_COLLEGE,
                            null,
                            LocalDate.of(2023, 6, 30),
                            false,
                            null,
                            Post.GENERAL,
                            new Institution("庄河市大郑镇卫生院", InstitutionType.TOWNSHIP_HEALTH_CENTER, false),
                            List.of(new WorkUnit(
                                    "庄河市大郑镇卫生院",
                                    InstitutionType.TOWNSHIP_HEALTH_CENTER,
                                    LocalDate.of(2023, 7, 1),
                                    null)))),
            // 5: 确有专长 → assistant
            new Demo(
                    "210302199906150080",
                    "13800000007",
                    "鞍山市卫生学校",
                    "中医",
                    "2101",
                    facts(
                            ExamLevel.ASSISTANT,
                            Category.TCM_EXPERTISE,
                            Education.SECONDARY,
                            null,
                            null,
                            false,
                            null,
                            Post.GENERAL,
                            new Institution("沈阳市沈河区德济中医诊所", InstitutionType.TCM_CLINIC_FILED, false),
                            List.of(new WorkUnit(
                                    "沈阳市沈河区德济中医诊所",
                                    InstitutionType.TCM_CLINIC_FILED,
                                    LocalDate.of(2023, 3, 1),
                                    null)))));

    private static final Logger log = LoggerFactory.getLogger(RegistrationDemoData.class);

    private final JdbcRegistrations registrations;
    private final RegistrationRules rules;
    private final Accounts accounts;
    private final ExamYears years;
    private final ApplicationEventPublisher events;

    RegistrationDemoData(
            JdbcRegistrations registrations,
            RegistrationRules rules,
            Accounts accounts,
            ExamYears years,
            ApplicationEventPublisher events) {
        this.registrations = registrations;
        this.rules = rules;
        this.accounts = accounts;
        this.years = years;
        this.events = events;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void load() {
        if (registrations.count() > 0 || years.byYear(YEAR).isEmpty()) {
            return;
        }
        int loaded = 0;
        for (var demo : DEMOS) {
            var account = accounts.byLoginName(demo.idNumber());
            if (account.isEmpty()) {
                continue;
            }
            var candidate = account.get();
            var problems = new Problems();
            var details = new RegistrationDetails(
                    null, null, demo.phone(), null, demo.school(), demo.major(), demo.examPointCode(), demo.facts());
            var person = new Person(candidate.idType(), candidate.loginName(), candidate.displayName());
            var registration = rules.check(candidate.id(), YEAR, person, details, problems);
            if (registration.isEmpty()) {
                log.warn("Demo registration of {} left out: {}", candidate.id(), problems.all());
                continue;
            }
            registrations.save(registration.get());
            events.publishEvent(new RegistrationSaved(
                    candidate.id(),
                    YEAR,
                    demo.examPointCode(),
                    null,
                    false,
                    registration.get().updatedAt()));
            loaded++;
        }
        log.info("Demo registration info loaded for {} candidates", loaded);
    }

    private static CandidateFacts facts(
            ExamLevel level,
            Category category,
            Education education,
            PostgraduateStatus postgraduateStatus,
            LocalDate graduationDate,
            boolean assistantQualified,
            LocalDate assistantRegistrationDate,
            Post probationPost,
            Institution institution,
            List<WorkUnit> workUnits) {
        return new CandidateFacts(
                YEAR,
                level,
                category,
                education,
                postgraduateStatus,
                postgraduateStatus == null ? null : "21",
                graduationDate,
                false,
                null,
                false,
                false,
                false,
                assistantQualified,
                assistantRegistrationDate,
                assistantQualified ? Post.GENERAL : null,
                false,
                false,
                ShortageExam.NONE,
                probationPost,
                institution,
                workUnits);
    }

    private static CandidateFacts military(CandidateFacts facts) {
        return new CandidateFacts(
                facts.examYear(),
                facts.examLevel(),
                facts.category(),
                facts.education(),
                facts.postgraduateStatus(),
                facts.schoolProvinceCode(),
                facts.graduationDate(),
                facts.topUpBachelor(),
                facts.bachelorAdmissionDate(),
                facts.foreignDegree(),
                facts.diplomaLost(),
                true,
                facts.assistantQualified(),
                facts.assistantRegistrationDate(),
                facts.assistantPracticeScope(),
                facts.crossProvinceTransfer(),
                facts.originalCertificateUnavailable(),
                facts.shortageExam(),
                facts.probationPost(),
                facts.institution(),
                facts.workUnits());
    }
}
