package cn.qualify.notification;

import cn.qualify.application.ApplicationRuleViolation;
import cn.qualify.exam.ExamPoints;
import cn.qualify.identity.Account;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators' pages: the dead-letter list with retry, and deadline extensions (二.7). */
@Controller
class AdminNotificationController {

    private final DeliveryDispatcher dispatcher;
    private final DeadlineExtensions extensions;
    private final ExamPoints examPoints;
    private final MessageSource messages;
    private final Clock clock;

    AdminNotificationController(
            DeliveryDispatcher dispatcher,
            DeadlineExtensions extensions,
            ExamPoints examPoints,
            MessageSource messages,
            Clock clock) {
        this.dispatcher = dispatcher;
        this.extensions = extensions;
        this.examPoints = examPoints;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/admin/notifications/dead-letters")
    String deadLetters(Model model) {
        model.addAttribute("deadLetters", dispatcher.deadLetters());
        return "notification/dead-letters";
    }

    @PostMapping("/admin/notifications/dead-letters/{id}/retry")
    String retry(@PathVariable UUID id, RedirectAttributes redirect, Locale locale) {
        var key = dispatcher.retry(id, clock.instant())
                ? "notification.deadLetters.retried"
                : "notification.deadLetters.notDead";
        redirect.addFlashAttribute("flashSuccess", messages.getMessage(key, null, locale));
        return "redirect:/admin/notifications/dead-letters";
    }

    @GetMapping("/admin/deadlines")
    String deadlines(@RequestParam(required = false) String examPoint, Model model) {
        model.addAttribute("examPoints", examPoints.all());
        model.addAttribute("examPoint", examPoint);
        model.addAttribute("today", extensions.today());
        model.addAttribute("now", clock.instant());
        model.addAttribute(
                "returned",
                examPoint == null || examPoint.isBlank()
                        ? java.util.List.of()
                        : extensions.returnedAt(examPoint).stream()
                                .map(ReturnedView::of)
                                .toList());
        return "notification/deadlines";
    }

    @PostMapping("/admin/deadlines/applications/{id}")
    String extendOne(
            Account admin,
            @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lastDay,
            @RequestParam(required = false) String examPoint,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            extensions.extend(admin, id, lastDay);
            redirect.addFlashAttribute(
                    "flashSuccess", messages.getMessage("notification.deadline.extended", null, locale));
        } catch (ApplicationRuleViolation refused) {
            redirect.addFlashAttribute(
                    "flashError", messages.getMessage(refused.messageKey(), refused.arguments(), locale));
        }
        redirect.addAttribute("examPoint", examPoint);
        return "redirect:/admin/deadlines";
    }

    @PostMapping("/admin/deadlines/exam-points/{code}")
    String extendExamPoint(
            Account admin,
            @PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lastDay,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            int count = extensions.extendExamPoint(admin, code, lastDay);
            redirect.addFlashAttribute(
                    "flashSuccess",
                    messages.getMessage("notification.deadline.extendedAll", new Object[] {count}, locale));
        } catch (ApplicationRuleViolation refused) {
            redirect.addFlashAttribute(
                    "flashError", messages.getMessage(refused.messageKey(), refused.arguments(), locale));
        }
        redirect.addAttribute("examPoint", code);
        return "redirect:/admin/deadlines";
    }

    /** A returned application as the extension page lists it. */
    public record ReturnedView(
            UUID id, String number, String examPointCode, String lastDay, java.time.Instant deadline) {
        static ReturnedView of(cn.qualify.application.RevisionDue due) {
            return new ReturnedView(
                    due.id(),
                    due.number(),
                    due.examPointCode(),
                    DecisionNotifications.lastDay(due.deadline()),
                    due.deadline());
        }
    }
}
