package cn.qualify.policy;

import cn.qualify.policy.CandidateFacts.Institution;
import cn.qualify.policy.CandidateFacts.WorkUnit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Invariants of every evaluation, over generated facts: for each combination of exam level, category, education and
 * postgraduate status, every combination of the flags, every institution type, shortage exam, post and scope, and
 * dates on and around each cut-off.
 */
class PolicyInvariantTests {

    static final LocalDate[] REGISTRATION_DATES = {
        null, LocalDate.of(2020, 8, 22), LocalDate.of(2020, 8, 23), LocalDate.of(2023, 8, 22), LocalDate.of(2023, 8, 23)
    };
    static final LocalDate[] ADMISSION_DATES = {null, LocalDate.of(2015, 8, 31), LocalDate.of(2015, 9, 1)};
    static final LocalDate[] GRADUATION_DATES = {null, LocalDate.of(2024, 7, 1), LocalDate.of(2025, 7, 1)};
    static final List<List<WorkUnit>> WORK_UNITS = List.of(
            List.of(),
            List.of(unit(InstitutionType.TOWNSHIP_HEALTH_CENTER, "2024-08-22", null)),
            List.of(unit(InstitutionType.VILLAGE_CLINIC, "2024-08-23", null)),
            List.of(
                    unit(InstitutionType.GENERAL, "2020-01-01", "2022-12-31"),
                    unit(InstitutionType.VILLAGE_CLINIC, "2023-01-01", null)),
            List.of(unit(InstitutionType.GENERAL, "2024-02-01", "2024-01-31")),
            List.of(new WorkUnit("无类型", null, null, null)));

    static final PostgraduateStatus[] STATUSES = withNull(PostgraduateStatus.values());
    static final InstitutionType[] INSTITUTION_TYPES = withNull(InstitutionType.values());
    static final Post[] POSTS = withNull(Post.values());
    static final int FLAGS = 8;

    @TestFactory
    Stream<DynamicTest> everyEvaluationKeepsTheInvariants() {
        var tests = new ArrayList<DynamicTest>();
        for (ExamLevel level : ExamLevel.values()) {
            for (Category category : Category.values()) {
                for (Education education : Education.values()) {
                    for (PostgraduateStatus status : STATUSES) {
                        tests.add(DynamicTest.dynamicTest(
                                level + " " + category + " " + education + " " + status,
                                () -> checkAllVariants(level, category, education, status)));
                    }
                }
            }
        }
        return tests.stream();
    }

    /**
     * For one combination of the route-deciding enums: every combination of the eight flags (the institution type
     * rotating through them); every combination of shortage exam × probation post × practice scope, and of
     * institution type × shortage exam, the two groups of enums that rules read together; every combination of the
     * dates on and around the cut-offs, and every set of work units. Whatever a pass does not cross rotates with a
     * counter.
     */
    static void checkAllVariants(ExamLevel level, Category category, Education education, PostgraduateStatus status) {
        int variant = 0;
        boolean meaningfulStatus = (status != null) == (education == Education.POSTGRADUATE);
        for (int flags = 0; flags < 1 << FLAGS; flags += meaningfulStatus ? 1 : 7) {
            var type = INSTITUTION_TYPES[(flags + flags / INSTITUTION_TYPES.length) % INSTITUTION_TYPES.length];
            check(facts(level, category, education, status, flags, type, variant++));
        }
        for (ShortageExam shortage : ShortageExam.values()) {
            for (Post post : POSTS) {
                for (Post scope : POSTS) {
                    var type = INSTITUTION_TYPES[variant % INSTITUTION_TYPES.length];
                    check(with(
                            facts(level, category, education, status, variant, type, variant++),
                            shortage,
                            post,
                            scope));
                }
            }
            for (InstitutionType type : INSTITUTION_TYPES) {
                var post = POSTS[variant % POSTS.length];
                check(with(facts(level, category, education, status, variant, type, variant++), shortage, post, post));
            }
        }
        for (LocalDate registered : REGISTRATION_DATES) {
            for (LocalDate admitted : ADMISSION_DATES) {
                for (LocalDate graduated : GRADUATION_DATES) {
                    var units = WORK_UNITS.get(variant % WORK_UNITS.size());
                    var base = facts(level, category, education, status, variant & 0b11101110, null, variant++);
                    check(withDates(base, registered, admitted, graduated, units));
                }
            }
        }
        for (List<WorkUnit> units : WORK_UNITS) {
            var base = facts(level, category, education, status, variant & 0b11101110, null, variant++);
            check(withDates(base, base.assistantRegistrationDate(), null, base.graduationDate(), units));
        }
    }

    static void check(CandidateFacts facts) {
        var evaluation = Ln2025.evaluate(facts);

        require(
                evaluation.eligible() == evaluation.findings().stream().noneMatch(Finding::isError),
                "eligible exactly without errors",
                facts,
                evaluation);
        for (var requirement : evaluation.requirements()) {
            require(requirement.minImages() <= requirement.maxImages(), "minImages ≤ maxImages", facts, evaluation);
            require(
                    requirement.required() == requirement.minImages() > 0,
                    "required ⇔ minImages > 0",
                    facts,
                    evaluation);
            require(
                    !requirement.reason().zh().isBlank()
                            && !requirement.reason().en().isBlank()
                            && !requirement.clause().isBlank(),
                    "reason and clause",
                    facts,
                    evaluation);
            for (var alternative : requirement.alternatives()) {
                require(
                        alternative.minImages() >= 1
                                && alternative.minImages()
                                        <= Ln2025.POLICY
                                                .item(alternative.material())
                                                .maxImages(),
                        "alternative within the catalogue",
                        facts,
                        evaluation);
            }
        }
        for (var finding : evaluation.findings()) {
            require(
                    !finding.message().zh().isBlank()
                            && !finding.message().en().isBlank()
                            && !finding.message().zh().contains("{")
                            && !finding.message().en().contains("{")
                            && !finding.clause().isBlank(),
                    "message filled in and clause",
                    facts,
                    evaluation);
            require(finding.severity() == finding.code().severity(), "severity of the code", facts, evaluation);
        }
        require(
                evaluation.requirements().stream()
                                .map(Requirement::material)
                                .distinct()
                                .count()
                        == evaluation.requirements().size(),
                "no material twice",
                facts,
                evaluation);

        if (evaluation.uploadRequired()) {
            var id = evaluation.requirement(Material.ID_PROOF);
            require(
                    id.isPresent()
                            && id.get().required()
                            && id.get().minImages() == 3
                            && id.get().maxImages() == 3,
                    "ID proof with exactly 3 images",
                    facts,
                    evaluation);
            for (Material assessment : ASSESSMENTS) {
                evaluation
                        .requirement(assessment)
                        .ifPresent(requirement -> require(
                                requirement.minImages()
                                        == Math.max(1, facts.workUnits().size()),
                                "one assessment image per work unit",
                                facts,
                                evaluation));
            }
            require(
                    evaluation.route() != Route.MILITARY_OFFLINE && evaluation.route() != Route.NOT_COVERED,
                    "uploading route",
                    facts,
                    evaluation);
            require(
                    evaluation.requirement(Material.SHORTAGE_EXAM_APPLICATION).isPresent()
                            == (facts.shortageExam() != ShortageExam.NONE),
                    "shortage exam application",
                    facts,
                    evaluation);
        } else {
            require(evaluation.requirements().isEmpty(), "nothing to upload", facts, evaluation);
        }
        require(
                evaluation.offlineReview() == (evaluation.route() == Route.MILITARY_OFFLINE),
                "offline review exactly on MILITARY_OFFLINE",
                facts,
                evaluation);
        if (evaluation.offlineReview()) {
            require(
                    facts.activeMilitary() && evaluation.has(FindingCode.OFFLINE_REVIEW),
                    "offline review finding",
                    facts,
                    evaluation);
        }
        require(
                (evaluation.route() == Route.NOT_COVERED) == !covered(facts),
                "NOT_COVERED exactly when the notice has no route",
                facts,
                evaluation);
        if (!covered(facts) || contradictory(facts)) {
            require(!evaluation.eligible(), "never eligible when contradictory or not covered", facts, evaluation);
        }
    }

    static final List<Material> ASSESSMENTS =
            List.of(Material.PROBATION_ASSESSMENT, Material.PRACTICE_PERIOD_ASSESSMENT);

    static void require(boolean invariant, String what, CandidateFacts facts, Evaluation evaluation) {
        if (!invariant) {
            throw new AssertionError(what + " broken for " + facts + "\n→ " + evaluation);
        }
    }

    /** The combinations that the routes of 一(七) cover, written independently of the policy file. */
    static boolean covered(CandidateFacts f) {
        var standard = !f.category().assistantOnly();
        var pg = f.education() == Education.POSTGRADUATE;
        if (f.examLevel() == ExamLevel.PHYSICIAN) {
            return standard && (!pg || f.postgraduateStatus() != null);
        }
        return switch (f.category()) {
            case TCM_EXPERTISE -> true;
            case RURAL_GENERAL -> !pg || f.postgraduateStatus() == PostgraduateStatus.GRADUATED;
            default -> f.education() == Education.JUNIOR_COLLEGE || f.education() == Education.SECONDARY;
        };
    }

    /** Facts that contradict each other, written independently of the checks in the module. */
    static boolean contradictory(CandidateFacts f) {
        return (f.postgraduateStatus() != null) != (f.education() == Education.POSTGRADUATE)
                || (f.originalCertificateUnavailable() && !f.crossProvinceTransfer())
                || (f.bachelorAdmissionDate() != null) != f.topUpBachelor()
                || (f.assistantRegistrationDate() != null && !f.assistantQualified())
                || (f.assistantPracticeScope() != null && !f.assistantQualified())
                || f.workUnits().stream()
                        .anyMatch(u ->
                                u.type() == null || u.from() == null || (u.to() != null && u.to().isBefore(u.from())));
    }

    static CandidateFacts facts(
            ExamLevel level,
            Category category,
            Education education,
            PostgraduateStatus status,
            int flags,
            InstitutionType type,
            int variant) {
        boolean bit0 = (flags & 1) != 0;
        return new CandidateFacts(
                2025,
                level,
                category,
                education,
                status,
                variant % 3 == 0 ? "21" : variant % 3 == 1 ? "11" : null,
                GRADUATION_DATES[variant % GRADUATION_DATES.length],
                bit0,
                bit0 ? ADMISSION_DATES[1 + variant % 2] : null,
                (flags & 1 << 1) != 0,
                (flags & 1 << 2) != 0,
                (flags & 1 << 3) != 0,
                (flags & 1 << 4) != 0,
                (flags & 1 << 4) != 0 ? REGISTRATION_DATES[1 + variant % 4] : null,
                (flags & 1 << 4) != 0 ? Post.values()[variant % Post.values().length] : null,
                (flags & 1 << 5) != 0,
                (flags & 1 << 6) != 0,
                ShortageExam.values()[variant % ShortageExam.values().length],
                POSTS[variant % POSTS.length],
                type == null ? null : new Institution("机构", type, (flags & 1 << 7) != 0),
                WORK_UNITS.get(variant % WORK_UNITS.size()));
    }

    static CandidateFacts with(CandidateFacts f, ShortageExam shortage, Post post, Post scope) {
        return new CandidateFacts(
                f.examYear(),
                f.examLevel(),
                f.category(),
                f.education(),
                f.postgraduateStatus(),
                f.schoolProvinceCode(),
                f.graduationDate(),
                f.topUpBachelor(),
                f.bachelorAdmissionDate(),
                f.foreignDegree(),
                f.diplomaLost(),
                f.activeMilitary(),
                scope != null || f.assistantQualified(),
                f.assistantRegistrationDate(),
                scope,
                f.crossProvinceTransfer(),
                f.originalCertificateUnavailable(),
                shortage,
                post,
                f.institution(),
                f.workUnits());
    }

    static CandidateFacts withDates(
            CandidateFacts f, LocalDate registered, LocalDate admitted, LocalDate graduated, List<WorkUnit> units) {
        return new CandidateFacts(
                f.examYear(),
                f.examLevel(),
                f.category(),
                f.education(),
                f.postgraduateStatus(),
                f.schoolProvinceCode(),
                graduated,
                admitted != null,
                admitted,
                f.foreignDegree(),
                f.diplomaLost(),
                f.activeMilitary(),
                registered != null,
                registered,
                f.assistantPracticeScope(),
                f.crossProvinceTransfer(),
                f.originalCertificateUnavailable(),
                f.shortageExam(),
                f.probationPost(),
                new Institution("机构", InstitutionType.values()[units.size() % InstitutionType.values().length], false),
                units);
    }

    static WorkUnit unit(InstitutionType type, String from, String to) {
        return new WorkUnit("单位", type, LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
    }

    @SafeVarargs
    static <T> T[] withNull(T... values) {
        var all = Arrays.copyOf(values, values.length + 1);
        System.arraycopy(values, 0, all, 1, values.length);
        all[0] = null;
        return all;
    }
}
