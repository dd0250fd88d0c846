package cn.qualify.review;

import cn.qualify.application.ApplicationState;
import cn.qualify.exam.ExamYear;
import cn.qualify.exam.ExamYears;
import cn.qualify.identity.Account;
import cn.qualify.identity.Role;
import cn.qualify.policy.Policies;
import cn.qualify.policy.Route;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review queues: a read model over the application table (read only; changes go through the application
 * aggregate), joined with this module's queue entries and leases. Scoped in the query itself: a point reviewer's
 * query names their exam points, so nothing outside them is ever read. Pages by keyset on
 * {@code (updated_at, id)}, which the indexes of the review migration serve, so that page 1,000 costs what page 1
 * costs.
 */
@Component
class ReviewQueue {

    static final Set<String> FLAGS = Set.of("LOW_RESOLUTION", "BLURRY", "TOO_DARK", "CORRUPT");
    private static final Pattern APPLICATION_NUMBER = Pattern.compile("\\d{14}");
    private static final Set<ApplicationState> EXAM_POINT_WORK =
            EnumSet.of(ApplicationState.SUBMITTED, ApplicationState.ONSITE_REVIEW, ApplicationState.OFFLINE_REVIEW);
    private static final Set<ApplicationState> DISTRICT_WORK =
            EnumSet.of(ApplicationState.POINT_PASSED, ApplicationState.POINT_FAILED);

    private final JdbcClient jdbc;
    private final ExamYears examYears;
    private final Policies policies;
    private final Clock clock;
    private final Duration deadlineSoon;

    ReviewQueue(
            JdbcClient jdbc,
            ExamYears examYears,
            Policies policies,
            Clock clock,
            @Value("${qualify.review.deadline-soon:P2D}") Duration deadlineSoon) {
        this.jdbc = jdbc;
        this.examYears = examYears;
        this.policies = policies;
        this.clock = clock;
        this.deadlineSoon = deadlineSoon;
    }

    /** The states a reviewer's queue shows when no state is asked for: the work waiting for their level. */
    static Set<ApplicationState> defaultStates(Account reviewer) {
        return reviewer.role() == Role.DISTRICT_REVIEWER ? DISTRICT_WORK : EXAM_POINT_WORK;
    }

    int currentYear() {
        return examYears.current().map(ExamYear::year).orElseGet(policies::currentExamYear);
    }

    /**
     * A page of the reviewer's queue.
     *
     * @throws ReviewRefused (400) naming the filter that makes no sense
     */
    @Transactional(readOnly = true)
    QueuePage page(Account reviewer, QueueQuery query) {
        return page(reviewer, query, null);
    }

    /**
     * A page of the reviewer's queue with only the applications whose material has current images and no decision in
     * the current round yet: what grid mode shows. Filtering in the query keeps grid pages full.
     *
     * @param waitingMaterial a material code, or null for the plain queue
     */
    @Transactional(readOnly = true)
    QueuePage page(Account reviewer, QueueQuery query, String waitingMaterial) {
        int year = query.year() == null ? currentYear() : query.year();
        if (year < 2000 || year > 9999) {
            throw ReviewRefused.invalid("review.queue.badFilter", "year");
        }
        var now = clock.instant();
        var where = new ArrayList<String>();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("year", year);
        params.put("now", ReviewLeases.utc(now));

        var points = points(reviewer, query.examPoint());
        if (points != null && points.isEmpty()) {
            return new QueuePage(year, List.of(), null);
        }
        if (points != null) {
            params.put("points", points);
        }
        var states = query.onlyDeadlineSoon()
                        && (query.state() == null || query.state().isBlank())
                ? EnumSet.of(ApplicationState.RETURNED)
                : states(reviewer, query.state());
        if (query.route() != null && !query.route().isBlank()) {
            where.add("q.route = :route");
            params.put("route", route(query.route()).name());
        }
        String flag = null;
        if (query.flag() != null && !query.flag().isBlank()) {
            flag = query.flag().strip();
            if (!"ANY".equals(flag) && !FLAGS.contains(flag)) {
                throw ReviewRefused.invalid("review.queue.badFilter", "flag");
            }
            if (!"ANY".equals(flag)) {
                params.put("flag", "%" + flag + "%");
            }
        }
        if (query.onlyResubmitted()) {
            where.add("a.round > 1");
        }
        if (query.onlyDeadlineSoon()) {
            where.add("a.state = 'RETURNED' AND a.revision_deadline <= :soon");
            params.put("soon", ReviewLeases.utc(now.plus(deadlineSoon)));
        }
        var search = query.search();
        String matches = null;
        if (search != null) {
            if (APPLICATION_NUMBER.matcher(search).matches()) {
                matches = "SELECT id FROM application WHERE number = :number";
                params.put("number", search);
            } else {
                matches = """
                        SELECT application_id AS id FROM review_queue_entry WHERE id_number = :idNumber
                        UNION SELECT application_id AS id FROM review_queue_entry WHERE candidate_name = :name""";
                params.put("idNumber", search.toUpperCase());
                params.put("name", search);
            }
        }
        if (waitingMaterial != null) {
            where.add("""
                    EXISTS (SELECT 1 FROM application_image gi WHERE gi.application_id = a.id
                        AND gi.material = :waitingMaterial AND gi.removed_at IS NULL)
                    AND NOT EXISTS (SELECT 1 FROM material_review gr WHERE gr.application_id = a.id
                        AND gr.material = :waitingMaterial AND gr.round = a.round)""");
            params.put("waitingMaterial", waitingMaterial);
        }
        // A flag filter outside search reads the flagged applications' own positions, the rest the application's.
        var positions = flag != null && matches == null ? Positions.FLAGGED : Positions.APPLICATION;
        // the flagged copy carries the flags itself; the application's are in its queue entry
        var flags = positions == Positions.FLAGGED ? "f.quality_flags" : "q.quality_flags";
        if (flag != null && !"ANY".equals(flag)) {
            where.add(flags + " LIKE :flag");
        } else if (flag != null && positions == Positions.APPLICATION) {
            where.add(flags + " <> ''");
        }
        if (query.after() != null && !query.after().isBlank()) {
            var cursor = QueueCursor.decode(query.after());
            where.add("(%1$s.updated_at, %1$s.%2$s) > (:afterAt, :afterId)".formatted(positions.alias, positions.id));
            params.put("afterAt", ReviewLeases.utc(cursor.updatedAt()));
            params.put("afterId", cursor.id());
        }
        int size = query.pageSize();
        params.put("limit", size + 1);
        var sql = """
                SELECT a.id, a.number, a.exam_point_code, a.state, a.round, a.offline_review, a.revision_deadline,
                    a.updated_at, a.version, q.candidate_name, q.id_number, q.route, q.quality_flags,
                    l.holder_name, l.expires_at
                FROM application a
                JOIN (%s) page ON page.id = a.id
                LEFT JOIN review_queue_entry q ON q.application_id = a.id
                LEFT JOIN review_lease l ON l.application_id = a.id AND l.expires_at > :now
                ORDER BY a.updated_at, a.id
                """.formatted(
                        matches == null
                                ? branches(positions, points, states, where, params)
                                : matching(matches, points, states, where, params));
        var items = jdbc.sql(sql).params(params).query(ReviewQueue::item).list();
        String next = null;
        if (items.size() > size) {
            items = items.subList(0, size);
            var last = items.get(size - 1);
            next = new QueueCursor(last.updatedAt(), last.id()).encode();
        }
        return new QueuePage(year, List.copyOf(items), next);
    }

    /**
     * Where a page reads the queue position (year, exam point, state, updated_at) from: the application row, or, for
     * a quality-flag filter, the flagged application's copy of it in {@code review_flagged_application}, which holds
     * only flagged applications and follows the application row in its saving transaction. Through the application
     * indexes, a flag that few applications of a state carry would cost a read of the whole state.
     */
    private enum Positions {
        APPLICATION("a", "id", "application a"),
        FLAGGED("f", "application_id", "review_flagged_application f JOIN application a ON a.id = f.application_id");

        final String alias;
        final String id;
        final String from;

        Positions(String alias, String id, String from) {
            this.alias = alias;
            this.id = id;
            this.from = from;
        }
    }

    /**
     * The ids of the page: one branch per exam point and state (or per state for the whole district), each an
     * ordered range scan of one of the review indexes from the cursor on, merged and cut to the page size. A single
     * query over several states or points would have to filter its way through every earlier row instead.
     */
    private static String branches(
            Positions positions,
            List<String> points,
            Set<ApplicationState> states,
            List<String> filters,
            Map<String, Object> params) {
        var branches = new ArrayList<String>();
        var extra = filters.isEmpty() ? "" : " AND " + String.join(" AND ", filters);
        var p = positions.alias;
        int n = 0;
        for (ApplicationState state : states) {
            for (String point : points == null ? List.<String>of("") : points) {
                var stateParam = "s" + n;
                var pointParam = "p" + n;
                params.put(stateParam, state.name());
                var pointCondition = "";
                if (points != null) {
                    params.put(pointParam, point);
                    pointCondition = " AND %s.exam_point_code = :%s".formatted(p, pointParam);
                }
                branches.add("""
                        (SELECT %1$s.%2$s AS id, %1$s.updated_at FROM %3$s
                        LEFT JOIN review_queue_entry q ON q.application_id = a.id
                        WHERE %1$s.exam_year = :year AND %1$s.state = :%4$s%5$s%6$s
                        ORDER BY %1$s.updated_at, %1$s.%2$s LIMIT :limit)""".formatted(p, positions.id, positions.from, stateParam, pointCondition, extra));
                n++;
            }
        }
        return "SELECT id FROM (" + String.join(" UNION ALL ", branches)
                + ") branch ORDER BY updated_at, id LIMIT :limit";
    }

    /**
     * The ids of the page when searching: the few applications the search finds, through its own indexes, filtered
     * to the reviewer's scope and the other filters. Searching inside the ordered branches of {@link #branches}
     * would read a whole state of the district to find one name.
     */
    private static String matching(
            String matches,
            List<String> points,
            Set<ApplicationState> states,
            List<String> filters,
            Map<String, Object> params) {
        params.put("states", states.stream().map(ApplicationState::name).toList());
        var conditions = new ArrayList<String>();
        conditions.add("a.exam_year = :year");
        conditions.add("a.state IN (:states)");
        if (points != null) {
            conditions.add("a.exam_point_code IN (:points)");
        }
        conditions.addAll(filters);
        return """
                SELECT a.id FROM (%s) found
                JOIN application a ON a.id = found.id
                LEFT JOIN review_queue_entry q ON q.application_id = a.id
                WHERE %s
                ORDER BY a.updated_at, a.id LIMIT :limit""".formatted(matches, String.join(" AND ", conditions));
    }

    /** The exam points to read, or null for every point of the district. */
    static List<String> points(Account reviewer, String examPoint) {
        var wanted = examPoint == null || examPoint.isBlank() ? null : examPoint.strip();
        if (reviewer.role() == Role.DISTRICT_REVIEWER) {
            return wanted == null ? null : List.of(wanted);
        }
        if (wanted != null) {
            return reviewer.examPointCodes().contains(wanted) ? List.of(wanted) : List.of();
        }
        return List.copyOf(reviewer.examPointCodes());
    }

    private static Set<ApplicationState> states(Account reviewer, String state) {
        if (state == null || state.isBlank()) {
            return defaultStates(reviewer);
        }
        if ("ALL".equals(state)) {
            return EnumSet.complementOf(EnumSet.of(ApplicationState.DRAFT));
        }
        try {
            var parsed = ApplicationState.valueOf(state.strip());
            if (parsed == ApplicationState.DRAFT) {
                throw ReviewRefused.invalid("review.queue.badFilter", "state");
            }
            return EnumSet.of(parsed);
        } catch (IllegalArgumentException unknown) {
            throw ReviewRefused.invalid("review.queue.badFilter", "state");
        }
    }

    private static Route route(String route) {
        try {
            return Route.valueOf(route.strip());
        } catch (IllegalArgumentException unknown) {
            throw ReviewRefused.invalid("review.queue.badFilter", "route");
        }
    }

    private static QueueItem item(ResultSet rs, int row) throws SQLException {
        var flags = rs.getString("quality_flags");
        var deadline = rs.getObject("revision_deadline", OffsetDateTime.class);
        var leaseExpires = rs.getObject("expires_at", OffsetDateTime.class);
        int round = rs.getInt("round");
        return new QueueItem(
                rs.getObject("id", UUID.class),
                rs.getString("number"),
                rs.getString("candidate_name"),
                QueueItem.masked(rs.getString("id_number")),
                rs.getString("exam_point_code"),
                ApplicationState.valueOf(rs.getString("state")),
                round,
                round > 1,
                rs.getBoolean("offline_review"),
                rs.getString("route"),
                deadline == null ? null : deadline.toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getLong("version"),
                flags == null || flags.isEmpty() ? List.of() : Arrays.asList(flags.split(",")),
                rs.getString("holder_name"),
                leaseExpires == null ? null : leaseExpires.toInstant());
    }
}
