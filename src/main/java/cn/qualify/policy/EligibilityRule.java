package cn.qualify.policy;

import cn.qualify.policy.definition.RouteDefinition.InstitutionRequirement;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The eligibility rules of the notice, in one place. Each looks at one candidate's situation and either allows
 * (no finding), rejects with an ERROR finding or informs with an INFO finding, citing the clause.
 */
enum EligibilityRule {

    /** The facts' exam year has a policy of its own. */
    EXAM_YEAR_COVERED {
        @Override
        Optional<Finding> check(Situation s) {
            if (s.facts().examYear().equals(s.policy().examYear())) {
                return Optional.empty();
            }
            return s.finding(
                    FindingCode.EXAM_YEAR_NOT_COVERED,
                    "examYear",
                    Map.of(
                            "examYear",
                            s.facts().examYear(),
                            "policy",
                            s.policy().id()));
        }
    },

    /** 大专/中专 candidates for the physician exam hold an assistant qualification (一(七)2–3). */
    ASSISTANT_QUALIFICATION {
        @Override
        Optional<Finding> check(Situation s) {
            if (s.covered() && s.route().assistantToPhysician() && !s.facts().assistantQualified()) {
                return s.finding(FindingCode.ASSISTANT_QUALIFICATION_MISSING, "assistantQualified");
            }
            return Optional.empty();
        }
    },

    /** Continuous work counts from the assistant practice registration, on or before the cut-off (一(一)). */
    ASSISTANT_REGISTRATION_CUTOFF {
        @Override
        Optional<Finding> check(Situation s) {
            if (!s.covered() || !s.route().assistantToPhysician() || !s.facts().assistantQualified()) {
                return Optional.empty();
            }
            var cutoff = s.policy().assistantRegistration().get(s.facts().education());
            LocalDate registered = s.facts().assistantRegistrationDate();
            if (registered != null && !registered.isAfter(cutoff.cutoff())) {
                return Optional.empty();
            }
            return s.finding(
                    FindingCode.ASSISTANT_REGISTRATION_TOO_LATE,
                    "assistantRegistrationDate",
                    Map.of(
                            "education", cutoff.label(),
                            "cutoff", cutoff.cutoff(),
                            "years", cutoff.years(),
                            "examYear", s.policy().examYear(),
                            "date", registered == null ? NOT_GIVEN : registered));
        }
    },

    /** The shortage-specialty add-on exam is for physician candidates only (一(二)). */
    SHORTAGE_EXAM_LEVEL {
        @Override
        Optional<Finding> check(Situation s) {
            if (s.facts().shortageExam() != ShortageExam.NONE && s.facts().examLevel() != ExamLevel.PHYSICIAN) {
                return s.finding(FindingCode.SHORTAGE_EXAM_NOT_PHYSICIAN, "shortageExam");
            }
            return Optional.empty();
        }
    },

    /**
     * The probation post, or on an assistant → physician route the practice scope of the assistant certificate, is
     * the add-on exam's specialty (一(二)).
     */
    SHORTAGE_EXAM_POST {
        @Override
        Optional<Finding> check(Situation s) {
            var required = s.facts().shortageExam().requiredPost();
            if (required.isEmpty() || s.facts().examLevel() != ExamLevel.PHYSICIAN || !s.covered()) {
                return Optional.empty();
            }
            boolean byScope = s.route().assistantToPhysician();
            Post post = byScope ? s.facts().assistantPracticeScope() : s.facts().probationPost();
            if (post == required.get()) {
                return Optional.empty();
            }
            return s.finding(
                    FindingCode.SHORTAGE_EXAM_POST_MISMATCH,
                    byScope ? "assistantPracticeScope" : "probationPost",
                    Map.of("post", byScope ? PRACTICE_SCOPE : PROBATION_POST));
        }
    },

    /** 乡村全科: enough time at township or village units up to the reference date (一(三)). */
    RURAL_SERVICE {
        @Override
        Optional<Finding> check(Situation s) {
            if (!s.covered() || !s.route().ruralService()) {
                return Optional.empty();
            }
            var service = s.policy().ruralService();
            LocalDate reference = s.policy().referenceDate();
            long needed = ChronoUnit.DAYS.between(reference.minusYears(service.years()), reference);
            long served = ruralDays(s.facts().workUnits(), service.unitTypes(), reference);
            if (served >= needed) {
                return s.finding(FindingCode.RURAL_PRACTICE_LOCATION_RESTRICTED, null);
            }
            return s.finding(
                    FindingCode.RURAL_SERVICE_TOO_SHORT,
                    "workUnits",
                    Map.of("years", service.years(), "referenceDate", reference, "days", served));
        }
    },

    /** Graduating postgraduates only from schools in the district (一(七)7(1)). */
    DISTRICT_SCHOOLS {
        @Override
        Optional<Finding> check(Situation s) {
            String code = s.facts().schoolProvinceCode();
            if (s.covered()
                    && s.route().districtSchoolsOnly()
                    && code != null
                    && FactChecks.PROVINCE_CODE.matcher(code).matches()
                    && !code.equals(s.policy().districtCode())) {
                return s.finding(FindingCode.POSTGRAD_GRADUATING_OUT_OF_DISTRICT, "schoolProvinceCode");
            }
            return Optional.empty();
        }
    },

    /**
     * Routes 3 and 6 refuse a TCM clinic filing in place of the licence; exempt institutions need no licence
     * (一(四), 一(七)).
     */
    INSTITUTION_DOCUMENT {
        @Override
        Optional<Finding> check(Situation s) {
            if (!s.uploads() || !s.route().needsInstitution() || s.facts().institution() == null) {
                return Optional.empty();
            }
            var type = s.facts().institution().type();
            var document = s.policy().institutionDocument();
            if (document.exemptTypes().contains(type)) {
                return s.finding(FindingCode.LICENSE_NOT_REQUIRED, "institution.type");
            }
            if (type == document.filingType() && s.route().institution() == InstitutionRequirement.LICENCE_ONLY) {
                return s.finding(FindingCode.FILING_NOT_ACCEPTED_FOR_ROUTE, "institution.type");
            }
            return Optional.empty();
        }
    },

    /** Active-duty military and army civilian staff upload nothing and are reviewed on paper (二.10). */
    OFFLINE_REVIEW {
        @Override
        Optional<Finding> check(Situation s) {
            if (s.covered() && s.facts().activeMilitary()) {
                return s.finding(FindingCode.OFFLINE_REVIEW, "activeMilitary");
            }
            return Optional.empty();
        }
    };

    private static final LocalizedText NOT_GIVEN = new LocalizedText("未填写", "not given");
    private static final LocalizedText PRACTICE_SCOPE =
            new LocalizedText("执业助理医师执业证书的执业范围", "practice scope on the assistant practice certificate");
    private static final LocalizedText PROBATION_POST = new LocalizedText("试用期岗位", "probation post");

    abstract Optional<Finding> check(Situation situation);

    /** The findings of every rule, in the order the rules are listed. */
    static List<Finding> checkAll(Situation situation) {
        var findings = new ArrayList<Finding>();
        for (EligibilityRule rule : values()) {
            rule.check(situation).ifPresent(findings::add);
        }
        return findings;
    }

    /**
     * Days at units of the given types up to the reference date, each day counted once where periods overlap. A
     * period runs from its first day up to its end date, or the reference date while the candidate is still there.
     */
    static long ruralDays(List<CandidateFacts.WorkUnit> units, List<InstitutionType> types, LocalDate reference) {
        var periods = units.stream()
                .filter(unit -> types.contains(unit.type()) && unit.from() != null)
                .map(unit -> new LocalDate[] {
                    unit.from(), unit.to() == null || unit.to().isAfter(reference) ? reference : unit.to()
                })
                .filter(period -> period[0].isBefore(period[1]))
                .sorted(Comparator.comparing((LocalDate[] period) -> period[0]))
                .toList();
        long days = 0;
        LocalDate countedUpTo = LocalDate.MIN;
        for (LocalDate[] period : periods) {
            LocalDate start = period[0].isAfter(countedUpTo) ? period[0] : countedUpTo;
            if (period[1].isAfter(start)) {
                days += ChronoUnit.DAYS.between(start, period[1]);
                countedUpTo = period[1];
            }
        }
        return days;
    }
}
