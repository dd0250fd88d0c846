package cn.qualify.candidate;

import cn.qualify.policy.Evaluation;
import cn.qualify.policy.Material;
import cn.qualify.policy.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * Whether a candidate's uploads meet their checklist: each required material has at least its minimum of images,
 * or one of its alternatives has the alternative's minimum (e.g. 中专: the verification report, or the diploma's
 * front and back, 二.4); and no eligibility rule fails.
 */
final class Completeness {

    private Completeness() {}

    /** What still stands in the way of a submission, as lines in the given language; empty when complete. */
    static List<String> missing(Evaluation evaluation, ToIntFunction<Material> imageCount, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        List<String> missing = new ArrayList<>();
        evaluation
                .errors()
                .forEach(error -> missing.add(
                        english ? error.message().en() : error.message().zh()));
        for (Requirement requirement : evaluation.requirements()) {
            if (!requirement.required() || isMet(requirement, imageCount)) {
                continue;
            }
            int have = imageCount.applyAsInt(requirement.material());
            var name = english ? requirement.name().en() : requirement.name().zh();
            missing.add(
                    english
                            ? "%s: %d of at least %d images".formatted(name, have, requirement.minImages())
                            : "%s：已上传 %d 张，至少需要 %d 张".formatted(name, have, requirement.minImages()));
        }
        return missing;
    }

    static boolean isMet(Requirement requirement, ToIntFunction<Material> imageCount) {
        if (imageCount.applyAsInt(requirement.material()) >= Math.max(1, requirement.minImages())) {
            return true;
        }
        return requirement.alternatives().stream()
                .anyMatch(alternative -> imageCount.applyAsInt(alternative.material()) >= alternative.minImages());
    }
}
