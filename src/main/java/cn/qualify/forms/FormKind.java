package cn.qualify.forms;

import cn.qualify.policy.Material;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The printable forms. Each is identified in URLs by its {@link #slug()}; its name is the message key
 * {@link #messageKey()}. A form tied to a material is offered only when the candidate's checklist requires that
 * material; a form {@link #perWorkUnit()} is offered once per work unit.
 */
public enum FormKind {
    /** 医师资格考试报名暨授予医师资格申请表: signed by the candidate, handed in at the exam point (二.8). */
    APPLICATION("application", null, false, "二.8"),
    /** 试用期考核合格证明: one per work unit, stamped and signed by the unit (一(五)). */
    PROBATION_ASSESSMENT("probation-assessment", Material.PROBATION_ASSESSMENT, true, "一(五)"),
    /** 执业助理医师报考执业医师执业期考核证明: one per work unit, stamped and signed by the unit (一(一), 一(五)). */
    PRACTICE_PERIOD_ASSESSMENT("practice-period-assessment", Material.PRACTICE_PERIOD_ASSESSMENT, true, "一(五)"),
    /** 应届医学专业毕业证医师资格考试报考承诺书: candidates graduating in the exam year (一(五)). */
    GRADUATE_COMMITMENT("graduate-commitment", Material.GRADUATE_COMMITMENT, false, "一(五)"),
    /** 医师资格考试短线医学加试考试考生报名资格申请审核表: the shortage-specialty add-on exam (一(二)). */
    SHORTAGE_EXAM_APPLICATION("shortage-exam-application", Material.SHORTAGE_EXAM_APPLICATION, false, "一(二)");

    private final String slug;
    private final @Nullable Material material;
    private final boolean perWorkUnit;
    private final String clause;

    FormKind(String slug, @Nullable Material material, boolean perWorkUnit, String clause) {
        this.slug = slug;
        this.material = material;
        this.perWorkUnit = perWorkUnit;
        this.clause = clause;
    }

    /** The form's name in URLs, e.g. {@code probation-assessment}. */
    public String slug() {
        return slug;
    }

    /** The checklist material that this form is printed for; empty for the application form, which everyone gets. */
    public Optional<Material> material() {
        return Optional.ofNullable(material);
    }

    /** Whether each work unit issues its own copy. */
    public boolean perWorkUnit() {
        return perWorkUnit;
    }

    /** The clause of the notice that asks for the form, e.g. {@code 一(五)}. */
    public String clause() {
        return clause;
    }

    /** Message key of the form's name; {@code .hint} appended gives what the candidate does with it. */
    public String messageKey() {
        return "forms.kind." + name();
    }

    /** The form with this slug, if any. */
    public static Optional<FormKind> bySlug(String slug) {
        return Arrays.stream(values()).filter(kind -> kind.slug.equals(slug)).findFirst();
    }
}
