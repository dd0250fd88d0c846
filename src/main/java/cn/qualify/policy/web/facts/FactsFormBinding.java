package cn.qualify.policy.web.facts;

import cn.qualify.policy.Category;
import cn.qualify.policy.Education;
import cn.qualify.policy.ExamLevel;
import cn.qualify.policy.InstitutionType;
import cn.qualify.policy.Post;
import cn.qualify.policy.PostgraduateStatus;
import cn.qualify.policy.ShortageExam;
import org.springframework.ui.Model;
import org.springframework.validation.DefaultMessageCodesResolver;
import org.springframework.web.bind.WebDataBinder;

/** What every page with the facts form shares: message codes of the form's errors, its choices. */
public final class FactsFormBinding {

    private FactsFormBinding() {}

    /** Binding errors resolve to the policy bundle's keys, e.g. {@code policy.typeMismatch.java.time.LocalDate}. */
    public static void configure(WebDataBinder binder) {
        var codes = new DefaultMessageCodesResolver();
        codes.setPrefix("policy.");
        binder.setMessageCodesResolver(codes);
    }

    /** The choices of the form's drop-downs, in the order of the contract. */
    public static void addChoices(Model model) {
        model.addAttribute("examLevels", ExamLevel.values());
        model.addAttribute("categories", Category.values());
        model.addAttribute("educations", Education.values());
        model.addAttribute("postgraduateStatuses", PostgraduateStatus.values());
        model.addAttribute("institutionTypes", InstitutionType.values());
        model.addAttribute("posts", Post.values());
        model.addAttribute("shortageExams", ShortageExam.values());
    }
}
