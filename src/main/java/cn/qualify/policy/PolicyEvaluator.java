package cn.qualify.policy;

import cn.qualify.policy.definition.PolicyDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Evaluates candidate facts against one policy: route, contradictions, eligibility rules and checklist. */
final class PolicyEvaluator {

    private PolicyEvaluator() {}

    static Evaluation evaluate(PolicyDefinition policy, CandidateFacts facts) {
        Objects.requireNonNull(facts.examYear(), "examYear");
        Objects.requireNonNull(facts.examLevel(), "examLevel");
        Objects.requireNonNull(facts.category(), "category");
        Objects.requireNonNull(facts.education(), "education");
        var situation = Situation.of(policy, facts);
        var findings = new ArrayList<Finding>(FactChecks.check(situation));
        boolean invalid = !findings.isEmpty();
        findings.addAll(EligibilityRule.checkAll(situation));
        if (!situation.covered()) {
            if (!invalid) {
                situation.finding(FindingCode.ROUTE_NOT_COVERED, null).ifPresent(findings::add);
            }
            return evaluation(policy, Route.NOT_COVERED, false, false, List.of(), findings);
        }
        if (!situation.uploads()) {
            return evaluation(policy, Route.MILITARY_OFFLINE, false, true, List.of(), findings);
        }
        return evaluation(policy, situation.route().route(), true, false, Checklist.of(situation), findings);
    }

    private static Evaluation evaluation(
            PolicyDefinition policy,
            Route route,
            boolean uploadRequired,
            boolean offlineReview,
            List<Requirement> requirements,
            List<Finding> findings) {
        boolean eligible = findings.stream().noneMatch(Finding::isError);
        return new Evaluation(policy.id(), route, eligible, uploadRequired, offlineReview, requirements, findings);
    }
}
