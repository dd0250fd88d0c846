package cn.qualify.review;

import cn.qualify.application.ApplicationState;
import cn.qualify.application.Applications;
import cn.qualify.application.MaterialReview;
import cn.qualify.identity.Account;
import cn.qualify.identity.Accounts;
import cn.qualify.identity.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The candidate's own decision history: every transition of their application and every decision on one of their
 * materials, with what is meant for them — the level that acted (candidate, exam point, district, staff, system),
 * reasons from the templates, the message to the candidate, deadlines. Internal notes, reviewers' names and ids, and
 * reasons given only between staff are never part of it: the view records below have no place for them. A candidate
 * only ever gets their own application, looked up by their account; there is no identifier to guess.
 */
@Service
class CandidateDecisionHistory {

    /** What the candidate sees. */
    record History(Integer year, String number, ApplicationState state, List<Entry> entries) {}

    /**
     * One line of the history.
     *
     * @param type {@code TRANSITION}, {@code DEADLINE} or {@code MATERIAL}
     * @param event for transitions, e.g. {@code RETURNED}; for materials the verdict
     * @param title what happened, in the candidate's language
     * @param level who acted, as a level
     * @param stateName the state the application moved to, in the candidate's language
     * @param material the material's code, for material decisions
     * @param reasons the template reasons, in the candidate's language
     * @param message the message meant for the candidate, if any
     * @param deadline the resubmission deadline set or extended, if any
     */
    record Entry(
            Instant at,
            String type,
            String event,
            String title,
            ReviewTransitions.Level level,
            String levelName,
            ApplicationState from,
            ApplicationState to,
            String stateName,
            String material,
            String materialName,
            List<String> reasons,
            String message,
            Instant deadline,
            Integer round) {}

    private final Applications applications;
    private final ReviewTransitions transitions;
    private final ReviewQueue queue;
    private final ReviewCases cases;
    private final Accounts accounts;
    private final MessageSource messages;

    CandidateDecisionHistory(
            Applications applications,
            ReviewTransitions transitions,
            ReviewQueue queue,
            ReviewCases cases,
            Accounts accounts,
            MessageSource messages) {
        this.applications = applications;
        this.transitions = transitions;
        this.queue = queue;
        this.cases = cases;
        this.accounts = accounts;
        this.messages = messages;
    }

    History of(Account candidate, Integer year, Locale locale) {
        int examYear = year == null ? queue.currentYear() : year;
        var found = applications.ofCandidate(String.valueOf(candidate.id()), examYear);
        if (found.isEmpty()) {
            return new History(examYear, null, null, List.of());
        }
        var application = found.get();
        var entries = new ArrayList<Entry>();
        for (var t : transitions.of(application.id())) {
            var deadlineOnly = "DEADLINE_EXTENDED".equals(t.event());
            entries.add(new Entry(
                    t.at(),
                    deadlineOnly ? "DEADLINE" : "TRANSITION",
                    t.event(),
                    text("review.candidateHistory.event." + t.event(), locale),
                    t.level(),
                    text("review.candidateHistory.level." + t.level(), locale),
                    t.from(),
                    t.to(),
                    t.to() == null ? null : text("application.state." + t.to().name(), locale),
                    null,
                    null,
                    List.of(),
                    t.messageToCandidate(),
                    t.deadline(),
                    null));
        }
        var names = cases.catalogueNames(application.examYear(), locale);
        Map<String, ReviewTransitions.Level> levels = new HashMap<>();
        for (MaterialReview review : application.reviewHistory()) {
            var level = levels.computeIfAbsent(review.reviewer().accountId(), this::levelOf);
            entries.add(new Entry(
                    review.at(),
                    "MATERIAL",
                    review.verdict().name(),
                    text("review.candidateHistory.verdict." + review.verdict().name(), locale),
                    level,
                    text("review.candidateHistory.level." + level, locale),
                    null,
                    null,
                    null,
                    review.material(),
                    names.getOrDefault(review.material(), review.material()),
                    review.reasonCodes().stream()
                            .map(code -> ReplacementReason.of(code)
                                    .map(reason -> text(reason.messageKey(), locale))
                                    .orElse(code))
                            .toList(),
                    review.messageToCandidate().isEmpty() ? null : review.messageToCandidate(),
                    null,
                    review.round()));
        }
        // stable: transitions keep their recorded order, a material decision comes before a transition of the same
        // instant (decisions lead to the transition)
        entries.sort(Comparator.comparing(Entry::at).thenComparing(entry -> "MATERIAL".equals(entry.type()) ? 0 : 1));
        return new History(application.examYear(), application.number(), application.state(), List.copyOf(entries));
    }

    /** The level of a reviewer's material decision, by the reviewer's role; the name is never passed on. */
    private ReviewTransitions.Level levelOf(String accountId) {
        try {
            return accounts.byId(Long.parseLong(accountId))
                    .map(account -> account.role() == Role.DISTRICT_REVIEWER
                            ? ReviewTransitions.Level.DISTRICT
                            : account.role() == Role.POINT_REVIEWER
                                    ? ReviewTransitions.Level.EXAM_POINT
                                    : ReviewTransitions.Level.STAFF)
                    .orElse(ReviewTransitions.Level.STAFF);
        } catch (NumberFormatException notAnAccount) {
            return ReviewTransitions.Level.STAFF;
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
