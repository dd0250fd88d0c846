package cn.qualify.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The JSON twin of {@code /register}: public, CSRF-protected like every state-changing call. */
@RestController
@RequestMapping("/api/v1/auth/register")
@Tag(name = "Authentication")
class RegistrationApiController {

    record CodeRequest(String phone) {}

    private final Registrations registrations;
    private final FieldProblems problems;

    RegistrationApiController(Registrations registrations, FieldProblems problems) {
        this.registrations = registrations;
        this.problems = problems;
    }

    /** Sends a verification code: 202; 400 for a bad phone; 429 when the phone got a code too recently. */
    @Operation(summary = "Send a verification code by SMS to the phone of a new account")
    @ApiResponse(responseCode = "202", description = "Sent")
    @ApiResponse(
            responseCode = "400",
            description = "Not a mainland mobile number",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "429",
            description = "The phone got a code too recently",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping("/code")
    ResponseEntity<?> sendCode(@RequestBody CodeRequest body) {
        var form = new RegistrationForm();
        form.setPhone(body.phone());
        var errors = new BeanPropertyBindingResult(form, "registration");
        registrations.sendCode(form, errors);
        if (errors.hasFieldErrors("phone")) {
            return ResponseEntity.badRequest().body(problems.of(errors));
        }
        if (errors.hasErrors()) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .body(problems.of(HttpStatus.TOO_MANY_REQUESTS, errors));
        }
        return ResponseEntity.accepted().body(Map.of("phone", form.getPhone()));
    }

    /** Creates the candidate's account: 201 with its id and login name; 400 naming every invalid field. */
    @Operation(
            summary = "Create a candidate's account",
            description = "Identity document, name, phone with its verification code and password; an account that an"
                    + " administrator imported is claimed with the same document and phone.")
    @ApiResponse(responseCode = "201", description = "Created; the body gives the id and login name")
    @ApiResponse(
            responseCode = "400",
            description = "Invalid fields; `errors` names each field with its message",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping
    ResponseEntity<?> register(@RequestBody RegistrationForm form) {
        var errors = new BeanPropertyBindingResult(form, "registration");
        var id = registrations.register(form, errors);
        if (id.isEmpty()) {
            return ResponseEntity.badRequest().body(problems.of(errors));
        }
        return ResponseEntity.created(URI.create("/api/v1/auth/me"))
                .body(Map.of("id", id.get(), "loginName", form.getIdNumber()));
    }
}
