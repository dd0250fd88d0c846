package cn.qualify.exam;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The administrator's start page: the current exam year at a glance and the way to every setup page. */
@Controller
class AdminIndexController {

    private final ExamSetup setup;
    private final ExamYears years;
    private final ExamPoints points;
    private final Clock clock;

    AdminIndexController(ExamSetup setup, ExamYears years, ExamPoints points, Clock clock) {
        this.setup = setup;
        this.years = years;
        this.points = points;
        this.clock = clock;
    }

    @GetMapping("/admin")
    String index(Model model) {
        var all = points.all();
        model.addAttribute("district", setup.district().orElse(null));
        model.addAttribute(
                "currentYear",
                years.current()
                        .map(year -> ExamYearOverview.of(year, LocalDate.now(clock)))
                        .orElse(null));
        model.addAttribute(
                "activePointCount", all.stream().filter(ExamPoint::active).count());
        model.addAttribute("pointCount", all.size());
        model.addAttribute("today", LocalDate.now(clock));
        return "exam/admin-index";
    }
}
