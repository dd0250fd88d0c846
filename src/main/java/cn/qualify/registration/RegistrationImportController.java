package cn.qualify.registration;

import cn.qualify.exam.ExamYears;
import cn.qualify.identity.Account;
import cn.qualify.identity.IdNumberMask;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators import registration info in bulk at {@code /admin/registrations/import}: upload a .csv or .xlsx
 * file, read the row-by-row report of the dry run, then import all rows or only the valid ones. The template is at
 * {@code /admin/registrations/import/template.csv}.
 */
@Controller
@RequestMapping("/admin/registrations/import")
class RegistrationImportController {

    /** Rows of the report shown on the page; the counts cover all of them. */
    static final int SHOWN = 1000;

    private final RegistrationImports imports;
    private final ExamYears years;
    private final MessageSource messages;

    RegistrationImportController(RegistrationImports imports, ExamYears years, MessageSource messages) {
        this.imports = imports;
        this.years = years;
        this.messages = messages;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("examYear", years.current().map(year -> year.year()).orElse(null));
        return "registration/import";
    }

    @GetMapping("/template.csv")
    ResponseEntity<byte[]> template() {
        String header = ImportColumns.template().stream()
                .map(column -> column.label(messages, Locale.SIMPLIFIED_CHINESE) + "(" + column.field() + ")")
                .collect(Collectors.joining(","));
        // the byte order mark makes Excel read the Chinese headers as UTF-8
        byte[] body = ("\uFEFF" + header + "\r\n").getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("报名信息导入模板.csv", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }

    @PostMapping
    String dryRun(
            Account admin,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model model,
            Locale locale)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("uploadError", messages.getMessage("registration.import.file.none", null, locale));
            return page(model);
        }
        var dryRun = imports.dryRun(admin, file.getOriginalFilename(), file.getBytes(), locale);
        if (dryRun.isEmpty()) {
            return page(model);
        }
        return report(dryRun.get(), model);
    }

    @PostMapping("/confirm")
    String confirm(
            Account admin,
            @RequestParam(name = "token", required = false) String token,
            @RequestParam(name = "sha256", required = false) String sha256,
            @RequestParam(name = "mode", required = false) String mode,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        RegistrationImports.Mode chosen;
        try {
            chosen = RegistrationImports.Mode.valueOf(mode == null ? "" : mode);
        } catch (IllegalArgumentException unknown) {
            chosen = null;
        }
        var outcome = chosen == null
                ? RegistrationImports.Outcome.refused(RegistrationImports.Refusal.EXPIRED)
                : imports.confirm(admin, token, sha256, chosen, locale);
        if (outcome.done()) {
            redirect.addFlashAttribute(
                    "flashSuccess",
                    messages.getMessage(
                            "registration.import.done",
                            new Object[] {outcome.imported(), outcome.accountsCreated()},
                            locale));
            return "redirect:/admin/registrations/import";
        }
        String refusal = messages.getMessage(
                "registration.import.refused." + outcome.refusal().name(), null, locale);
        if (outcome.report() == null || outcome.refusal() == RegistrationImports.Refusal.CHANGED) {
            redirect.addFlashAttribute("flashError", refusal);
            return "redirect:/admin/registrations/import";
        }
        model.addAttribute("flashError", refusal);
        return report(outcome.report(), model);
    }

    private String report(RegistrationImports.DryRun dryRun, Model model) {
        var check = dryRun.check();
        model.addAttribute("report", dryRun);
        model.addAttribute("token", dryRun.token());
        model.addAttribute("fileName", dryRun.fileName());
        model.addAttribute("sha256", dryRun.sha256());
        model.addAttribute("examYear", dryRun.examYear());
        model.addAttribute("fileProblems", check.fileProblems());
        model.addAttribute("rowCount", check.rows().size());
        model.addAttribute("validCount", check.validCount());
        model.addAttribute("invalidCount", check.invalidCount());
        model.addAttribute("hasErrors", check.hasErrors());
        model.addAttribute("errors", check.errors().stream().limit(SHOWN).toList());
        model.addAttribute("moreErrors", Math.max(0, check.errors().size() - SHOWN));
        model.addAttribute(
                "rows",
                check.rows().stream()
                        .limit(SHOWN)
                        .map(row -> new ReportRow(
                                row.number(),
                                row.name(),
                                IdNumberMask.masked(row.idNumber()),
                                row.valid() ? row.registration().examPointCode() : null,
                                row.valid(),
                                row.existingAccount()))
                        .toList());
        return "registration/import-report";
    }

    /** A row of the report as the page shows it, its ID number masked like every list's. */
    public record ReportRow(
            int number, String name, String idNumber, String examPointCode, boolean valid, boolean existingAccount) {}
}
