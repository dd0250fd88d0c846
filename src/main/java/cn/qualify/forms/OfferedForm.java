package cn.qualify.forms;

import cn.qualify.policy.CandidateFacts.WorkUnit;
import org.jspecify.annotations.Nullable;

/**
 * One form offered to a candidate: one of the candidate's own forms, or for a form that each work unit issues,
 * the copy of one work unit.
 *
 * @param unitNumber for a form {@link FormKind#perWorkUnit() per work unit} the unit's position in the candidate's
 *     work units, from 1; {@code null} otherwise
 * @param unitCount how many copies of this form the candidate needs: the number of work units, 1 for other forms
 * @param unit the work unit the copy is for, as registered; for a candidate who listed no work units, the
 *     registered institution without dates (or an unnamed unit); {@code null} for forms not per work unit
 */
public record OfferedForm(
        FormKind kind,
        @Nullable Integer unitNumber,
        int unitCount,
        @Nullable WorkUnit unit) {

    public OfferedForm {
        if (kind.perWorkUnit() != (unitNumber != null) || (unitNumber != null && unit == null)) {
            throw new IllegalArgumentException(kind + " with unit " + unitNumber);
        }
    }

    static OfferedForm whole(FormKind kind) {
        return new OfferedForm(kind, null, 1, null);
    }

    /**
     * The path of the form below {@code /candidate/forms/}: the slug, followed for a per-unit form by the unit
     * number, e.g. {@code application} or {@code probation-assessment/2}.
     */
    public String path() {
        return unitNumber == null ? kind.slug() : kind.slug() + "/" + unitNumber;
    }
}
