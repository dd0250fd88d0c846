package cn.qualify.exam;

import jakarta.validation.Valid;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrator pages for the exam district and its exam points. */
@Controller
class ExamPointAdminController {

    static final String POINT_FORM = "exam/exam-point-form";
    static final String DISTRICT_FORM = "exam/exam-district-form";

    private final ExamSetup setup;
    private final ExamPoints points;
    private final MessageSource messages;

    ExamPointAdminController(ExamSetup setup, ExamPoints points, MessageSource messages) {
        this.setup = setup;
        this.points = points;
        this.messages = messages;
    }

    @GetMapping("/admin/exam-points")
    String list(Model model) {
        model.addAttribute("district", setup.district().orElse(null));
        model.addAttribute("examPoints", points.all());
        return "exam/exam-points";
    }

    @GetMapping("/admin/exam-points/new")
    String newForm(Model model, RedirectAttributes redirect, Locale locale) {
        var district = setup.district();
        if (district.isEmpty()) {
            return districtFirst(redirect, locale);
        }
        var form = new ExamPointForm();
        form.setCode(district.get().code());
        model.addAttribute("examPointForm", form);
        return POINT_FORM;
    }

    @PostMapping("/admin/exam-points/new")
    String create(
            @Valid ExamPointForm examPointForm, BindingResult result, RedirectAttributes redirect, Locale locale) {
        if (result.hasErrors()) {
            return POINT_FORM;
        }
        try {
            setup.addPoint(examPointForm);
        } catch (ExamSetupRejected rejected) {
            if (rejected.concernsRequest()) {
                return districtFirst(redirect, locale);
            }
            rejected.rejectOn(result);
            return POINT_FORM;
        } catch (DataIntegrityViolationException refused) {
            result.reject("save.refused");
            return POINT_FORM;
        }
        return saved("exam.point.created", examPointForm.getName(), redirect, locale);
    }

    @GetMapping("/admin/exam-points/{code}/edit")
    String editForm(@PathVariable String code, Model model) {
        var point = points.byCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("examPointForm", ExamPointForm.of(point));
        model.addAttribute("editing", point);
        return POINT_FORM;
    }

    @PostMapping("/admin/exam-points/{code}/edit")
    String update(
            @PathVariable String code,
            @Valid ExamPointForm examPointForm,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        var point = points.byCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("editing", point);
        if (result.hasErrors()) {
            return POINT_FORM;
        }
        // the page edits the name only; whether the point takes candidates has its own buttons
        examPointForm.setActive(null);
        try {
            setup.updatePoint(code, examPointForm);
        } catch (ExamSetupRejected rejected) {
            rejected.rejectOn(result);
            return POINT_FORM;
        } catch (DataIntegrityViolationException refused) {
            result.reject("save.refused");
            return POINT_FORM;
        }
        return saved("exam.point.updated", examPointForm.getName(), redirect, locale);
    }

    @PostMapping("/admin/exam-points/{code}/deactivate")
    String deactivate(@PathVariable String code, RedirectAttributes redirect, Locale locale) {
        return changeActive(code, false, "exam.point.deactivated", redirect, locale);
    }

    @PostMapping("/admin/exam-points/{code}/activate")
    String activate(@PathVariable String code, RedirectAttributes redirect, Locale locale) {
        return changeActive(code, true, "exam.point.activated", redirect, locale);
    }

    @GetMapping("/admin/exam-district")
    String districtForm(Model model) {
        var district = setup.district();
        model.addAttribute(
                "examDistrictForm", district.map(ExamDistrictForm::of).orElseGet(ExamDistrictForm::new));
        model.addAttribute("editing", district.orElse(null));
        return DISTRICT_FORM;
    }

    @PostMapping("/admin/exam-district")
    String saveDistrict(
            @Valid ExamDistrictForm examDistrictForm,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        var existing = setup.district();
        model.addAttribute("editing", existing.orElse(null));
        if (result.hasErrors()) {
            return DISTRICT_FORM;
        }
        try {
            if (existing.isPresent()) {
                setup.renameDistrict(examDistrictForm);
            } else {
                setup.setUpDistrict(examDistrictForm);
            }
        } catch (ExamSetupRejected rejected) {
            rejected.rejectOn(result);
            return DISTRICT_FORM;
        } catch (DataIntegrityViolationException refused) {
            result.reject("save.refused");
            return DISTRICT_FORM;
        }
        return saved("exam.district.saved", examDistrictForm.getName(), redirect, locale);
    }

    private String changeActive(
            String code, boolean active, String messageKey, RedirectAttributes redirect, Locale locale) {
        ExamPoint point;
        try {
            point = setup.changePointActive(code, active);
        } catch (ExamSetupNotFound missing) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return saved(messageKey, point.name(), redirect, locale);
    }

    private String saved(String messageKey, String name, RedirectAttributes redirect, Locale locale) {
        redirect.addFlashAttribute("flashSuccess", messages.getMessage(messageKey, new Object[] {name}, locale));
        return "redirect:/admin/exam-points";
    }

    private String districtFirst(RedirectAttributes redirect, Locale locale) {
        redirect.addFlashAttribute("flashError", messages.getMessage("exam.district.missing", null, locale));
        return "redirect:/admin/exam-district";
    }
}
