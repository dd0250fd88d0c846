package cn.qualify.forms;

import cn.qualify.policy.CandidateFacts;
import cn.qualify.policy.CandidateFacts.WorkUnit;
import cn.qualify.policy.Evaluation;
import cn.qualify.policy.Material;
import cn.qualify.policy.Requirement;
import cn.qualify.registration.Registration;
import java.util.ArrayList;
import java.util.List;

/** Which forms a candidate gets: the application form always, every other form only for a required material. */
final class FormOffer {

    private FormOffer() {}

    /** The forms for this registration and its evaluation, in the order of {@link FormKind}, units in order. */
    static List<OfferedForm> offered(Registration registration, Evaluation evaluation) {
        var forms = new ArrayList<OfferedForm>();
        for (FormKind kind : FormKind.values()) {
            if (kind.material().isPresent()
                    && !requires(evaluation, kind.material().get())) {
                continue;
            }
            if (kind.perWorkUnit()) {
                var units = unitsOf(registration.facts());
                for (int i = 0; i < units.size(); i++) {
                    forms.add(new OfferedForm(kind, i + 1, units.size(), units.get(i)));
                }
            } else {
                forms.add(OfferedForm.whole(kind));
            }
        }
        return List.copyOf(forms);
    }

    private static boolean requires(Evaluation evaluation, Material material) {
        return evaluation.requirement(material).filter(Requirement::required).isPresent();
    }

    /**
     * The units that issue a per-unit form. A candidate who listed no work units still needs one copy: from the
     * registered institution, which is where the probation or practice took place if nowhere else is named.
     */
    static List<WorkUnit> unitsOf(CandidateFacts facts) {
        if (!facts.workUnits().isEmpty()) {
            return facts.workUnits();
        }
        var institution = facts.institution();
        return institution == null
                ? List.of(new WorkUnit(null, null, null, null))
                : List.of(new WorkUnit(institution.name(), institution.type(), null, null));
    }
}
