package cn.qualify.policy;

import cn.qualify.policy.definition.InvalidFacts;
import cn.qualify.policy.definition.PolicyDefinition;
import cn.qualify.policy.definition.RouteDefinition;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts of one candidate seen through one policy: what the rules and the checklist read.
 *
 * @param route the route whose condition the facts match, or null when none does
 */
record Situation(PolicyDefinition policy, CandidateFacts facts, RouteDefinition route) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    static Situation of(PolicyDefinition policy, CandidateFacts facts) {
        var route = policy.routes().stream()
                .filter(candidate -> candidate.when().matches(facts))
                .findFirst()
                .orElse(null);
        return new Situation(policy, facts, route);
    }

    boolean covered() {
        return route != null;
    }

    /** Active-duty military upload nothing (二.10). */
    boolean uploads() {
        return covered() && !facts.activeMilitary();
    }

    Optional<Finding> finding(FindingCode code, String field) {
        return finding(code, field, Map.of());
    }

    /**
     * A finding with the policy's clause and message, whose placeholders are filled from {@code values}: texts in
     * both languages ({@link LocalizedText}), dates written the way each language writes them, anything else as is.
     */
    Optional<Finding> finding(FindingCode code, String field, Map<String, ?> values) {
        var definition = policy.findings().get(code);
        var message = new LocalizedText(
                fill(definition.message().zh(), values, true),
                fill(definition.message().en(), values, false));
        return Optional.of(new Finding(code, code.severity(), message, definition.clause(), field));
    }

    Finding invalid(InvalidFacts kind) {
        var invalid = policy.invalidFacts().get(kind);
        var clause = policy.findings().get(FindingCode.INVALID_FACTS).clause();
        return new Finding(FindingCode.INVALID_FACTS, Severity.ERROR, invalid.text(), clause, invalid.field());
    }

    Requirement requirement(
            Material material,
            boolean required,
            int minImages,
            int maxImages,
            List<Requirement.Alternative> alternatives,
            LocalizedText reason,
            String clause) {
        var item = policy.item(material);
        return new Requirement(
                material,
                item.name(),
                item.instructions(),
                required,
                minImages,
                maxImages,
                alternatives,
                reason,
                clause);
    }

    /** A material with the catalogue's image counts. */
    Requirement requirement(Material material, LocalizedText reason, String clause) {
        var item = policy.item(material);
        return requirement(
                material, item.minImages() > 0, item.minImages(), item.maxImages(), List.of(), reason, clause);
    }

    private static String fill(String template, Map<String, ?> values, boolean chinese) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        var out = new StringBuilder();
        while (matcher.find()) {
            Object value = values.get(matcher.group(1));
            String text;
            if (value == null) {
                text = matcher.group();
            } else if (value instanceof LocalizedText localized) {
                text = chinese ? localized.zh() : localized.en();
            } else if (value instanceof LocalDate date) {
                text = chinese
                        ? date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日"
                        : date.toString();
            } else {
                text = String.valueOf(value);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
