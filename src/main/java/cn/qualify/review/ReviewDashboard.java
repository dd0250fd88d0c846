package cn.qualify.review;

import cn.qualify.application.ApplicationState;
import cn.qualify.exam.ExamPoint;
import cn.qualify.exam.ExamPoints;
import cn.qualify.identity.Account;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review dashboard's figures, scoped like the queues (a point reviewer's exam points, or the district), all
 * computed by the database with SQL that runs on H2 and PostgreSQL: counts by state and exam point, decisions per
 * day (by level, over the last {@value #DAYS} days, days in China), the median time from the first submission to
 * the first exam-point decision and to the final decision ({@code PERCENTILE_CONT} over one value per application),
 * and how often each replacement reason was given.
 */
@Component
class ReviewDashboard {

    static final int DAYS = 30;
    private static final List<String> DECISIONS = List.of(
            "RETURNED", "ONSITE_REVIEW_REQUESTED", "EXAM_POINT_DECIDED", "SENT_BACK_TO_EXAM_POINT", "FINAL_DECISION");

    record StateCount(ApplicationState state, String name, long count) {}

    record PointCount(String code, String name, long total, Map<ApplicationState, Long> byState) {}

    record DayCount(LocalDate day, long examPoint, long district) {}

    /**
     * @param hours the median in hours, one decimal; null without any decision
     * @param applications how many applications it is taken over
     */
    record Median(Double hours, long applications) {}

    record ReasonCount(String code, String name, long count) {}

    record Figures(
            int year,
            String examPoint,
            long total,
            List<StateCount> states,
            List<PointCount> examPoints,
            List<DayCount> perDay,
            Median toExamPointDecision,
            Median toFinalDecision,
            List<ReasonCount> reasons) {}

    private final JdbcClient jdbc;
    private final ExamPoints examPoints;
    private final ReviewQueue queue;
    private final MessageSource messages;
    private final Clock clock;

    ReviewDashboard(JdbcClient jdbc, ExamPoints examPoints, ReviewQueue queue, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.examPoints = examPoints;
        this.queue = queue;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Figures figures(Account reviewer, Integer year, String examPoint, Locale locale) {
        int examYear = year == null ? queue.currentYear() : year;
        if (examYear < 2000 || examYear > 9999) {
            throw ReviewRefused.invalid("review.queue.badFilter", "year");
        }
        var wanted = examPoint == null || examPoint.isBlank() ? null : examPoint.strip();
        var points = ReviewQueue.points(reviewer, wanted);
        if (points != null && points.isEmpty()) {
            if (wanted != null) {
                throw new ReviewNotFound("No exam point " + wanted + " for " + reviewer.loginName());
            }
            return empty(examYear, locale);
        }
        var scope = points == null ? "" : " AND exam_point_code IN (:points)";
        var names = examPoints.all().stream().collect(Collectors.toMap(ExamPoint::code, ExamPoint::name));

        // counts by exam point and state
        Map<String, Map<ApplicationState, Long>> byPoint = new TreeMap<>();
        Map<ApplicationState, Long> byState = new EnumMap<>(ApplicationState.class);
        withPoints(
                        jdbc.sql("SELECT exam_point_code, state, COUNT(*) AS n FROM application WHERE exam_year = :year"
                                        + " AND state <> 'DRAFT'" + scope + " GROUP BY exam_point_code, state")
                                .param("year", examYear),
                        points)
                .query(rs -> {
                    var state = ApplicationState.valueOf(rs.getString("state"));
                    long n = rs.getLong("n");
                    byPoint.computeIfAbsent(
                                    rs.getString("exam_point_code"), code -> new EnumMap<>(ApplicationState.class))
                            .merge(state, n, Long::sum);
                    byState.merge(state, n, Long::sum);
                });
        var states = new ArrayList<StateCount>();
        for (ApplicationState state : ApplicationState.values()) {
            if (state != ApplicationState.DRAFT) {
                states.add(new StateCount(state, stateName(state, locale), byState.getOrDefault(state, 0L)));
            }
        }
        var pointCounts = byPoint.entrySet().stream()
                .map(e -> new PointCount(
                        e.getKey(),
                        names.getOrDefault(e.getKey(), e.getKey()),
                        e.getValue().values().stream()
                                .mapToLong(Long::longValue)
                                .sum(),
                        e.getValue()))
                .toList();

        // decisions per day and level
        var today = LocalDate.now(clock.withZone(ReviewCases.EXAM_ZONE));
        var from = today.minusDays(DAYS - 1L);
        Map<LocalDate, long[]> days = new LinkedHashMap<>();
        for (var day = from; !day.isAfter(today); day = day.plusDays(1)) {
            days.put(day, new long[2]);
        }
        withPoints(
                        jdbc.sql("SELECT on_day, actor_level, COUNT(*) AS n FROM review_transition"
                                        + " WHERE exam_year = :year" + scope
                                        + " AND on_day >= :from AND on_day <= :to AND event IN (:decisions)"
                                        + " AND actor_level IN ('EXAM_POINT', 'DISTRICT') GROUP BY on_day, actor_level")
                                .param("year", examYear)
                                .param("from", from)
                                .param("to", today)
                                .param("decisions", DECISIONS),
                        points)
                .query(rs -> {
                    var counts = days.get(rs.getObject("on_day", LocalDate.class));
                    if (counts != null) {
                        counts["DISTRICT".equals(rs.getString("actor_level")) ? 1 : 0] += rs.getLong("n");
                    }
                });
        var perDay = days.entrySet().stream()
                .map(e -> new DayCount(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();

        // medians, one value per application: its first decision of each kind
        Map<String, Median> medians = new TreeMap<>();
        withPoints(
                        jdbc.sql("SELECT event, COUNT(*) AS n, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY s) AS m"
                                        + " FROM (SELECT application_id, event, MIN(seconds_since_submitted) AS s"
                                        + " FROM review_transition WHERE exam_year = :year" + scope
                                        + " AND event IN ('EXAM_POINT_DECIDED', 'FINAL_DECISION')"
                                        + " AND seconds_since_submitted IS NOT NULL GROUP BY application_id, event)"
                                        + " firsts GROUP BY event")
                                .param("year", examYear),
                        points)
                .query(rs -> {
                    double seconds = rs.getDouble("m");
                    medians.put(rs.getString("event"), new Median(Math.round(seconds / 360.0) / 10.0, rs.getLong("n")));
                });

        // replacement reasons: one conditional count per template reason
        var reasons = ReplacementReason.values();
        var sums = new ArrayList<String>();
        for (int i = 0; i < reasons.length; i++) {
            sums.add("SUM(CASE WHEN (',' || r.reason_codes || ',') LIKE :r" + i + " THEN 1 ELSE 0 END) AS c" + i);
        }
        var reasonQuery = jdbc.sql("SELECT " + String.join(", ", sums)
                        + " FROM material_review r JOIN application a ON a.id = r.application_id"
                        + " WHERE a.exam_year = :year AND r.verdict = 'REPLACEMENT_REQUESTED'"
                        + (points == null ? "" : " AND a.exam_point_code IN (:points)"))
                .param("year", examYear);
        for (int i = 0; i < reasons.length; i++) {
            reasonQuery = reasonQuery.param("r" + i, "%," + reasons[i].name() + ",%");
        }
        var reasonCounts = new ArrayList<ReasonCount>();
        withPoints(reasonQuery, points).query(rs -> {
            for (int i = 0; i < reasons.length; i++) {
                long n = rs.getLong("c" + i);
                if (n > 0) {
                    reasonCounts.add(new ReasonCount(reasons[i].name(), text(reasons[i].messageKey(), locale), n));
                }
            }
        });
        reasonCounts.sort(
                Comparator.comparingLong(ReasonCount::count).reversed().thenComparing(ReasonCount::code));

        long total = byState.values().stream().mapToLong(Long::longValue).sum();
        return new Figures(
                examYear,
                wanted,
                total,
                List.copyOf(states),
                pointCounts,
                perDay,
                medians.getOrDefault(ReviewTransitions.EXAM_POINT_DECIDED, new Median(null, 0)),
                medians.getOrDefault(ReviewTransitions.FINAL_DECISION, new Median(null, 0)),
                List.copyOf(reasonCounts));
    }

    private Figures empty(int year, Locale locale) {
        var states = new ArrayList<StateCount>();
        for (ApplicationState state : ApplicationState.values()) {
            if (state != ApplicationState.DRAFT) {
                states.add(new StateCount(state, stateName(state, locale), 0));
            }
        }
        return new Figures(
                year, null, 0, states, List.of(), List.of(), new Median(null, 0), new Median(null, 0), List.of());
    }

    private static JdbcClient.StatementSpec withPoints(JdbcClient.StatementSpec statement, List<String> points) {
        return points == null ? statement : statement.param("points", points);
    }

    private String stateName(ApplicationState state, Locale locale) {
        return text("application.state." + state.name(), locale);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
