package cn.qualify.identity;

import cn.qualify.exam.ExamPoint;
import cn.qualify.exam.ExamPoints;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators' pages for accounts: staff accounts with their scope, and any account's status and password. */
@Controller
@RequestMapping("/admin/accounts")
class AdminAccountsController {

    private final JdbcAccounts accounts;
    private final StaffAccounts staff;
    private final ExamPoints examPoints;
    private final MessageSource messages;

    AdminAccountsController(JdbcAccounts accounts, StaffAccounts staff, ExamPoints examPoints, MessageSource messages) {
        this.accounts = accounts;
        this.staff = staff;
        this.examPoints = examPoints;
        this.messages = messages;
    }

    @ModelAttribute("examPoints")
    List<ExamPoint> examPoints() {
        return examPoints.all();
    }

    @ModelAttribute("examPointNames")
    Map<String, String> examPointNames() {
        return examPoints.all().stream().collect(Collectors.toMap(ExamPoint::code, ExamPoint::name, (a, b) -> a));
    }

    @ModelAttribute("staffRoles")
    List<Role> staffRoles() {
        return List.of(Role.POINT_REVIEWER, Role.DISTRICT_REVIEWER, Role.ADMIN);
    }

    @GetMapping
    String list(@RequestParam(name = "q", required = false) String query, Model model) {
        boolean searching = query != null && !query.isBlank();
        model.addAttribute("q", searching ? query.strip() : "");
        model.addAttribute("accounts", searching ? accounts.search(query, 50) : accounts.staff());
        model.addAttribute("searching", searching);
        return "identity/admin-accounts";
    }

    @GetMapping("/new")
    String newAccount(@ModelAttribute("form") StaffAccountForm form) {
        return "identity/admin-account-new";
    }

    @PostMapping
    String create(@ModelAttribute("form") StaffAccountForm form, BindingResult errors, RedirectAttributes redirect) {
        var id = errors.hasErrors() ? Optional.<Long>empty() : staff.create(form, errors);
        if (id.isEmpty()) {
            form.setPassword(null);
            return "identity/admin-account-new";
        }
        flash(redirect, "flashSuccess", "identity.staff.created");
        return "redirect:/admin/accounts/" + id.get();
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        var account = find(id);
        model.addAttribute("account", account);
        model.addAttribute("form", StaffAccountForm.of(account));
        model.addAttribute("passwordForm", new PasswordResetForm());
        return "identity/admin-account-edit";
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") StaffAccountForm form,
            BindingResult errors,
            Account actor,
            Model model,
            RedirectAttributes redirect) {
        var account = find(id);
        if (errors.hasErrors() || !staff.update(account, form, actor.id(), errors)) {
            model.addAttribute("account", account);
            model.addAttribute("passwordForm", new PasswordResetForm());
            return "identity/admin-account-edit";
        }
        flash(redirect, "flashSuccess", "identity.staff.updated");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/{id}/enabled")
    String setEnabled(
            @PathVariable long id,
            @RequestParam(name = "enabled", defaultValue = "false") boolean enabled,
            Account actor,
            RedirectAttributes redirect) {
        var account = find(id);
        if (staff.setEnabled(account, enabled, actor.id())) {
            flash(redirect, "flashSuccess", enabled ? "identity.staff.enabled" : "identity.staff.disabled");
        } else {
            flash(redirect, "flashError", "identity.staff.ownAccount");
        }
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/{id}/password")
    String resetPassword(
            @PathVariable long id,
            @ModelAttribute("passwordForm") PasswordResetForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var account = find(id);
        if (errors.hasErrors() || !staff.resetPassword(account, form, errors)) {
            form.setPassword(null);
            model.addAttribute("account", account);
            model.addAttribute("form", StaffAccountForm.of(account));
            return "identity/admin-account-edit";
        }
        flash(redirect, "flashSuccess", "identity.staff.passwordReset");
        return "redirect:/admin/accounts/" + id;
    }

    private void flash(RedirectAttributes redirect, String attribute, String code) {
        redirect.addFlashAttribute(attribute, messages.getMessage(code, null, LocaleContextHolder.getLocale()));
    }

    private Account find(long id) {
        return accounts.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
