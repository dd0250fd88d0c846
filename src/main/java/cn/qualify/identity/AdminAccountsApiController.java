package cn.qualify.identity;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Accounts for administrators, as JSON. Staff accounts are created and changed here; any account can be enabled,
 * disabled or given a new password. Validation errors answer 400 naming each field.
 */
@RestController
@RequestMapping("/api/v1/admin/accounts")
class AdminAccountsApiController {

    record EnabledRequest(Boolean enabled) {}

    private final JdbcAccounts accounts;
    private final StaffAccounts staff;
    private final FieldProblems problems;

    AdminAccountsApiController(JdbcAccounts accounts, StaffAccounts staff, FieldProblems problems) {
        this.accounts = accounts;
        this.staff = staff;
        this.problems = problems;
    }

    /**
     * Staff accounts; with {@code q}, at most 50 accounts of any role whose login name or name contains it. In
     * this list a candidate's login name (an ID number) is masked; {@code GET /{id}} shows it whole.
     */
    @GetMapping
    List<Account> list(@RequestParam(name = "q", required = false) String query) {
        var found = query == null || query.isBlank() ? accounts.staff() : accounts.search(query, 50);
        return found.stream()
                .map(a -> new Account(
                        a.id(),
                        a.maskedLoginName(),
                        a.idType(),
                        a.displayName(),
                        a.role(),
                        a.examPointCodes(),
                        a.phone(),
                        a.enabled()))
                .toList();
    }

    @GetMapping("/{id}")
    Account get(@PathVariable long id) {
        return find(id);
    }

    /** Creates a staff account: 201 with the account. */
    @PostMapping
    ResponseEntity<?> create(@RequestBody StaffAccountForm form) {
        var errors = new BeanPropertyBindingResult(form, "account");
        var id = staff.create(form, errors);
        if (id.isEmpty()) {
            return ResponseEntity.badRequest().body(problems.of(errors));
        }
        return ResponseEntity.created(URI.create("/api/v1/admin/accounts/" + id.get()))
                .body(find(id.get()));
    }

    /** Changes name, role, phone and exam points of a staff account (user name and password stay). */
    @PutMapping("/{id}")
    ResponseEntity<?> update(@PathVariable long id, @RequestBody StaffAccountForm form, Account actor) {
        var account = find(id);
        var errors = new BeanPropertyBindingResult(form, "account");
        if (!staff.update(account, form, actor.id(), errors)) {
            return ResponseEntity.badRequest().body(problems.of(errors));
        }
        return ResponseEntity.ok(find(id));
    }

    /** Enables or disables an account; disabling ends its sessions. Administrators cannot disable themselves. */
    @PutMapping("/{id}/enabled")
    ResponseEntity<?> setEnabled(@PathVariable long id, @RequestBody EnabledRequest body, Account actor) {
        var account = find(id);
        if (body.enabled() == null) {
            return ResponseEntity.badRequest()
                    .body(problems.single(HttpStatus.BAD_REQUEST, "identity.staff.enabled.required"));
        }
        if (!staff.setEnabled(account, body.enabled(), actor.id())) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(problems.single(HttpStatus.CONFLICT, "identity.staff.ownAccount"));
        }
        return ResponseEntity.ok(find(id));
    }

    /** Sets a new password, which must follow the password policy; ends the account's sessions. 204. */
    @PutMapping("/{id}/password")
    ResponseEntity<?> resetPassword(@PathVariable long id, @RequestBody PasswordResetForm form) {
        var account = find(id);
        var errors = new BeanPropertyBindingResult(form, "password");
        if (!staff.resetPassword(account, form, errors)) {
            return ResponseEntity.badRequest().body(problems.of(errors));
        }
        return ResponseEntity.noContent().build();
    }

    private Account find(long id) {
        return accounts.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
