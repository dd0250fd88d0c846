package cn.qualify.identity;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Checks a {@link RegistrationForm} field by field, each with its own message key, and normalises what it accepts
 * (document number in upper case without spaces, phone without separators). The verification code's value is
 * checked later, by {@link Registrations}, because checking it uses up an attempt. A document number that an
 * administrator imported is not taken for the candidate who registers with its document type and phone.
 */
@Component
class RegistrationValidator implements Validator {

    private final JdbcAccounts accounts;
    private final PasswordPolicy passwords;
    private final Clock clock;

    RegistrationValidator(JdbcAccounts accounts, PasswordPolicy passwords, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public boolean supports(Class<?> type) {
        return RegistrationForm.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        var form = (RegistrationForm) target;
        String loginName = validateDocument(form, errors);

        form.setName(PersonNames.normalise(form.getName()));
        PersonNames.violation(form.getName()).ifPresent(key -> errors.rejectValue("name", key));

        validatePhone(form, errors);

        passwords
                .violation(form.getPassword(), loginName)
                .ifPresent(key -> errors.rejectValue("password", key, new Object[] {PasswordPolicy.MIN_LENGTH}, null));
        if (form.getPassword() != null
                && !form.getPassword().isEmpty()
                && !form.getPassword().equals(form.getPasswordConfirmation())) {
            errors.rejectValue("passwordConfirmation", "identity.password.mismatch");
        }

        String code = form.getCode() == null ? "" : form.getCode().strip();
        form.setCode(code);
        if (code.isEmpty()) {
            errors.rejectValue("code", "identity.register.code.required");
        } else if (!code.matches("\\d{6}")) {
            errors.rejectValue("code", "identity.register.code.format");
        }
    }

    /** Validates the phone field alone, as requesting a code needs. */
    void validatePhone(RegistrationForm form, Errors errors) {
        form.setPhone(PhoneNumbers.normalise(form.getPhone()));
        if (form.getPhone().isEmpty()) {
            errors.rejectValue("phone", "identity.phone.required");
        } else if (!PhoneNumbers.isMobile(form.getPhone())) {
            errors.rejectValue("phone", "identity.phone.invalid");
        }
    }

    /**
     * An account that an administrator imported is claimed by registering with its document type and its phone;
     * the text message code then proves that the phone is the candidate's.
     */
    static boolean claims(Account imported, RegistrationForm form) {
        return imported.idType() == form.getIdType()
                && imported.phone() != null
                && imported.phone().equals(PhoneNumbers.normalise(form.getPhone()));
    }

    private String validateDocument(RegistrationForm form, Errors errors) {
        if (form.getIdType() == null) {
            errors.rejectValue("idType", "identity.register.idType.required");
            return null;
        }
        try {
            var document = IdDocument.of(form.getIdType(), form.getIdNumber());
            form.setIdNumber(document.number());
            if (document instanceof ResidentIdCard card && card.birthDate().isAfter(LocalDate.now(clock))) {
                errors.rejectValue("idNumber", "identity.idNumber.birthDate");
                return null;
            }
            var imported = accounts.unclaimedCandidate(document.number());
            if (imported.isPresent()) {
                if (!claims(imported.get(), form)) {
                    errors.rejectValue("idNumber", "identity.register.idNumber.imported");
                }
            } else if (accounts.loginNameTaken(document.number())) {
                errors.rejectValue("idNumber", "identity.register.idNumber.taken");
            }
            return document.number();
        } catch (InvalidIdNumberException e) {
            errors.rejectValue("idNumber", e.messageKey());
            return null;
        }
    }
}
