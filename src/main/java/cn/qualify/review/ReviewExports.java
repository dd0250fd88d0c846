package cn.qualify.review;

import cn.qualify.audit.AuditTrail;
import cn.qualify.exam.ExamPoint;
import cn.qualify.exam.ExamPoints;
import cn.qualify.identity.Account;
import cn.qualify.identity.Role;
import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The .xlsx export of review results, for one exam point or the whole district. Rows are read in keyset batches of
 * {@value #BATCH} ordered by application number and written to the response as they come (the worksheet is flushed
 * after each batch), so that memory stays flat whatever the size of the district. ID numbers are masked: the file
 * leaves the system. Every export is audited with who, what, and from which address before the first byte is sent.
 */
@Component
class ReviewExports {

    static final int BATCH = 500;
    static final String AUDIT_ACTION = "RESULTS_EXPORTED";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ReviewCases.EXAM_ZONE);
    static final List<String> COLUMNS = List.of(
            "number",
            "name",
            "idNumber",
            "route",
            "examPoint",
            "state",
            "pointResult",
            "pointDecidedAt",
            "pointDecidedBy",
            "finalResult",
            "finalDecidedAt",
            "finalDecidedBy",
            "openReplacements");

    /** What an export covers: one exam point, or the whole district when {@code examPoint} is null. */
    record Scope(int year, String examPointCode, String examPointName) {

        boolean district() {
            return examPointCode == null;
        }
    }

    private record Row(
            UUID id, String number, String name, String idNumber, String route, String point, String state) {}

    private final JdbcClient jdbc;
    private final ExamPoints examPoints;
    private final ReviewQueue queue;
    private final ReviewTransitions transitions;
    private final ReviewCases cases;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final TransactionTemplate tx;

    ReviewExports(
            JdbcClient jdbc,
            ExamPoints examPoints,
            ReviewQueue queue,
            ReviewTransitions transitions,
            ReviewCases cases,
            AuditTrail audit,
            MessageSource messages,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.examPoints = examPoints;
        this.queue = queue;
        this.transitions = transitions;
        this.cases = cases;
        this.audit = audit;
        this.messages = messages;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Checks what the reviewer asks for: an exam point outside their scope does not exist for them (404), the whole
     * district is for district reviewers only (403).
     */
    Scope scope(Account reviewer, Integer year, String examPoint) {
        int examYear = year == null ? queue.currentYear() : year;
        if (examYear < 2000 || examYear > 9999) {
            throw ReviewRefused.invalid("review.queue.badFilter", "year");
        }
        if (examPoint == null || examPoint.isBlank()) {
            if (reviewer.role() != Role.DISTRICT_REVIEWER) {
                throw ReviewRefused.forbidden("review.export.districtOnly");
            }
            return new Scope(examYear, null, null);
        }
        var code = examPoint.strip();
        if (!reviewer.reviewsExamPoint(code)) {
            throw new ReviewNotFound("No exam point " + code + " for " + reviewer.loginName());
        }
        return new Scope(
                examYear, code, examPoints.byCode(code).map(ExamPoint::name).orElse(""));
    }

    /** The file's name, e.g. 2025年审核结果_2101沈阳.xlsx. */
    String fileName(Scope scope, Locale locale) {
        return scope.district()
                ? messages.getMessage("review.export.file.district", new Object[] {scope.year()}, locale)
                : messages.getMessage(
                        "review.export.file.point",
                        new Object[] {scope.year(), scope.examPointCode(), scope.examPointName()},
                        locale);
    }

    /** Records who exported what; called before the file is written. */
    void audit(Account reviewer, Scope scope) {
        var actor = ReviewDesk.actor(reviewer);
        tx.executeWithoutResult(status -> audit.record(
                actor.accountId(),
                actor.displayName(),
                AUDIT_ACTION,
                null,
                "year " + scope.year() + "; "
                        + (scope.district() ? "district" : "exam point " + scope.examPointCode())));
    }

    /** Writes the workbook; returns the number of applications written. */
    int write(Scope scope, OutputStream out, Locale locale) throws IOException {
        var pointNames = examPoints.all().stream()
                .collect(Collectors.toMap(ExamPoint::code, ExamPoint::name, (a, b) -> a, LinkedHashMap::new));
        var materialNames = cases.catalogueNames(scope.year(), locale);
        var workbook = new Workbook(out, "Qualify", "1.0");
        var sheet = workbook.newWorksheet(text("review.export.sheet", locale));
        int[] widths = {18, 12, 22, 30, 14, 14, 12, 18, 14, 12, 18, 14, 50};
        for (int c = 0; c < COLUMNS.size(); c++) {
            sheet.width(c, widths[c]);
            sheet.value(0, c, text("review.export.column." + COLUMNS.get(c), locale));
            sheet.style(0, c).bold().set();
        }
        sheet.freezePane(0, 1);
        int written = 0;
        String after = "";
        while (true) {
            var rows = batch(scope, after);
            if (rows.isEmpty()) {
                break;
            }
            var ids = rows.stream().map(Row::id).toList();
            var decisions = decisions(ids);
            var open = openReplacements(ids, materialNames, locale);
            for (Row row : rows) {
                int r = ++written;
                var decided = decisions.getOrDefault(row.id(), Map.of());
                var point = decided.get(ReviewTransitions.EXAM_POINT_DECIDED);
                var fin = decided.get(ReviewTransitions.FINAL_DECISION);
                sheet.value(r, 0, row.number());
                sheet.value(r, 1, row.name());
                sheet.value(r, 2, masked(row.idNumber()));
                sheet.value(r, 3, row.route() == null ? null : text("policy.route." + row.route(), locale));
                sheet.value(r, 4, row.point() + " " + pointNames.getOrDefault(row.point(), ""));
                sheet.value(r, 5, text("application.state." + row.state(), locale));
                if (point != null) {
                    sheet.value(r, 6, text("application.state." + point.to(), locale));
                    sheet.value(r, 7, TIME.format(point.at()));
                    sheet.value(r, 8, point.actorName());
                }
                if (fin != null) {
                    sheet.value(r, 9, text("application.state." + fin.to(), locale));
                    sheet.value(r, 10, TIME.format(fin.at()));
                    sheet.value(r, 11, fin.actorName());
                }
                sheet.value(r, 12, open.get(row.id()));
            }
            sheet.flush();
            after = rows.get(rows.size() - 1).number();
        }
        workbook.finish();
        return written;
    }

    /** The next batch after the given application number: a range scan in number order. */
    private List<Row> batch(Scope scope, String after) {
        var sql = """
                SELECT a.id, a.number, a.exam_point_code, a.state, q.candidate_name, q.id_number, q.route
                FROM application a LEFT JOIN review_queue_entry q ON q.application_id = a.id
                WHERE a.exam_year = :year AND a.state <> 'DRAFT' AND a.number > :after %s
                ORDER BY a.number LIMIT :limit
                """.formatted(scope.district() ? "" : "AND a.exam_point_code = :point");
        var statement =
                jdbc.sql(sql).param("year", scope.year()).param("after", after).param("limit", BATCH);
        if (!scope.district()) {
            statement = statement.param("point", scope.examPointCode());
        }
        return statement
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getString("number"),
                        rs.getString("candidate_name"),
                        rs.getString("id_number"),
                        rs.getString("route"),
                        rs.getString("exam_point_code"),
                        rs.getString("state")))
                .list();
    }

    /** The latest exam-point and final decision of each application of a batch. */
    private Map<UUID, Map<String, ReviewTransitions.Transition>> decisions(List<UUID> ids) {
        Map<UUID, Map<String, ReviewTransitions.Transition>> latest = new HashMap<>();
        for (var t : transitions.of(ids)) {
            if (ReviewTransitions.EXAM_POINT_DECIDED.equals(t.event())
                    || ReviewTransitions.FINAL_DECISION.equals(t.event())) {
                latest.computeIfAbsent(t.applicationId(), id -> new HashMap<>()).put(t.event(), t);
            }
        }
        return latest;
    }

    /**
     * The materials whose latest decision in the current round asks for a replacement, with the template reasons,
     * e.g. 毕业证书：不清晰、缺少公章. Messages to the candidate and internal notes stay out of the file.
     */
    private Map<UUID, String> openReplacements(List<UUID> ids, Map<String, String> materialNames, Locale locale) {
        Map<UUID, Map<String, String[]>> latest = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT r.application_id, r.material, r.verdict, r.reason_codes
                        FROM material_review r JOIN application a ON a.id = r.application_id AND r.round = a.round
                        WHERE r.application_id IN (:ids) ORDER BY r.application_id, r.seq
                        """).param("ids", ids).query(rs -> {
            latest.computeIfAbsent(rs.getObject("application_id", UUID.class), id -> new LinkedHashMap<>())
                    .put(rs.getString("material"), new String[] {rs.getString("verdict"), rs.getString("reason_codes")
                    });
        });
        Map<UUID, String> open = new HashMap<>();
        latest.forEach((id, byMaterial) -> {
            var parts = new ArrayList<String>();
            byMaterial.forEach((material, decision) -> {
                if (!"REPLACEMENT_REQUESTED".equals(decision[0])) {
                    return;
                }
                var reasons = decision[1] == null || decision[1].isEmpty()
                        ? List.<String>of()
                        : List.of(decision[1].split(","));
                var named = reasons.stream()
                        .map(code -> ReplacementReason.of(code)
                                .map(reason -> text(reason.messageKey(), locale))
                                .orElse(code))
                        .collect(Collectors.joining("、"));
                parts.add(materialNames.getOrDefault(material, material) + (named.isEmpty() ? "" : "：" + named));
            });
            if (!parts.isEmpty()) {
                open.put(id, String.join("；", parts));
            }
        });
        return open;
    }

    /** Masks all but the first four and the last four characters: 2101**********0011. */
    static String masked(String idNumber) {
        if (idNumber == null) {
            return null;
        }
        if (idNumber.length() <= 8) {
            return "*".repeat(idNumber.length());
        }
        return idNumber.substring(0, 4) + "*".repeat(idNumber.length() - 8) + idNumber.substring(idNumber.length() - 4);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
