package cn.qualify.registration;

import cn.qualify.exam.ExamPoints;
import cn.qualify.identity.Account;
import cn.qualify.identity.IdType;
import cn.qualify.identity.InvalidIdNumberException;
import cn.qualify.identity.ResidentIdCard;
import cn.qualify.policy.Policies;
import cn.qualify.shared.ExamDays;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The candidate's registration info (报名信息): {@code GET /candidate/registration} shows it with the checklist the
 * policy computes from it and the way to the upload page; {@code /candidate/registration/edit} is the form, which
 * posts back to {@code /candidate/registration}. While the info is locked the page says why and offers no form.
 */
@Controller
@RequestMapping("/candidate/registration")
class CandidateRegistrationController {

    /** Times are shown as in China, where the exam takes place. */
    static final ZoneId EXAM_ZONE = ExamDays.ZONE;

    private final CandidateRegistrations registrations;
    private final ExamPoints examPoints;
    private final Policies policies;
    private final LockMessages lockMessages;
    private final MessageSource messages;

    CandidateRegistrationController(
            CandidateRegistrations registrations,
            ExamPoints examPoints,
            Policies policies,
            LockMessages lockMessages,
            MessageSource messages) {
        this.registrations = registrations;
        this.examPoints = examPoints;
        this.policies = policies;
        this.lockMessages = lockMessages;
        this.messages = messages;
    }

    @InitBinder("form")
    void initBinder(WebDataBinder binder) {
        RegistrationPages.configure(binder);
    }

    @GetMapping
    String view(Account account, Model model) {
        var situation = registrations.situation(account);
        addSituation(account, situation, model);
        situation.registration().ifPresent(registration -> {
            model.addAttribute("registration", registration);
            model.addAttribute("evaluation", policies.evaluate(registration.facts()));
            model.addAttribute("updatedAt", LocalDateTime.ofInstant(registration.updatedAt(), EXAM_ZONE));
            model.addAttribute(
                    "examPoint", examPoints.byCode(registration.examPointCode()).orElse(null));
        });
        return "registration/view";
    }

    @GetMapping("/edit")
    String edit(Account account, Model model, RedirectAttributes redirect, Locale locale) {
        var situation = registrations.situation(account);
        if (!situation.editable()) {
            return lockedRedirect(situation.lock(), redirect, locale);
        }
        var form = situation
                .registration()
                .map(RegistrationForm::of)
                .orElseGet(() -> RegistrationForm.blank(account.phone()));
        model.addAttribute("form", form);
        return editPage(account, situation, model);
    }

    @PostMapping
    String save(
            Account account,
            @ModelAttribute("form") RegistrationForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        var problems = new Problems();
        try {
            if (errors.hasErrors()) {
                // a value that did not bind must not be saved as blank: the rest is checked to name every problem
                registrations.check(account, form.toDetails(), problems);
            } else if (registrations.save(account, form.toDetails(), problems).isPresent()) {
                redirect.addFlashAttribute("flashSuccess", messages.getMessage("registration.saved", null, locale));
                return "redirect:/candidate/registration";
            }
        } catch (RegistrationLockedException locked) {
            return lockedRedirect(locked.lock(), redirect, locale);
        }
        RegistrationPages.report(problems, form, errors);
        return editPage(account, registrations.situation(account), model);
    }

    private String editPage(Account account, CandidateRegistrations.Situation situation, Model model) {
        addSituation(account, situation, model);
        RegistrationPages.addChoices(model);
        var choices = new java.util.ArrayList<>(examPoints.active());
        // a point that was retired after the candidate chose it stays visible, so that the change is deliberate
        situation
                .registration()
                .flatMap(registration -> examPoints.byCode(registration.examPointCode()))
                .filter(point -> !point.active())
                .ifPresent(choices::add);
        model.addAttribute("examPoints", choices);
        return "registration/edit";
    }

    private String lockedRedirect(Lock lock, RedirectAttributes redirect, Locale locale) {
        redirect.addFlashAttribute("flashError", lockMessages.of(lock, locale));
        return "redirect:/candidate/registration";
    }

    private void addSituation(Account account, CandidateRegistrations.Situation situation, Model model) {
        model.addAttribute("editable", situation.editable());
        model.addAttribute(
                "examYear", situation.year() == null ? null : situation.year().year());
        model.addAttribute("account", account);
        model.addAttribute("derivesFromId", account.idType() == IdType.RESIDENT_ID_CARD);
        if (account.idType() == IdType.RESIDENT_ID_CARD) {
            try {
                var card = ResidentIdCard.of(account.loginName());
                model.addAttribute("derivedGender", card.gender().name());
                model.addAttribute("derivedBirthDate", card.birthDate());
            } catch (InvalidIdNumberException e) {
                // an account of an older rule: the page shows the document as it is and saving names the problem
            }
        }
        if (situation.lock() != null) {
            model.addAttribute("lockMessage", lockMessages.of(situation.lock(), LocaleContextHolder.getLocale()));
        }
    }
}
