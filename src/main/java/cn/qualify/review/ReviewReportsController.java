package cn.qualify.review;

import cn.qualify.exam.ExamPoint;
import cn.qualify.exam.ExamPoints;
import cn.qualify.identity.Account;
import cn.qualify.identity.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The reviewers' reports: the dashboard page (its charts read {@code /api/v1/review/dashboard}) and the .xlsx
 * export of results, for one exam point or the whole district.
 */
@Controller
class ReviewReportsController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ReviewDashboard dashboard;
    private final ReviewExports exports;
    private final ExamPoints examPoints;
    private final Refusals refusals;

    ReviewReportsController(
            ReviewDashboard dashboard, ReviewExports exports, ExamPoints examPoints, Refusals refusals) {
        this.dashboard = dashboard;
        this.exports = exports;
        this.examPoints = examPoints;
        this.refusals = refusals;
    }

    @GetMapping("/review/dashboard")
    String dashboard(
            Account reviewer,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String examPoint,
            Model model,
            Locale locale) {
        var visible = visiblePoints(reviewer);
        model.addAttribute("examPoints", visible);
        model.addAttribute("district", reviewer.role() == Role.DISTRICT_REVIEWER);
        model.addAttribute("days", ReviewDashboard.DAYS);
        try {
            model.addAttribute("figures", dashboard.figures(reviewer, year, examPoint, locale));
        } catch (ReviewRefused refused) {
            model.addAttribute("dashboardError", refusals.message(refused, locale));
            model.addAttribute("figures", dashboard.figures(reviewer, null, null, locale));
        } catch (ReviewNotFound outside) {
            model.addAttribute("figures", dashboard.figures(reviewer, year, null, locale));
        }
        return "review/dashboard";
    }

    @GetMapping("/review/export")
    void export(
            Account reviewer,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String examPoint,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        ReviewExports.Scope scope;
        try {
            scope = exports.scope(reviewer, year, examPoint);
        } catch (ReviewRefused refused) {
            throw new ResponseStatusException(refused.status(), refusals.message(refused, locale));
        }
        send(exports, reviewer, scope, response, locale);
    }

    /** Audits the export, then streams the workbook into the response. */
    static void send(
            ReviewExports exports,
            Account reviewer,
            ReviewExports.Scope scope,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        exports.audit(reviewer, scope);
        response.setContentType(XLSX);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(exports.fileName(scope, locale), StandardCharsets.UTF_8)
                        .build()
                        .toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        exports.write(scope, response.getOutputStream(), locale);
        response.flushBuffer();
    }

    private List<ExamPoint> visiblePoints(Account reviewer) {
        return examPoints.all().stream()
                .filter(point -> reviewer.reviewsExamPoint(point.code()))
                .toList();
    }
}
