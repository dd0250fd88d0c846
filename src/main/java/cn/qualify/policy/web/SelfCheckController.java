package cn.qualify.policy.web;

import cn.qualify.policy.Policies;
import cn.qualify.policy.web.facts.FactsForm;
import cn.qualify.policy.web.facts.FactsFormBinding;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public self-check (我需要上传哪些材料？): anyone fills in the facts and sees the checklist with reasons and
 * clauses. The form is a GET, so nothing is stored and a result can be bookmarked; htmx requests get the result
 * fragment only.
 */
@Controller
class SelfCheckController {

    private final Policies policies;

    SelfCheckController(Policies policies) {
        this.policies = policies;
    }

    @InitBinder("facts")
    void initBinder(WebDataBinder binder) {
        FactsFormBinding.configure(binder);
    }

    @GetMapping("/self-check")
    String selfCheck(
            @ModelAttribute("facts") FactsForm facts,
            BindingResult errors,
            @RequestParam(name = "check", required = false) String check,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        FactsFormBinding.addChoices(model);
        model.addAttribute("formAction", "/self-check");
        if (check == null) {
            if (facts.getExamYear() == null) {
                facts.setExamYear(policies.currentExamYear());
            }
        } else {
            facts.validate(errors);
            if (!errors.hasErrors()) {
                model.addAttribute("evaluation", policies.evaluate(facts.toFacts()));
            }
        }
        return htmx != null && check != null ? "policy/self-check :: body" : "policy/self-check";
    }
}
