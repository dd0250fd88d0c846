package cn.qualify.forms;

import cn.qualify.identity.Account;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriUtils;

/**
 * The candidate's forms page and the PDF downloads. Every form is the logged-in candidate's own: the account decides
 * whose registration info is printed, and a form that is not offered to that candidate does not exist (404).
 */
@Controller
class FormsController {

    private static final Pattern UNIT_NUMBER = Pattern.compile("[1-9][0-9]{0,2}");
    private static final Pattern NOT_IN_FILE_NAMES = Pattern.compile("[^\\p{L}\\p{N}（）()·_-]");

    private final Forms forms;
    private final MessageSource messages;

    FormsController(Forms forms, MessageSource messages) {
        this.forms = forms;
        this.messages = messages;
    }

    @GetMapping("/candidate/forms")
    String list(Account account, Model model) {
        model.addAttribute("forms", forms.offeredTo(account.id()));
        return "forms/forms";
    }

    @GetMapping("/candidate/forms/{form}")
    ResponseEntity<byte[]> download(Account account, @PathVariable String form) {
        return pdf(account, form, null);
    }

    @GetMapping("/candidate/forms/{form}/{unit}")
    ResponseEntity<byte[]> downloadUnitCopy(Account account, @PathVariable String form, @PathVariable String unit) {
        if (!UNIT_NUMBER.matcher(unit).matches()) {
            throw notFound();
        }
        return pdf(account, form, Integer.valueOf(unit));
    }

    private ResponseEntity<byte[]> pdf(Account account, String slug, @Nullable Integer unitNumber) {
        var kind = FormKind.bySlug(slug).orElseThrow(FormsController::notFound);
        var printed = forms.print(account.id(), kind, unitNumber).orElseThrow(FormsController::notFound);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                // Only the RFC 5987 form: a plain filename would have to be ASCII, and the name is Chinese.
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename*=UTF-8''"
                                + UriUtils.encode(fileName(printed.form()), StandardCharsets.UTF_8))
                .header("X-Content-Type-Options", "nosniff")
                // The document carries personal data: no shared cache may keep it.
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(printed.pdf());
    }

    /** The form's Chinese name, like the document's title, and for a unit's copy its number and the unit. */
    private String fileName(OfferedForm form) {
        var name =
                new StringBuilder(messages.getMessage(form.kind().messageKey(), null, FormPrinter.DOCUMENT_LANGUAGE));
        if (form.unitNumber() != null) {
            name.append('-').append(form.unitNumber());
            if (form.unit() != null && form.unit().name() != null) {
                String unit = NOT_IN_FILE_NAMES.matcher(form.unit().name()).replaceAll("");
                if (!unit.isEmpty()) {
                    name.append('-').append(unit);
                }
            }
        }
        return name.append(".pdf").toString();
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
