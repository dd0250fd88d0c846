package cn.qualify.policy.web;

import cn.qualify.policy.Policies;
import cn.qualify.policy.definition.PolicyDefinition;
import cn.qualify.policy.definition.PolicyFiles;
import cn.qualify.policy.web.facts.FactsForm;
import cn.qualify.policy.web.facts.FactsFormBinding;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * For administrators: the loaded policies with their parameters, routes and catalogue, and a preview that evaluates
 * typed-in facts against any of them (the self-check form and checklist).
 */
@Controller
class PolicyAdminController {

    private final PolicyFiles files;
    private final Policies policies;

    PolicyAdminController(PolicyFiles files, Policies policies) {
        this.files = files;
        this.policies = policies;
    }

    @InitBinder("facts")
    void initBinder(WebDataBinder binder) {
        FactsFormBinding.configure(binder);
    }

    @GetMapping("/admin/policy")
    String policy(@RequestParam(name = "id", required = false) String id, Model model) {
        model.addAttribute("policy", id == null ? files.current() : loaded(id));
        model.addAttribute("policies", files.all());
        model.addAttribute("currentId", files.current().id());
        return "policy/admin";
    }

    @GetMapping("/admin/policy/preview")
    String preview(
            @RequestParam(name = "policy", required = false) String policyId,
            @ModelAttribute("facts") FactsForm facts,
            BindingResult errors,
            @RequestParam(name = "check", required = false) String check,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        var policy = policyId == null || policyId.isBlank() ? files.current() : loaded(policyId);
        FactsFormBinding.addChoices(model);
        model.addAttribute("formAction", "/admin/policy/preview");
        model.addAttribute("policies", files.all());
        model.addAttribute("policyId", policy.id());
        if (check == null) {
            if (facts.getExamYear() == null) {
                facts.setExamYear(policy.examYear());
            }
        } else {
            facts.validate(errors);
            if (!errors.hasErrors()) {
                model.addAttribute("evaluation", policies.evaluate(facts.toFacts(), policy.id()));
            }
        }
        return htmx != null && check != null ? "policy/self-check :: body" : "policy/admin-preview";
    }

    private PolicyDefinition loaded(String id) {
        try {
            return files.byId(id);
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
