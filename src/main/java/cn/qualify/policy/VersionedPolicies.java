package cn.qualify.policy;

import cn.qualify.policy.definition.PolicyDefinition;
import cn.qualify.policy.definition.PolicyFiles;
import java.util.List;
import org.springframework.stereotype.Service;

/** {@link Policies} over the policy files loaded at start-up. */
@Service
class VersionedPolicies implements Policies {

    private final PolicyFiles files;

    VersionedPolicies(PolicyFiles files) {
        this.files = files;
    }

    @Override
    public Evaluation evaluate(CandidateFacts facts) {
        var policy = facts.examYear() == null
                ? files.current()
                : files.forExamYear(facts.examYear()).orElse(files.current());
        return PolicyEvaluator.evaluate(policy, facts);
    }

    @Override
    public Evaluation evaluate(CandidateFacts facts, String policyId) {
        return PolicyEvaluator.evaluate(files.byId(policyId), facts);
    }

    @Override
    public String currentPolicyId() {
        return files.current().id();
    }

    @Override
    public int currentExamYear() {
        return files.current().examYear();
    }

    @Override
    public List<String> policyIds() {
        return files.all().stream().map(PolicyDefinition::id).toList();
    }

    @Override
    public List<CatalogueEntry> catalogue(String policyId) {
        return files.byId(policyId).catalogue().entrySet().stream()
                .map(entry -> new CatalogueEntry(
                        entry.getKey(),
                        entry.getValue().name(),
                        entry.getValue().instructions(),
                        entry.getValue().minImages(),
                        entry.getValue().maxImages()))
                .toList();
    }
}
