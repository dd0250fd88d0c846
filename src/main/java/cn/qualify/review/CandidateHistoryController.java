package cn.qualify.review;

import cn.qualify.identity.Account;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The candidate's own decision history, page and JSON. Served by the review module, which owns the decisions; the
 * candidate module only links to it. Always the signed-in candidate's own application: nothing to pass that could
 * name someone else's.
 */
@Controller
@Tag(name = "Candidate history", description = "The candidate's own decision history, without internal notes")
class CandidateHistoryController {

    private final CandidateDecisionHistory histories;

    CandidateHistoryController(CandidateDecisionHistory histories) {
        this.histories = histories;
    }

    @GetMapping("/candidate/history")
    String page(Account candidate, @RequestParam(required = false) Integer year, Model model, Locale locale) {
        model.addAttribute("history", histories.of(candidate, year, locale));
        model.addAttribute("zone", ReviewCases.EXAM_ZONE);
        return "review/candidate-history";
    }

    @GetMapping("/api/v1/candidate/history")
    @ResponseBody
    @Operation(
            summary = "The candidate's own decision history",
            description = "Transitions of the candidate's application and decisions on each material, oldest first, "
                    + "with the reasons and messages meant for the candidate. Reviewers appear only as a level "
                    + "(EXAM_POINT, DISTRICT, STAFF); internal notes are never included. `year` defaults to the "
                    + "current exam year.")
    CandidateDecisionHistory.History api(
            Account candidate, @RequestParam(required = false) Integer year, Locale locale) {
        return histories.of(candidate, year, locale);
    }
}
