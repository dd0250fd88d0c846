package cn.qualify.policy.web;

import cn.qualify.policy.Evaluation;
import cn.qualify.policy.FindingCode;
import cn.qualify.policy.Material;
import cn.qualify.policy.Route;
import cn.qualify.policy.Severity;
import java.util.List;
import java.util.Locale;

/** The response of {@code POST /api/v1/policy/evaluate}, with texts in the caller's language (CONTRACT.md). */
record EvaluationJson(
        String policy,
        Route route,
        boolean eligible,
        boolean uploadRequired,
        boolean offlineReview,
        List<RequirementJson> requirements,
        List<FindingJson> findings) {

    static EvaluationJson of(Evaluation evaluation, Locale locale) {
        return new EvaluationJson(
                evaluation.policy(),
                evaluation.route(),
                evaluation.eligible(),
                evaluation.uploadRequired(),
                evaluation.offlineReview(),
                evaluation.requirements().stream()
                        .map(r -> new RequirementJson(
                                r.material(),
                                r.required(),
                                r.minImages(),
                                r.maxImages(),
                                r.alternatives().stream()
                                        .map(a -> new AlternativeJson(a.material(), a.minImages()))
                                        .toList(),
                                r.reason().in(locale),
                                r.clause(),
                                r.name().in(locale)))
                        .toList(),
                evaluation.findings().stream()
                        .map(f -> new FindingJson(
                                f.code(), f.severity(), f.message().in(locale), f.clause(), f.field()))
                        .toList());
    }

    /** The contract's fields, then {@code name}: the material's name in the caller's language. */
    record RequirementJson(
            Material material,
            boolean required,
            int minImages,
            int maxImages,
            List<AlternativeJson> alternatives,
            String reason,
            String clause,
            String name) {}

    record AlternativeJson(Material material, int minImages) {}

    /** The contract's fields, then {@code field}: the fact concerned, when there is one. */
    record FindingJson(FindingCode code, Severity severity, String message, String clause, String field) {}
}
