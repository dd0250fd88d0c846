package cn.qualify.registration;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * What is wrong with some input, field by field, in the order found. Fields are paths as the JSON API names them
 * ({@code phone}, {@code facts.institution.type}, {@code facts.workUnits[1].from}); messages are resolved in the
 * caller's language when shown.
 */
final class Problems {

    /** One problem; {@code field} is null for a problem of the whole input. */
    record Problem(String field, MessageSourceResolvable message) {}

    private final List<Problem> problems = new ArrayList<>();

    void add(String field, String code, Object... args) {
        problems.add(new Problem(field, new DefaultMessageSourceResolvable(new String[] {code}, args)));
    }

    /** A text that is already in the caller's language, e.g. a finding of the policy. */
    void addText(String field, String text) {
        problems.add(new Problem(
                field,
                new DefaultMessageSourceResolvable(new String[] {"registration.text"}, new Object[] {text}, text)));
    }

    /** Whether the field, or anything inside it ({@code facts.workUnits} covers {@code facts.workUnits[0].from}), has a problem. */
    boolean has(String field) {
        return problems.stream()
                .anyMatch(problem -> problem.field() != null
                        && (problem.field().equals(field)
                                || problem.field().startsWith(field + ".")
                                || problem.field().startsWith(field + "[")));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    List<Problem> all() {
        return List.copyOf(problems);
    }
}
