package cn.qualify.registration;

import cn.qualify.policy.web.facts.FactsFormBinding;
import java.util.Set;
import org.springframework.ui.Model;
import org.springframework.validation.DefaultMessageCodesResolver;
import org.springframework.validation.Errors;
import org.springframework.validation.MessageCodesResolver;
import org.springframework.web.bind.WebDataBinder;

/** What the registration pages share: how their forms bind and report problems, and the choices they offer. */
final class RegistrationPages {

    private static final Set<String> PERSONAL_FIELDS =
            Set.of("gender", "birthDate", "phone", "email", "school", "major", "examPointCode");

    private RegistrationPages() {}

    /**
     * Only the form's own fields bind. A value of the wrong type reports {@code registration.typeMismatch…}; the
     * rules' own codes (e.g. {@code identity.phone.invalid}) resolve as they are.
     */
    static void configure(WebDataBinder binder) {
        binder.setAllowedFields(RegistrationForm.bindableFields());
        var prefixed = new DefaultMessageCodesResolver();
        prefixed.setPrefix("registration.");
        var plain = new DefaultMessageCodesResolver();
        binder.setMessageCodesResolver(new MessageCodesResolver() {
            @Override
            public String[] resolveMessageCodes(String errorCode, String objectName) {
                return resolver(errorCode).resolveMessageCodes(errorCode, objectName);
            }

            @Override
            public String[] resolveMessageCodes(String errorCode, String objectName, String field, Class<?> fieldType) {
                return resolver(errorCode).resolveMessageCodes(errorCode, objectName, field, fieldType);
            }

            private MessageCodesResolver resolver(String errorCode) {
                return errorCode.contains(".") ? plain : prefixed;
            }
        });
    }

    /**
     * Adds the rules' problems to the form's errors, each on its field of the page; a field that already failed to
     * bind keeps only that error.
     */
    static void report(Problems problems, RegistrationForm form, Errors errors) {
        for (var problem : problems.all()) {
            var message = problem.message();
            String code = message.getCodes()[0];
            String field = problem.field();
            if (field != null && field.startsWith("facts.")) {
                field = "facts." + form.getFacts().formField(field.substring("facts.".length()));
            }
            if (field != null && (PERSONAL_FIELDS.contains(field) || field.startsWith("facts."))) {
                if (!errors.hasFieldErrors(field)) {
                    errors.rejectValue(field, code, message.getArguments(), message.getDefaultMessage());
                }
            } else {
                errors.reject(code, message.getArguments(), message.getDefaultMessage());
            }
        }
    }

    /** The choices of the facts' drop-downs (the policy's facts form) and of the personal fields. */
    static void addChoices(Model model) {
        FactsFormBinding.addChoices(model);
        model.addAttribute("genders", new String[] {"MALE", "FEMALE"});
    }
}
