package cn.qualify.identity;

import cn.qualify.exam.ExamPoints;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.validation.Errors;

/**
 * Administrators managing accounts: staff accounts with their role and exam-point scope, and for every account
 * enabling, disabling and setting a new password. Disabling an account or resetting its password ends its
 * sessions. An administrator cannot disable or demote their own account, so that one is always left.
 */
@Service
class StaffAccounts {

    private static final Logger log = LoggerFactory.getLogger(StaffAccounts.class);
    static final Pattern USER_NAME = Pattern.compile("[a-z][a-z0-9._-]{2,31}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final JdbcAccounts accounts;
    private final ExamPoints examPoints;
    private final PasswordPolicy passwords;
    private final PasswordEncoder encoder;
    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

    StaffAccounts(
            JdbcAccounts accounts,
            ExamPoints examPoints,
            PasswordPolicy passwords,
            PasswordEncoder encoder,
            ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
        this.accounts = accounts;
        this.examPoints = examPoints;
        this.passwords = passwords;
        this.encoder = encoder;
        this.sessions = sessions;
    }

    /** @return the new account's id; empty when {@code errors} has the reasons */
    Optional<Long> create(StaffAccountForm form, Errors errors) {
        form.setUserName(
                form.getUserName() == null ? "" : form.getUserName().strip().toLowerCase(Locale.ROOT));
        if (form.getUserName().isEmpty()) {
            errors.rejectValue("userName", "identity.staff.userName.required");
        } else if (!USER_NAME.matcher(form.getUserName()).matches()) {
            errors.rejectValue("userName", "identity.staff.userName.invalid");
        } else if (accounts.loginNameTaken(form.getUserName())) {
            errors.rejectValue("userName", "identity.staff.userName.taken");
        }
        validateProfile(form, errors);
        passwords
                .violation(form.getPassword(), form.getUserName())
                .ifPresent(key -> errors.rejectValue("password", key, new Object[] {PasswordPolicy.MIN_LENGTH}, null));
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        try {
            long id = accounts.create(new JdbcAccounts.NewAccount(
                    form.getUserName(),
                    null,
                    form.getDisplayName(),
                    form.getPhone(),
                    false,
                    form.getEmail(),
                    encoder.encode(form.getPassword()),
                    form.getRole(),
                    true,
                    scopeOf(form)));
            log.info("Staff account {} ({}) created", form.getUserName(), form.getRole());
            return Optional.of(id);
        } catch (DuplicateKeyException raced) {
            errors.rejectValue("userName", "identity.staff.userName.taken");
            return Optional.empty();
        }
    }

    /** Changes name, role and scope of a staff account; false with reasons in {@code errors} otherwise. */
    boolean update(Account account, StaffAccountForm form, long actorId, Errors errors) {
        if (!account.role().isStaff()) {
            errors.reject("identity.staff.notStaff");
            return false;
        }
        validateProfile(form, errors);
        if (account.id() == actorId && form.getRole() != null && form.getRole() != Role.ADMIN) {
            errors.rejectValue("role", "identity.staff.ownRole");
        }
        if (errors.hasErrors()) {
            return false;
        }
        accounts.updateStaff(account.id(), form.getDisplayName(), form.getRole(), form.getPhone(), scopeOf(form));
        log.info("Staff account {} changed to {} {}", account.loginName(), form.getRole(), scopeOf(form));
        return true;
    }

    /** Enables or disables any account except the actor's own; false if it was the actor's own. */
    boolean setEnabled(Account account, boolean enabled, long actorId) {
        if (account.id() == actorId && !enabled) {
            return false;
        }
        accounts.setEnabled(account.id(), enabled);
        if (!enabled) {
            endSessions(account);
        }
        log.info("Account {} {}", account.id(), enabled ? "enabled" : "disabled");
        return true;
    }

    boolean resetPassword(Account account, PasswordResetForm form, Errors errors) {
        passwords
                .violation(form.getPassword(), account.loginName())
                .ifPresent(key -> errors.rejectValue("password", key, new Object[] {PasswordPolicy.MIN_LENGTH}, null));
        if (errors.hasErrors()) {
            return false;
        }
        accounts.setPasswordHash(account.id(), encoder.encode(form.getPassword()));
        endSessions(account);
        log.info("Password of account {} reset by an administrator", account.id());
        return true;
    }

    private void validateProfile(StaffAccountForm form, Errors errors) {
        form.setDisplayName(
                form.getDisplayName() == null ? "" : form.getDisplayName().strip());
        if (form.getDisplayName().isEmpty()) {
            errors.rejectValue("displayName", "identity.staff.displayName.required");
        } else if (form.getDisplayName().length() > 50) {
            errors.rejectValue("displayName", "identity.staff.displayName.tooLong");
        }
        if (form.getRole() == null || !form.getRole().isStaff()) {
            errors.rejectValue("role", "identity.staff.role.required");
        } else if (form.getRole() == Role.POINT_REVIEWER) {
            var codes = form.getExamPointCodes().stream()
                    .filter(code -> code != null && !code.isBlank())
                    .map(String::strip)
                    .toList();
            form.setExamPointCodes(codes);
            if (codes.isEmpty()) {
                errors.rejectValue("examPointCodes", "identity.staff.examPoints.required");
            }
            codes.stream()
                    .filter(code -> examPoints.byCode(code).isEmpty())
                    .findFirst()
                    .ifPresent(code -> errors.rejectValue(
                            "examPointCodes", "identity.staff.examPoints.unknown", new Object[] {code}, null));
        }
        String phone = PhoneNumbers.normalise(form.getPhone());
        form.setPhone(phone.isEmpty() ? null : phone);
        if (!phone.isEmpty() && !PhoneNumbers.isMobile(phone)) {
            errors.rejectValue("phone", "identity.phone.invalid");
        }
        String email = form.getEmail() == null ? "" : form.getEmail().strip();
        form.setEmail(email.isEmpty() ? null : email);
        if (!email.isEmpty() && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            errors.rejectValue("email", "identity.staff.email.invalid");
        }
    }

    private static Set<String> scopeOf(StaffAccountForm form) {
        return form.getRole() == Role.POINT_REVIEWER ? new LinkedHashSet<>(form.getExamPointCodes()) : Set.of();
    }

    private void endSessions(Account account) {
        sessions.ifAvailable(repository ->
                repository.findByPrincipalName(account.loginName()).keySet().forEach(repository::deleteById));
    }
}
