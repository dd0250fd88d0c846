package cn.qualify.policy;

/**
 * An eligibility finding: an {@link Severity#ERROR} blocks submission, an {@link Severity#INFO} informs.
 *
 * @param message what is wrong or worth knowing, and what to do
 * @param clause the clause of the notice it comes from
 * @param field the fact it concerns as a JSON path (e.g. {@code assistantRegistrationDate}), or null
 */
public record Finding(FindingCode code, Severity severity, LocalizedText message, String clause, String field) {

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
