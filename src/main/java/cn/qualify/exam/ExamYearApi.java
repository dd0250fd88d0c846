package cn.qualify.exam;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The exam years as JSON, for administrators. */
@RestController
@RequestMapping("/api/v1/admin/exam-years")
@Tag(
        name = "Exam years (admin)",
        description = "Exam years of the exam district with their registration, upload and review windows."
                + " Role ADMIN; changes need the session's CSRF token.")
class ExamYearApi {

    private final ExamSetup setup;
    private final ExamYears years;

    ExamYearApi(ExamSetup setup, ExamYears years) {
        this.setup = setup;
        this.years = years;
    }

    @GetMapping
    @Operation(summary = "Every exam year, newest first")
    List<ExamYear> list() {
        return years.all();
    }

    @GetMapping("/{year}")
    @Operation(summary = "One exam year")
    @ApiResponse(responseCode = "200", description = "The exam year")
    @ApiResponse(
            responseCode = "404",
            description = "No such exam year",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    ExamYear one(@PathVariable int year) {
        return years.byYear(year).orElseThrow(() -> new ExamSetupNotFound("year.notFound", String.valueOf(year)));
    }

    @PostMapping
    @Operation(
            summary = "Create an exam year",
            description = "Each window closes on or after it opens; uploads open on or after registration opens;"
                    + " review opens on or after uploads open and closes on or after uploads close;"
                    + " resubmissionDays 1–60; maxImageBytes 10240–10485760.")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new exam year")
    @ApiResponse(
            responseCode = "400",
            description = "Invalid input; `errors` lists each field with its message",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The exam district has not been set up",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ExamYear> create(@Valid @RequestBody ExamYearForm examYearForm) {
        var created = setup.addYear(examYearForm);
        return ResponseEntity.created(URI.create("/api/v1/admin/exam-years/" + created.year()))
                .body(created);
    }

    @PutMapping("/{year}")
    @Operation(summary = "Change an exam year", description = "The year itself cannot change; rules as for create.")
    @ApiResponse(responseCode = "200", description = "The changed exam year")
    @ApiResponse(
            responseCode = "400",
            description = "Invalid input; `errors` lists each field with its message",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "404",
            description = "No such exam year",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    ExamYear update(@PathVariable int year, @Valid @RequestBody ExamYearForm examYearForm) {
        return setup.updateYear(year, examYearForm);
    }
}
