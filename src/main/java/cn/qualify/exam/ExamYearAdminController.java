package cn.qualify.exam;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrator pages for the exam years: list, create, edit. */
@Controller
@RequestMapping("/admin/exam-years")
class ExamYearAdminController {

    static final String FORM = "exam/exam-year-form";

    private final ExamSetup setup;
    private final ExamYears years;
    private final MessageSource messages;
    private final Clock clock;

    ExamYearAdminController(ExamSetup setup, ExamYears years, MessageSource messages, Clock clock) {
        this.setup = setup;
        this.years = years;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        var today = LocalDate.now(clock);
        model.addAttribute("district", setup.district().orElse(null));
        model.addAttribute(
                "examYears",
                years.all().stream()
                        .map(year -> ExamYearOverview.of(year, today))
                        .toList());
        return "exam/exam-years";
    }

    @GetMapping("/new")
    String newForm(Model model, RedirectAttributes redirect, Locale locale) {
        if (setup.district().isEmpty()) {
            return districtFirst(redirect, locale);
        }
        model.addAttribute(
                "examYearForm", ExamYearForm.forNewYear(LocalDate.now(clock).getYear()));
        return FORM;
    }

    @PostMapping("/new")
    String create(
            @Valid ExamYearForm examYearForm,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        if (result.hasErrors()) {
            return FORM;
        }
        try {
            setup.addYear(examYearForm);
        } catch (ExamSetupRejected rejected) {
            if (rejected.concernsRequest()) {
                return districtFirst(redirect, locale);
            }
            rejected.rejectOn(result);
            return FORM;
        } catch (DataIntegrityViolationException refused) {
            result.reject("save.refused");
            return FORM;
        }
        redirect.addFlashAttribute(
                "flashSuccess",
                messages.getMessage("exam.year.created", new Object[] {yearText(examYearForm)}, locale));
        return "redirect:/admin/exam-years";
    }

    @GetMapping("/{year}/edit")
    String editForm(@PathVariable int year, Model model) {
        var examYear = years.byYear(year).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("examYearForm", ExamYearForm.of(examYear));
        model.addAttribute("editing", year);
        return FORM;
    }

    @PostMapping("/{year}/edit")
    String update(
            @PathVariable int year,
            @Valid ExamYearForm examYearForm,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        model.addAttribute("editing", year);
        if (result.hasErrors()) {
            return FORM;
        }
        try {
            setup.updateYear(year, examYearForm);
        } catch (ExamSetupNotFound missing) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (ExamSetupRejected rejected) {
            rejected.rejectOn(result);
            return FORM;
        } catch (DataIntegrityViolationException refused) {
            result.reject("save.refused");
            return FORM;
        }
        redirect.addFlashAttribute(
                "flashSuccess", messages.getMessage("exam.year.updated", new Object[] {String.valueOf(year)}, locale));
        return "redirect:/admin/exam-years";
    }

    private String districtFirst(RedirectAttributes redirect, Locale locale) {
        redirect.addFlashAttribute("flashError", messages.getMessage("exam.district.missing", null, locale));
        return "redirect:/admin/exam-district";
    }

    private static String yearText(ExamYearForm form) {
        return String.valueOf(form.getYear());
    }
}
