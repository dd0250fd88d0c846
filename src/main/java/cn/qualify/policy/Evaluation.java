package cn.qualify.policy;

import java.util.List;
import java.util.Optional;

/**
 * What the policy says about one candidate: the route, the checklist and the findings.
 *
 * @param policy id of the policy that was applied, e.g. {@code LN-2025}
 * @param eligible true exactly when no finding is an {@link Severity#ERROR}
 * @param uploadRequired false for active-duty military (paper materials) and uncovered combinations
 * @param offlineReview the candidate's paper materials are reviewed offline (二.10)
 * @param requirements every material that applies, required ones first in the order of the notice
 */
public record Evaluation(
        String policy,
        Route route,
        boolean eligible,
        boolean uploadRequired,
        boolean offlineReview,
        List<Requirement> requirements,
        List<Finding> findings) {

    public Evaluation {
        requirements = List.copyOf(requirements);
        findings = List.copyOf(findings);
        if (eligible == findings.stream().anyMatch(Finding::isError)) {
            throw new IllegalArgumentException("eligible must be false exactly when a finding is an error");
        }
    }

    /** The requirement for a material, if it applies to this candidate. */
    public Optional<Requirement> requirement(Material material) {
        return requirements.stream()
                .filter(requirement -> requirement.material() == material)
                .findFirst();
    }

    public List<Finding> errors() {
        return findings.stream().filter(Finding::isError).toList();
    }

    public boolean has(FindingCode code) {
        return findings.stream().anyMatch(finding -> finding.code() == code);
    }
}
