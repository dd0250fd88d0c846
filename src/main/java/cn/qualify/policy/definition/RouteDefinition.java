package cn.qualify.policy.definition;

import cn.qualify.policy.CandidateFacts;
import cn.qualify.policy.Category;
import cn.qualify.policy.Education;
import cn.qualify.policy.ExamLevel;
import cn.qualify.policy.LocalizedText;
import cn.qualify.policy.Material;
import cn.qualify.policy.PostgraduateStatus;
import cn.qualify.policy.Route;
import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;

/**
 * A route of 一(七): when it applies, and what it asks for.
 *
 * @param when the facts it applies to
 * @param institution which document of the registered institution it asks for
 * @param assistantToPhysician an assistant → physician route: the qualification, registration cut-off and practice
 *     scope rules apply
 * @param ruralService the 乡村全科 service rule applies (一(三))
 * @param districtSchoolsOnly only schools in the policy's district are accepted (7(1))
 * @param reason why its materials are needed, unless a material says otherwise
 * @param materials its own materials, in the order of the notice
 */
public record RouteDefinition(
        Route route,
        String clause,
        Condition when,
        InstitutionRequirement institution,
        @OptionalInFile boolean assistantToPhysician,
        @OptionalInFile boolean ruralService,
        @OptionalInFile boolean districtSchoolsOnly,
        LocalizedText reason,
        List<RouteMaterial> materials) {

    public boolean needsInstitution() {
        return institution != InstitutionRequirement.NONE;
    }

    public boolean has(Material material) {
        return materials.stream().anyMatch(m -> m.material() == material);
    }

    /** Which document of the registered institution a route asks for. */
    public enum InstitutionRequirement {
        /** The licence, or a TCM clinic filing where the institution is a filed clinic. */
        LICENCE_OR_FILING,
        /** The licence only: a filing is refused. */
        LICENCE_ONLY,
        NONE
    }

    /**
     * The facts a route applies to; a missing list means any value. {@code postgraduateStatus} is compared for
     * postgraduates only.
     */
    public record Condition(
            @OptionalInFile List<ExamLevel> examLevel,
            @OptionalInFile List<Category> category,
            @OptionalInFile List<Education> education,
            @OptionalInFile List<PostgraduateStatus> postgraduateStatus) {

        public boolean matches(CandidateFacts facts) {
            return (examLevel == null || examLevel.contains(facts.examLevel()))
                    && (category == null || category.contains(facts.category()))
                    && (education == null || education.contains(facts.education()))
                    && (postgraduateStatus == null
                            || facts.education() != Education.POSTGRADUATE
                            || postgraduateStatus.contains(facts.postgraduateStatus()));
        }
    }

    /**
     * A material of the route; written as its bare code, or with its own reason and clause.
     *
     * @param reason replaces the route's reason
     * @param clause replaces the route's clause
     */
    public record RouteMaterial(
            Material material,
            @OptionalInFile LocalizedText reason,
            @OptionalInFile String clause) {

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public RouteMaterial {}

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static RouteMaterial of(String code) {
            try {
                return new RouteMaterial(Material.valueOf(code), null, null);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown material " + code);
            }
        }
    }
}
