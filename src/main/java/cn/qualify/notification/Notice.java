package cn.qualify.notification;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A notification to record for one candidate.
 *
 * @param eventKey identifies the event that caused it; together with the candidate it makes delivery idempotent
 * @param args the message arguments, plain text (see {@link NoticeKind})
 */
record Notice(String candidateId, String eventKey, NoticeKind kind, UUID applicationId, List<String> args) {

    /** Separates the arguments in one column; never typed by anyone. */
    static final String SEPARATOR = "\u001f";

    Notice {
        Objects.requireNonNull(candidateId, "candidateId");
        Objects.requireNonNull(eventKey, "eventKey");
        Objects.requireNonNull(kind, "kind");
        args = args.stream()
                .map(arg -> arg == null ? "" : arg.replace(SEPARATOR, " "))
                .toList();
    }

    String joinedArgs() {
        var joined = String.join(SEPARATOR, args);
        return joined.length() <= 1000 ? joined : joined.substring(0, 999) + "…";
    }

    static List<String> splitArgs(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split(SEPARATOR, -1));
    }
}
