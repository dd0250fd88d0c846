package cn.qualify.identity;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.Errors;

/**
 * Candidates creating their own account. Either everything is stored (account, used-up code, the
 * {@link CandidateAccountCreated} event) or nothing is, and the errors say why. A candidate whose account an
 * administrator imported (see {@link Accounts#importCandidate}) claims it here: the password is set on that
 * account, which keeps its imported name.
 */
@Service
class Registrations {

    private static final Logger log = LoggerFactory.getLogger(Registrations.class);

    private final RegistrationValidator validator;
    private final PhoneVerifications verifications;
    private final JdbcAccounts accounts;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;

    Registrations(
            RegistrationValidator validator,
            PhoneVerifications verifications,
            JdbcAccounts accounts,
            PasswordEncoder encoder,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.validator = validator;
        this.verifications = verifications;
        this.accounts = accounts;
        this.encoder = encoder;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Sends a verification code to the form's phone; the errors name the phone or the code field otherwise. */
    void sendCode(RegistrationForm form, Errors errors) {
        validator.validatePhone(form, errors);
        if (errors.hasFieldErrors("phone")) {
            return;
        }
        verifications
                .send(form.getPhone())
                .ifPresent(refusal ->
                        errors.rejectValue("code", refusal.messageKey(), new Object[] {refusal.seconds()}, null));
    }

    /**
     * Validates the form and, if it is all right, stores the candidate's account.
     *
     * @return the new account's id; empty when {@code errors} has the reasons
     */
    Optional<Long> register(RegistrationForm form, Errors errors) {
        if (!errors.hasErrors()) {
            validator.validate(form, errors);
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        var outcome = verifications.check(form.getPhone(), form.getCode());
        if (outcome != PhoneVerifications.Outcome.VALID) {
            errors.rejectValue(
                    "code", "identity.register.code." + outcome.name().toLowerCase(java.util.Locale.ROOT));
            return Optional.empty();
        }
        String passwordHash = encoder.encode(form.getPassword());
        try {
            long id = transaction.execute(status -> {
                verifications.consume(form.getPhone());
                var imported = accounts.unclaimedCandidate(form.getIdNumber());
                long created;
                String name = form.getName();
                if (imported.isPresent() && RegistrationValidator.claims(imported.get(), form)) {
                    created = imported.get().id();
                    // the imported name is the one the exam point registered; the candidate keeps it
                    name = imported.get().displayName();
                    if (!accounts.claim(created, passwordHash)) {
                        throw new DuplicateKeyException("Account " + created + " was claimed meanwhile");
                    }
                } else {
                    created = accounts.create(new JdbcAccounts.NewAccount(
                            form.getIdNumber(),
                            form.getIdType(),
                            form.getName(),
                            form.getPhone(),
                            true,
                            null,
                            passwordHash,
                            Role.CANDIDATE,
                            true,
                            Set.of()));
                }
                events.publishEvent(new CandidateAccountCreated(
                        created, form.getIdType(), form.getIdNumber(), name, form.getPhone(), clock.instant()));
                return created;
            });
            log.info("Candidate account {} registered", id);
            return Optional.of(id);
        } catch (DuplicateKeyException raced) {
            errors.rejectValue("idNumber", "identity.register.idNumber.taken");
            return Optional.empty();
        }
    }
}
