package cn.qualify.identity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Candidates create their own account: identity document, name, phone proven by a text message code, password.
 * The "send code" button posts the same form to {@code /register/code}; with htmx it only refreshes the code's
 * status line.
 */
@Controller
@RequestMapping("/register")
class RegistrationController {

    private final Registrations registrations;

    RegistrationController(Registrations registrations) {
        this.registrations = registrations;
    }

    @ModelAttribute("idTypes")
    IdType[] idTypes() {
        return IdType.values();
    }

    @GetMapping
    String form(@ModelAttribute("form") RegistrationForm form) {
        return "identity/register";
    }

    @PostMapping("/code")
    String sendCode(
            @ModelAttribute("form") RegistrationForm form,
            BindingResult errors,
            Model model,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        if (!errors.hasErrors()) {
            registrations.sendCode(form, errors);
        }
        model.addAttribute("codeSent", !errors.hasErrors());
        if (htmx != null) {
            model.addAttribute("htmx", true);
        }
        form.forgetPasswords();
        return htmx != null ? "identity/register :: codeStatus" : "identity/register";
    }

    @PostMapping
    String register(@ModelAttribute("form") RegistrationForm form, BindingResult errors, RedirectAttributes redirect) {
        if (registrations.register(form, errors).isEmpty()) {
            form.forgetPasswords();
            return "identity/register";
        }
        redirect.addFlashAttribute("registered", true);
        redirect.addFlashAttribute("username", form.getIdNumber());
        return "redirect:/login";
    }
}
