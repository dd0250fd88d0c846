package cn.qualify.registration;

import cn.qualify.identity.Account;
import cn.qualify.identity.IdType;
import cn.qualify.policy.CandidateFacts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON twin of the candidate's registration page. {@code GET} answers the registration info of the current exam
 * year (before the first save: what the account already gives, {@code saved: false}); {@code PUT} replaces it with
 * the body ({@link RegistrationDetails}) and answers as {@code GET} does. A refused {@code PUT} changes nothing: 400
 * with {@code errors} naming every field ({@code phone}, {@code facts.institution.type}…), 409 when the info is
 * locked ({@code reason}: APPLICATION_SUBMITTED, NOT_YET_OPEN, CLOSED, NO_EXAM_YEAR). Like every state-changing
 * call, {@code PUT} needs the CSRF header.
 */
@RestController
@RequestMapping("/api/v1/candidate/registration")
@Tag(
        name = "Candidate registration info",
        description = "The logged-in candidate's registration info (报名信息) for the current exam year. Saving another"
                + " exam point moves a draft application along.")
class CandidateRegistrationApi {

    /**
     * The registration info as the API shows it.
     *
     * @param saved false until the candidate (or an import) has saved it; only the account's fields are given then
     * @param editable whether a {@code PUT} may change it now
     * @param lockedReason why not, if not
     * @param genderAndBirthDateFromIdNumber gender and birth date come from the 居民身份证 number and are not taken
     *     from the body
     */
    record RegistrationJson(
            int examYear,
            boolean saved,
            boolean editable,
            Lock.Reason lockedReason,
            String lockedMessage,
            String name,
            IdType idType,
            String idNumber,
            boolean genderAndBirthDateFromIdNumber,
            String gender,
            LocalDate birthDate,
            String phone,
            String email,
            String school,
            String major,
            String examPointCode,
            CandidateFacts facts,
            Instant updatedAt) {}

    private final CandidateRegistrations registrations;
    private final LockMessages lockMessages;
    private final MessageSource messages;

    CandidateRegistrationApi(CandidateRegistrations registrations, LockMessages lockMessages, MessageSource messages) {
        this.registrations = registrations;
        this.lockMessages = lockMessages;
        this.messages = messages;
    }

    @Operation(
            summary = "The registration info of the current exam year",
            description = "Before the first save, `saved` is false and only what the account gives is filled in;"
                    + " `editable` and `lockedReason` say whether a PUT may change it now.")
    @ApiResponse(responseCode = "200", description = "The registration info")
    @ApiResponse(
            responseCode = "404",
            description = "No exam year has been set up",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping
    ResponseEntity<?> get(Account account) {
        var situation = registrations.situation(account);
        if (situation.year() == null) {
            return problem(HttpStatus.NOT_FOUND, situation.lock());
        }
        return ResponseEntity.ok(json(account, situation));
    }

    @Operation(
            summary = "Replace the registration info",
            description = "Gender and birth date come from a 居民身份证 number and are ignored then; the facts follow the"
                    + " policy contract. A refused PUT changes nothing.")
    @ApiResponse(responseCode = "200", description = "Saved; answers as GET does")
    @ApiResponse(
            responseCode = "400",
            description =
                    "Invalid fields; `errors` names each field (e.g. `phone`, `facts.institution.type`) with its message",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "409",
            description = "Locked; `reason` is APPLICATION_SUBMITTED, NOT_YET_OPEN, CLOSED or NO_EXAM_YEAR",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @PutMapping
    ResponseEntity<?> put(Account account, @RequestBody RegistrationDetails body) {
        var problems = new Problems();
        try {
            if (registrations.save(account, body, problems).isEmpty()) {
                return ResponseEntity.badRequest().body(invalid(problems));
            }
        } catch (RegistrationLockedException locked) {
            return problem(HttpStatus.CONFLICT, locked.lock());
        }
        return ResponseEntity.ok(json(account, registrations.situation(account)));
    }

    private RegistrationJson json(Account account, CandidateRegistrations.Situation situation) {
        var locale = LocaleContextHolder.getLocale();
        var lock = situation.lock();
        var registration = situation.registration();
        return new RegistrationJson(
                situation.year().year(),
                registration.isPresent(),
                lock == null,
                lock == null ? null : lock.reason(),
                lock == null ? null : lockMessages.of(lock, locale),
                registration.map(Registration::name).orElse(account.displayName()),
                account.idType(),
                account.loginName(),
                account.idType() == IdType.RESIDENT_ID_CARD,
                registration.map(Registration::gender).orElse(null),
                registration.map(Registration::birthDate).orElse(null),
                registration.map(Registration::phone).orElse(account.phone()),
                registration.map(Registration::email).orElse(null),
                registration.map(Registration::school).orElse(null),
                registration.map(Registration::major).orElse(null),
                registration.map(Registration::examPointCode).orElse(null),
                registration.map(Registration::facts).orElse(null),
                registration.map(Registration::updatedAt).orElse(null));
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, Lock lock) {
        var locale = LocaleContextHolder.getLocale();
        var problem = ProblemDetail.forStatus(status);
        problem.setTitle(messages.getMessage("registration.api.locked.title", null, locale));
        problem.setDetail(lockMessages.of(lock, locale));
        problem.setProperty("reason", lock.reason().name());
        return ResponseEntity.status(status).body(problem);
    }

    private ProblemDetail invalid(Problems problems) {
        var locale = LocaleContextHolder.getLocale();
        var problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle(messages.getMessage("problem.invalid.title", null, locale));
        List<Map<String, String>> errors = problems.all().stream()
                .map(p -> Map.of(
                        "field",
                        p.field() == null ? "" : p.field(),
                        "message",
                        messages.getMessage(p.message(), locale)))
                .toList();
        problem.setDetail(errors.stream()
                .map(e -> e.get("field") + ": " + e.get("message"))
                .collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return problem;
    }
}
