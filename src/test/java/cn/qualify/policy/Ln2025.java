package cn.qualify.policy;

import cn.qualify.policy.definition.PolicyDefinition;
import cn.qualify.policy.definition.PolicyFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The 2025 Liaoning policy file of the repository, loaded once for the unit tests. */
final class Ln2025 {

    static final String LOCATION = "policy/LN-2025.yml";
    static final PolicyDefinition POLICY = load();

    private Ln2025() {}

    static Evaluation evaluate(Candidates candidate) {
        return PolicyEvaluator.evaluate(POLICY, candidate.facts());
    }

    static Evaluation evaluate(CandidateFacts facts) {
        return PolicyEvaluator.evaluate(POLICY, facts);
    }

    private static PolicyDefinition load() {
        try (InputStream in = Ln2025.class.getClassLoader().getResourceAsStream(LOCATION)) {
            return PolicyFiles.parse(LOCATION, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
