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
import org.springframework.web.bind.annotation.RestController;

/** The exam points as JSON: maintained by administrators, the active ones readable by anyone. */
@RestController
@Tag(name = "Exam points", description = "The exam points (考点) of the exam district.")
class ExamPointApi {

    /** What anyone may read about an exam point that takes candidates. */
    record PublicExamPoint(String code, String name) {}

    private final ExamSetup setup;
    private final ExamPoints points;

    ExamPointApi(ExamSetup setup, ExamPoints points) {
        this.setup = setup;
        this.points = points;
    }

    @GetMapping("/api/v1/exam-points")
    @Operation(summary = "The active exam points, ordered by code (public, for registration forms)")
    List<PublicExamPoint> active() {
        return points.active().stream()
                .map(point -> new PublicExamPoint(point.code(), point.name()))
                .toList();
    }

    @GetMapping("/api/v1/admin/exam-points")
    @Operation(summary = "Every exam point, active or not, ordered by code (role ADMIN)")
    List<ExamPoint> list() {
        return points.all();
    }

    @GetMapping("/api/v1/admin/exam-points/{code}")
    @Operation(summary = "One exam point (role ADMIN)")
    @ApiResponse(responseCode = "200", description = "The exam point")
    @ApiResponse(
            responseCode = "404",
            description = "No such exam point",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    ExamPoint one(@PathVariable String code) {
        return points.byCode(code).orElseThrow(() -> new ExamSetupNotFound("point.notFound", code));
    }

    @PostMapping("/api/v1/admin/exam-points")
    @Operation(
            summary = "Create an exam point (role ADMIN)",
            description = "code: the 4-digit GB/T 2260 city code inside the district's province, e.g. 2101;"
                    + " name unique in the district; active defaults to true.")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new exam point")
    @ApiResponse(
            responseCode = "400",
            description = "Invalid input or duplicate; `errors` lists each field with its message",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The exam district has not been set up",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ExamPoint> create(@Valid @RequestBody ExamPointForm examPointForm) {
        var created = setup.addPoint(examPointForm);
        return ResponseEntity.created(URI.create("/api/v1/admin/exam-points/" + created.code()))
                .body(created);
    }

    @PutMapping("/api/v1/admin/exam-points/{code}")
    @Operation(
            summary = "Rename, deactivate or reactivate an exam point (role ADMIN)",
            description = "The code cannot change; an absent `active` keeps the current state.")
    @ApiResponse(responseCode = "200", description = "The changed exam point")
    @ApiResponse(
            responseCode = "400",
            description = "Invalid input; `errors` lists each field with its message",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "404",
            description = "No such exam point",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    ExamPoint update(@PathVariable String code, @Valid @RequestBody ExamPointForm examPointForm) {
        return setup.updatePoint(code, examPointForm);
    }
}
