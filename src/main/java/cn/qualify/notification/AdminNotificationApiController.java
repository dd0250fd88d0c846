package cn.qualify.notification;

import cn.qualify.application.ApplicationRuleViolation;
import cn.qualify.application.StaleApplicationException;
import cn.qualify.identity.Account;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators' API: dead letters and deadline extensions (二.7). */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Admin notifications and deadlines")
class AdminNotificationApiController {

    private final DeliveryDispatcher dispatcher;
    private final DeadlineExtensions extensions;
    private final MessageSource messages;
    private final Clock clock;

    AdminNotificationApiController(
            DeliveryDispatcher dispatcher, DeadlineExtensions extensions, MessageSource messages, Clock clock) {
        this.dispatcher = dispatcher;
        this.extensions = extensions;
        this.messages = messages;
        this.clock = clock;
    }

    record LastDayJson(LocalDate lastDay) {}

    record ExtendedJson(int extended) {}

    @GetMapping("/notifications/dead-letters")
    @Operation(summary = "Deliveries that failed every attempt, newest first")
    List<DeadLetter> deadLetters() {
        return dispatcher.deadLetters();
    }

    @PostMapping("/notifications/dead-letters/{id}/retry")
    @Operation(summary = "Put a dead delivery back in line for an immediate attempt")
    ResponseEntity<Void> retry(@PathVariable UUID id) {
        return dispatcher.retry(id, clock.instant())
                ? ResponseEntity.accepted().build()
                : ResponseEntity.notFound().build();
    }

    @PostMapping("/deadlines/applications/{id}")
    @Operation(summary = "Extend one returned application's revision deadline to the end of a later last day")
    ExtendedJson extendOne(Account admin, @PathVariable UUID id, @RequestBody LastDayJson body) {
        extensions.extend(admin, id, body.lastDay());
        return new ExtendedJson(1);
    }

    @PostMapping("/deadlines/exam-points/{code}")
    @Operation(summary = "Extend the deadline of every returned application of an exam point whose deadline is earlier")
    ExtendedJson extendExamPoint(Account admin, @PathVariable String code, @RequestBody LastDayJson body) {
        return new ExtendedJson(extensions.extendExamPoint(admin, code, body.lastDay()));
    }

    @ExceptionHandler
    ProblemDetail refused(ApplicationRuleViolation refused, Locale locale) {
        var status = refused instanceof StaleApplicationException
                        || refused.messageKey().startsWith("application.extend.notReturned")
                        || refused.messageKey().equals("application.extend.alreadyPassed")
                ? HttpStatus.CONFLICT
                : refused.messageKey().equals("notification.deadline.unknown")
                        ? HttpStatus.NOT_FOUND
                        : HttpStatus.BAD_REQUEST;
        var problem = ProblemDetail.forStatusAndDetail(
                status, messages.getMessage(refused.messageKey(), refused.arguments(), locale));
        problem.setProperty("code", refused.messageKey());
        return problem;
    }
}
