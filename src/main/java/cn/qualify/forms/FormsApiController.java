package cn.qualify.forms;

import cn.qualify.identity.Account;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The JSON twin of the candidate's forms page. */
@RestController
@Tag(name = "Candidate forms", description = "Printable PDF forms pre-filled from the candidate's registration info")
class FormsApiController {

    private final Forms forms;
    private final MessageSource messages;

    FormsApiController(Forms forms, MessageSource messages) {
        this.forms = forms;
        this.messages = messages;
    }

    @GetMapping("/api/v1/candidate/forms")
    @Operation(
            summary = "The logged-in candidate's printable forms",
            description = "Lists the forms offered for the current exam year: the application form to every candidate"
                    + " with registration info, the other forms only when the candidate's checklist requires them, per"
                    + " work unit where each unit issues its own copy. `href` downloads the PDF (same session).")
    FormList list(Account account, Locale locale, HttpServletRequest request) {
        var offered = forms.offeredTo(account.id());
        return new FormList(
                !offered.isEmpty(),
                offered.stream()
                        .map(form -> entry(form, locale, request.getContextPath()))
                        .toList());
    }

    private FormEntry entry(OfferedForm form, Locale locale, String contextPath) {
        var kind = form.kind();
        var unit = form.unit() == null
                ? null
                : new UnitCopy(
                        form.unitNumber(),
                        form.unitCount(),
                        form.unit().name(),
                        form.unit().from(),
                        form.unit().to());
        return new FormEntry(
                kind.slug(),
                messages.getMessage(kind.messageKey(), null, locale),
                messages.getMessage(kind.messageKey() + ".hint", null, locale),
                kind.clause(),
                unit,
                contextPath + "/candidate/forms/" + form.path());
    }

    /**
     * @param registered false while the candidate has no registration info for the current exam year; then no
     *     form is offered
     */
    record FormList(boolean registered, List<FormEntry> forms) {}

    /**
     * @param form the form's slug: application, probation-assessment, practice-period-assessment,
     *     graduate-commitment, shortage-exam-application
     * @param name the form's name in the caller's language (the PDF itself is always Chinese)
     * @param instructions what the candidate does with the printed form
     * @param clause the clause of the notice that asks for it
     * @param unit for a form that each work unit issues, which unit's copy this is; absent otherwise
     * @param href where the PDF is downloaded
     */
    record FormEntry(
            String form,
            String name,
            String instructions,
            String clause,
            @Nullable UnitCopy unit,
            String href) {}

    /**
     * @param number the unit's position among the candidate's work units, from 1
     * @param count how many copies the candidate needs
     * @param name the unit's name as registered, absent if none was given
     * @param from first day there, if registered
     * @param to last day there; absent while the candidate is still there
     */
    record UnitCopy(
            int number,
            int count,
            @Nullable String name,
            @Nullable LocalDate from,
            @Nullable LocalDate to) {}
}
