package cn.qualify.candidate.web;

import cn.qualify.application.Application;
import cn.qualify.application.ApplicationState;
import cn.qualify.policy.Evaluation;
import cn.qualify.policy.Material;
import java.util.List;
import java.util.Locale;

/**
 * The upload page: the application's state, the checklist's cards, the materials outside the checklist and what
 * still stands in the way of a submission.
 *
 * @param errors eligibility errors of the checklist evaluation, in the page's language
 * @param checklist the candidate's own materials, each shown as a card
 * @param others catalogue materials outside the checklist, listed by name unless {@link #inFull} says otherwise
 * @param opened the material the candidate asked to see, {@code null} if none
 * @param othersAsked whether the candidate asked for the list of materials outside the checklist
 * @param missing what the uploads still lack for a submission, as lines in the page's language
 */
public record MaterialsPage(
        String applicationNumber,
        ApplicationState state,
        List<String> errors,
        boolean uploadRequired,
        List<MaterialView> checklist,
        List<MaterialView> others,
        Material opened,
        boolean othersAsked,
        List<String> missing) {

    /**
     * The page for an application; {@code other} names the material outside the checklist to show in full. It is
     * only a display hint: a value that names no such material opens nothing. {@code listOthers} asks for the list of
     * those materials, which the page otherwise leaves to be loaded when its section is opened.
     */
    public static MaterialsPage of(
            Application application,
            Evaluation evaluation,
            List<MaterialView> materials,
            String other,
            boolean listOthers,
            List<String> missing,
            Locale locale) {
        var opened = materials.stream()
                .map(MaterialView::material)
                .filter(material -> material.name().equals(other))
                .findFirst()
                .orElse(null);
        return new MaterialsPage(
                application.number(),
                application.state(),
                evaluation.errors().stream()
                        .map(finding -> finding.message().in(locale))
                        .toList(),
                evaluation.uploadRequired(),
                materials.stream().filter(MaterialView::applicable).toList(),
                materials.stream().filter(material -> !material.applicable()).toList(),
                opened,
                listOthers,
                missing);
    }

    public String stateKey() {
        return "application.state." + state.name();
    }

    /** Whether a material outside the checklist is shown as a card: it holds something, or the candidate asked. */
    public boolean inFull(MaterialView other) {
        return other.hasContent() || other.material() == opened;
    }

    /** Whether the section of materials outside the checklist starts open: the candidate asked, or it shows a card. */
    public boolean othersOpen() {
        return opened != null || others.stream().anyMatch(MaterialView::hasContent);
    }

    /**
     * Whether the materials outside the checklist are part of the page: the section starts open, or the candidate
     * asked for them. Otherwise the page carries only the section's title, and its list is loaded when opened.
     */
    public boolean othersListed() {
        return othersAsked || othersOpen();
    }

    /** Whether the candidate can still change and submit the application. */
    public boolean editable() {
        return state == ApplicationState.DRAFT || state == ApplicationState.RETURNED;
    }

    public boolean resubmission() {
        return state == ApplicationState.RETURNED;
    }
}
