package cn.qualify.policy;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * The loaded policies (one per exam year and district, each from its own versioned file) and the evaluation of
 * candidate facts against them. Evaluating stores nothing.
 */
public interface Policies {

    /**
     * Evaluates the facts against the policy of their exam year; if none is loaded for that year, against the
     * current policy with an {@link FindingCode#EXAM_YEAR_NOT_COVERED} error.
     *
     * @throws NullPointerException if examYear, examLevel, category or education is missing
     */
    Evaluation evaluate(CandidateFacts facts);

    /**
     * Evaluates the facts against the named policy, e.g. for an administrator's preview.
     *
     * @throws NoSuchElementException if no policy of that id is loaded
     */
    Evaluation evaluate(CandidateFacts facts, String policyId);

    /** Id of the policy that candidates currently register under, e.g. {@code LN-2025}. */
    String currentPolicyId();

    /** The exam year of the current policy, e.g. 2025. */
    int currentExamYear();

    /** Ids of every loaded policy. */
    List<String> policyIds();

    /**
     * The material catalogue of a policy, in catalogue order: names, requirement texts and image counts.
     *
     * @throws NoSuchElementException if no policy of that id is loaded
     */
    List<CatalogueEntry> catalogue(String policyId);
}
