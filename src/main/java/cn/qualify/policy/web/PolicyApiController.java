package cn.qualify.policy.web;

import cn.qualify.policy.CandidateFacts;
import cn.qualify.policy.Policies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public evaluation of candidate facts, as fixed by CONTRACT.md: a self-check for would-be candidates and a preview
 * for administrators. No login, nothing stored. Texts follow {@code ?lang}, else {@code Accept-Language}, else
 * Chinese.
 */
@RestController
@Tag(name = "Policy", description = "The policy's checklist and eligibility for any candidate facts (public)")
class PolicyApiController {

    private final Policies policies;

    PolicyApiController(Policies policies) {
        this.policies = policies;
    }

    @Operation(
            summary = "The personal checklist and eligibility findings for candidate facts",
            description = "The facts of CONTRACT.md; answers with the route, the materials with their reasons and"
                    + " clauses, and the findings. Nothing is stored.")
    @ApiResponse(responseCode = "200", description = "The evaluation")
    @ApiResponse(
            responseCode = "400",
            description = "Invalid facts; the problem names the offending field",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping(
            path = "/api/v1/policy/evaluate",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    EvaluationJson evaluate(@Valid @RequestBody CandidateFacts facts) {
        return EvaluationJson.of(policies.evaluate(facts), LocaleContextHolder.getLocale());
    }
}
