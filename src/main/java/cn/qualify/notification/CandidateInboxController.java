package cn.qualify.notification;

import cn.qualify.identity.Account;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The candidate's inbox and their choice of channels. */
@Controller
class CandidateInboxController {

    private final Inbox inbox;
    private final JdbcPreferences preferences;
    private final ChannelChoices choices;
    private final MessageSource messages;

    CandidateInboxController(Inbox inbox, JdbcPreferences preferences, ChannelChoices choices, MessageSource messages) {
        this.inbox = inbox;
        this.preferences = preferences;
        this.choices = choices;
        this.messages = messages;
    }

    @GetMapping("/candidate/inbox")
    String inbox(Account candidate, Model model, Locale locale) {
        model.addAttribute("messages", inbox.of(candidateId(candidate), locale));
        return "notification/inbox";
    }

    @PostMapping("/candidate/inbox/{id}/read")
    String read(Account candidate, @PathVariable UUID id) {
        inbox.markRead(candidateId(candidate), id);
        return "redirect:/candidate/inbox";
    }

    @PostMapping("/candidate/inbox/read-all")
    String readAll(Account candidate) {
        inbox.markAllRead(candidateId(candidate));
        return "redirect:/candidate/inbox";
    }

    @GetMapping("/candidate/notifications")
    String preferences(Account candidate, Model model) {
        model.addAttribute("preferences", preferences.of(candidateId(candidate)));
        var available = choices.available();
        model.addAttribute("emailAvailable", available.contains(Channel.EMAIL));
        model.addAttribute("wechatAvailable", available.contains(Channel.WECHAT));
        model.addAttribute("phone", candidate.phone() == null ? "" : Recipient.masked(candidate.phone()));
        return "notification/preferences";
    }

    @PostMapping("/candidate/notifications")
    String savePreferences(
            Account candidate,
            @RequestParam(defaultValue = "false") boolean email,
            @RequestParam(defaultValue = "false") boolean sms,
            @RequestParam(defaultValue = "false") boolean wechat,
            @RequestParam(required = false) String emailAddress,
            @RequestParam(required = false) String wechatOpenId,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            choices.save(candidateId(candidate), new Preferences(email, sms, wechat, emailAddress, wechatOpenId));
            redirect.addFlashAttribute(
                    "flashSuccess", messages.getMessage("notification.preferences.saved", null, locale));
        } catch (IllegalArgumentException invalid) {
            redirect.addFlashAttribute("flashError", messages.getMessage(invalid.getMessage(), null, locale));
        }
        return "redirect:/candidate/notifications";
    }

    static String candidateId(Account candidate) {
        return String.valueOf(candidate.id());
    }
}
