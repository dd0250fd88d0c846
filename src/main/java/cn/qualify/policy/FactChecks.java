package cn.qualify.policy;

import cn.qualify.policy.definition.InvalidFacts;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Facts that contradict each other or lack what the route needs. Each is reported as an INVALID_FACTS finding with
 * its own message, so an evaluation of such facts is never eligible.
 */
final class FactChecks {

    /** A GB/T 2260 province code: two digits. */
    static final Pattern PROVINCE_CODE = Pattern.compile("\\d{2}");

    private static final Map<InvalidFacts, Predicate<Situation>> CONTRADICTIONS = new EnumMap<>(InvalidFacts.class);

    static {
        on(
                InvalidFacts.POSTGRADUATE_STATUS_WITHOUT_POSTGRADUATE,
                s -> s.facts().postgraduateStatus() != null && s.facts().education() != Education.POSTGRADUATE);
        on(
                InvalidFacts.POSTGRADUATE_WITHOUT_STATUS,
                s -> s.facts().education() == Education.POSTGRADUATE
                        && s.facts().postgraduateStatus() == null);
        on(
                InvalidFacts.ASSISTANT_ONLY_CATEGORY,
                s -> s.facts().category().assistantOnly() && s.facts().examLevel() == ExamLevel.PHYSICIAN);
        on(
                InvalidFacts.UNAVAILABLE_WITHOUT_TRANSFER,
                s -> s.facts().originalCertificateUnavailable() && !s.facts().crossProvinceTransfer());
        on(
                InvalidFacts.ADMISSION_WITHOUT_TOP_UP,
                s -> s.facts().bachelorAdmissionDate() != null && !s.facts().topUpBachelor());
        on(
                InvalidFacts.TOP_UP_WITHOUT_ADMISSION,
                s -> s.facts().topUpBachelor() && s.facts().bachelorAdmissionDate() == null);
        on(
                InvalidFacts.TOP_UP_WITHOUT_BACHELOR,
                s -> s.facts().topUpBachelor()
                        && s.facts().education() != Education.BACHELOR
                        && s.facts().education() != Education.POSTGRADUATE);
        on(
                InvalidFacts.ADMISSION_AFTER_GRADUATION,
                s -> s.facts().bachelorAdmissionDate() != null
                        && s.facts().graduationDate() != null
                        && s.facts().bachelorAdmissionDate().isAfter(s.facts().graduationDate()));
        on(
                InvalidFacts.REGISTRATION_WITHOUT_QUALIFICATION,
                s -> s.facts().assistantRegistrationDate() != null && !s.facts().assistantQualified());
        on(
                InvalidFacts.SCOPE_WITHOUT_QUALIFICATION,
                s -> s.facts().assistantPracticeScope() != null && !s.facts().assistantQualified());
        on(
                InvalidFacts.SCHOOL_PROVINCE_FORMAT,
                s -> s.facts().schoolProvinceCode() != null
                        && !PROVINCE_CODE
                                .matcher(s.facts().schoolProvinceCode())
                                .matches());
        on(
                InvalidFacts.SCHOOL_PROVINCE_MISSING,
                s -> s.covered() && s.route().districtSchoolsOnly() && s.facts().schoolProvinceCode() == null);
        on(
                InvalidFacts.WORK_UNIT_INCOMPLETE,
                s -> s.facts().workUnits().stream().anyMatch(unit -> unit.type() == null || unit.from() == null));
        on(
                InvalidFacts.WORK_UNIT_ENDS_BEFORE_START,
                s -> s.facts().workUnits().stream()
                        .anyMatch(unit -> unit.from() != null
                                && unit.to() != null
                                && unit.to().isBefore(unit.from())));
        on(
                InvalidFacts.INSTITUTION_MISSING,
                s -> s.uploads()
                        && s.route().needsInstitution()
                        && (s.facts().institution() == null
                                || s.facts().institution().type() == null));
    }

    private FactChecks() {}

    private static void on(InvalidFacts kind, Predicate<Situation> contradiction) {
        CONTRADICTIONS.put(kind, contradiction);
    }

    /** One INVALID_FACTS finding per kind of contradiction the facts show, in the order of {@link InvalidFacts}. */
    static List<Finding> check(Situation situation) {
        return CONTRADICTIONS.entrySet().stream()
                .filter(check -> check.getValue().test(situation))
                .map(check -> situation.invalid(check.getKey()))
                .toList();
    }

    /** Whether every kind of invalid facts has its check; a new kind without one is a mistake. */
    static boolean complete() {
        return CONTRADICTIONS.size() == InvalidFacts.values().length;
    }
}
