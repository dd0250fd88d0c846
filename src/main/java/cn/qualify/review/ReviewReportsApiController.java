package cn.qualify.review;

import cn.qualify.identity.Account;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The JSON twin of the reports: the dashboard's figures, and the same .xlsx export with problem-detail errors. */
@RestController
@RequestMapping("/api/v1/review")
@Tag(name = "Review", description = "Queues, leases and decisions of exam-point and district reviewers")
class ReviewReportsApiController {

    private final ReviewDashboard dashboard;
    private final ReviewExports exports;

    ReviewReportsApiController(ReviewDashboard dashboard, ReviewExports exports) {
        this.dashboard = dashboard;
        this.exports = exports;
    }

    @GetMapping("/dashboard")
    @Operation(
            summary = "The dashboard's figures",
            description = "Scoped like the queue (a point reviewer's exam points, or the district; `examPoint` "
                    + "narrows it): counts by state and exam point, decisions per day of the last 30 days by level, "
                    + "median hours from the first submission to the first exam-point decision and to the final "
                    + "decision, and the replacement reasons by frequency.")
    ReviewDashboard.Figures dashboard(
            Account reviewer,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String examPoint,
            Locale locale) {
        return dashboard.figures(reviewer, year, examPoint, locale);
    }

    @GetMapping("/export")
    @Operation(
            summary = "The review results as .xlsx",
            description = "With `examPoint`, one exam point of the reviewer's scope (404 otherwise); without it, the "
                    + "whole district, for district reviewers only (403). ID numbers are masked. Every export is "
                    + "recorded in the audit trail.")
    void export(
            Account reviewer,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String examPoint,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        var scope = exports.scope(reviewer, year, examPoint);
        ReviewReportsController.send(exports, reviewer, scope, response, locale);
    }
}
