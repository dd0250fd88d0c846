package cn.qualify.policy;

import cn.qualify.policy.definition.Modifier;
import cn.qualify.policy.definition.RouteDefinition.InstitutionRequirement;
import cn.qualify.policy.definition.RouteDefinition.RouteMaterial;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The checklist of an uploading candidate: the route's own materials, the document of the registered
 * institution, then the additions that the candidate's facts call for, each with its reason and clause.
 */
final class Checklist {

    /** The additions on top of the route, in the order the checklist lists them. */
    private static final Map<Modifier, Function<Situation, Optional<Requirement>>> ADDITIONS =
            new EnumMap<>(Modifier.class);

    static {
        ADDITIONS.put(Modifier.SECONDARY_EDUCATION_VERIFICATION, Checklist::secondaryEducationVerification);
        ADDITIONS.put(Modifier.TOP_UP_COLLEGE_DIPLOMA, Checklist::topUpCollegeDiploma);
        ADDITIONS.put(
                Modifier.FOREIGN_DEGREE,
                s -> when(
                        s.facts().foreignDegree(), s, Modifier.FOREIGN_DEGREE, Material.FOREIGN_CREDENTIAL_EVALUATION));
        ADDITIONS.put(Modifier.GRADUATE_COMMITMENT, Checklist::graduateCommitment);
        ADDITIONS.put(
                Modifier.SHORTAGE_EXAM,
                s -> when(
                        s.facts().shortageExam() != ShortageExam.NONE,
                        s,
                        Modifier.SHORTAGE_EXAM,
                        Material.SHORTAGE_EXAM_APPLICATION));
        ADDITIONS.put(
                Modifier.REGISTRATION_HISTORY,
                s -> when(
                        s.facts().crossProvinceTransfer() && s.facts().originalCertificateUnavailable(),
                        s,
                        Modifier.REGISTRATION_HISTORY,
                        Material.REGISTRATION_HISTORY_PROOF));
        ADDITIONS.put(
                Modifier.SUPERVISOR_CERTS, s -> when(true, s, Modifier.SUPERVISOR_CERTS, Material.SUPERVISOR_CERTS));
        ADDITIONS.put(Modifier.OTHER, s -> when(true, s, Modifier.OTHER, Material.OTHER));
    }

    private Checklist() {}

    static List<Requirement> of(Situation s) {
        var requirements = new ArrayList<Requirement>();
        for (RouteMaterial material : s.route().materials()) {
            requirements.add(routeMaterial(s, material));
        }
        institutionDocument(s).ifPresent(requirements::add);
        ADDITIONS.values().forEach(addition -> addition.apply(s).ifPresent(requirements::add));
        return requirements;
    }

    /** A material of the route; one image per work unit for assessments (一(五)), a lost diploma replaced (一(六)). */
    private static Requirement routeMaterial(Situation s, RouteMaterial material) {
        var route = s.route();
        var reason = material.reason() != null ? material.reason() : route.reason();
        var clause = material.clause() != null ? material.clause() : route.clause();
        var code = material.material();
        if (s.facts().diplomaLost() && (code == Material.DIPLOMA || code == Material.BACHELOR_DIPLOMA)) {
            var lost = s.policy().modifier(Modifier.LOST_DIPLOMA);
            return s.requirement(Material.GRADUATION_CERTIFICATE, lost.reason(), lost.clause());
        }
        if (code == Material.PROBATION_ASSESSMENT || code == Material.PRACTICE_PERIOD_ASSESSMENT) {
            var perUnit = s.policy().modifier(Modifier.PER_WORK_UNIT);
            int units = Math.max(1, s.facts().workUnits().size());
            int max = Math.max(units, s.policy().item(code).maxImages());
            var text = new LocalizedText(
                    reason.zh() + perUnit.reason().zh(),
                    reason.en() + " " + perUnit.reason().en());
            return s.requirement(code, true, units, max, List.of(), text, clause + "、" + perUnit.clause());
        }
        return s.requirement(code, reason, clause);
    }

    /** The licence, filing or military licence of the registered institution (一(四)); none where exempt. */
    private static Optional<Requirement> institutionDocument(Situation s) {
        var institution = s.facts().institution();
        if (!s.route().needsInstitution() || institution == null || institution.type() == null) {
            return Optional.empty();
        }
        var document = s.policy().institutionDocument();
        var type = institution.type();
        if (document.exemptTypes().contains(type)) {
            return Optional.empty();
        }
        if (type == document.filingType() && s.route().institution() == InstitutionRequirement.LICENCE_OR_FILING) {
            return Optional.of(s.requirement(
                    document.filing().material(),
                    document.filing().reason(),
                    s.route().clause()));
        }
        var own = document.byType().get(type);
        if (own != null) {
            return Optional.of(s.requirement(own.material(), own.reason(), document.clause()));
        }
        var licence = document.otherwise();
        var item = s.policy().item(licence.material());
        if (!institution.licenseChanged()) {
            return Optional.of(s.requirement(licence.material(), licence.reason(), document.clause()));
        }
        var reason = new LocalizedText(
                licence.reason().zh() + licence.changedReason().zh(),
                licence.reason().en() + " " + licence.changedReason().en());
        return Optional.of(s.requirement(
                licence.material(),
                true,
                licence.minImagesWhenChanged(),
                item.maxImages(),
                List.of(),
                reason,
                document.clause()));
    }

    /** 中专: the verification report, or the diploma's front and back (二.4); only the report when the diploma is lost. */
    private static Optional<Requirement> secondaryEducationVerification(Situation s) {
        if (s.facts().education() != Education.SECONDARY || !s.route().has(Material.DIPLOMA)) {
            return Optional.empty();
        }
        var modifier = s.policy().modifier(Modifier.SECONDARY_EDUCATION_VERIFICATION);
        var item = s.policy().item(Material.EDUCATION_VERIFICATION_REPORT);
        boolean lost = s.facts().diplomaLost();
        return Optional.of(s.requirement(
                Material.EDUCATION_VERIFICATION_REPORT,
                true,
                item.minImages(),
                item.maxImages(),
                lost
                        ? List.of()
                        : List.of(new Requirement.Alternative(
                                Material.DIPLOMA,
                                modifier.alternativeDiplomaMinImages(),
                                s.policy().item(Material.DIPLOMA).name())),
                lost ? modifier.reasonDiplomaLost() : modifier.reason(),
                modifier.clause()));
    }

    /** 专升本 admitted on or after the policy's date (一(七)1). */
    private static Optional<Requirement> topUpCollegeDiploma(Situation s) {
        var admitted = s.facts().bachelorAdmissionDate();
        return when(
                s.facts().topUpBachelor()
                        && admitted != null
                        && !admitted.isBefore(s.policy().topUpBachelorAdmittedFrom()),
                s,
                Modifier.TOP_UP_COLLEGE_DIPLOMA,
                Material.COLLEGE_DIPLOMA);
    }

    /** Graduating in the exam year (一(五)). */
    private static Optional<Requirement> graduateCommitment(Situation s) {
        var graduation = s.facts().graduationDate();
        return when(
                graduation != null && graduation.getYear() == s.facts().examYear(),
                s,
                Modifier.GRADUATE_COMMITMENT,
                Material.GRADUATE_COMMITMENT);
    }

    /** The material with the modifier's reason and clause, if the condition holds and the modifier covers the route. */
    private static Optional<Requirement> when(boolean condition, Situation s, Modifier modifier, Material material) {
        var definition = s.policy().modifier(modifier);
        if (!condition || !definition.appliesTo(s.route().route())) {
            return Optional.empty();
        }
        return Optional.of(s.requirement(material, definition.reason(), definition.clause()));
    }
}
