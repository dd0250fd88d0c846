package cn.qualify.notification;

import cn.qualify.identity.Account;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The candidate's inbox and channel choices as JSON. */
@RestController
@RequestMapping("/api/v1/candidate")
@Tag(name = "Candidate notifications")
class CandidateInboxApiController {

    private final Inbox inbox;
    private final JdbcPreferences preferences;
    private final ChannelChoices choices;
    private final MessageSource messages;

    CandidateInboxApiController(
            Inbox inbox, JdbcPreferences preferences, ChannelChoices choices, MessageSource messages) {
        this.inbox = inbox;
        this.preferences = preferences;
        this.choices = choices;
        this.messages = messages;
    }

    record InboxJson(long unread, List<InboxMessage> messages) {}

    record PreferencesJson(
            boolean email,
            boolean sms,
            boolean wechat,
            String emailAddress,
            String wechatOpenId,
            Set<Channel> available) {}

    @GetMapping("/inbox")
    @Operation(summary = "The candidate's messages, newest first (at most 100), and the number unread")
    InboxJson inbox(Account candidate, Locale locale) {
        var id = CandidateInboxController.candidateId(candidate);
        return new InboxJson(inbox.unread(id), inbox.of(id, locale));
    }

    @PostMapping("/inbox/{id}/read")
    @Operation(summary = "Mark one of the candidate's messages read")
    ResponseEntity<Void> read(Account candidate, @PathVariable UUID id) {
        return inbox.markRead(CandidateInboxController.candidateId(candidate), id)
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    @GetMapping("/notification-preferences")
    @Operation(summary = "The candidate's channels (the inbox is always on) and the channels offered here")
    PreferencesJson preferences(Account candidate) {
        return json(preferences.of(CandidateInboxController.candidateId(candidate)));
    }

    @PutMapping("/notification-preferences")
    @Operation(summary = "Choose channels: e-mail, SMS, WeChat; an e-mail address overrides the registration's")
    PreferencesJson choose(Account candidate, @RequestBody PreferencesJson body) {
        var id = CandidateInboxController.candidateId(candidate);
        choices.save(
                id, new Preferences(body.email(), body.sms(), body.wechat(), body.emailAddress(), body.wechatOpenId()));
        return json(preferences.of(id));
    }

    @ExceptionHandler
    ProblemDetail invalid(IllegalArgumentException invalid, Locale locale) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, messages.getMessage(invalid.getMessage(), null, invalid.getMessage(), locale));
        problem.setProperty("code", invalid.getMessage());
        return problem;
    }

    private PreferencesJson json(Preferences chosen) {
        return new PreferencesJson(
                chosen.email(),
                chosen.sms(),
                chosen.wechat(),
                chosen.emailAddress(),
                chosen.wechatOpenId(),
                choices.available());
    }
}
