package cn.qualify.forms;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qualify.policy.Evaluation;
import cn.qualify.policy.LocalizedText;
import cn.qualify.policy.Material;
import cn.qualify.policy.Requirement;
import cn.qualify.policy.Route;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The offering rule on its own, for checklists made up here: a required material brings its form, nothing else. */
class FormOfferTests {

    static final LocalizedText TEXT = new LocalizedText("文字", "text");

    static Requirement required(Material material) {
        return new Requirement(material, TEXT, TEXT, true, 1, 10, List.of(), TEXT, "一(七)");
    }

    static Evaluation checklist(Requirement... requirements) {
        return new Evaluation(
                "LN-2025", Route.BACHELOR_PHYSICIAN, true, true, false, Arrays.asList(requirements), List.of());
    }

    static List<String> offered(Situations situation, Requirement... requirements) {
        return FormOffer.offered(situation.registration(1), checklist(requirements)).stream()
                .map(OfferedForm::path)
                .toList();
    }

    @Test
    void emptyChecklistStillGetsTheApplicationForm() {
        assertThat(offered(Situations.aBachelorWithTwoWorkUnits())).containsExactly("application");
    }

    @ParameterizedTest
    @EnumSource(
            value = Material.class,
            names = {
                "PROBATION_ASSESSMENT",
                "PRACTICE_PERIOD_ASSESSMENT",
                "GRADUATE_COMMITMENT",
                "SHORTAGE_EXAM_APPLICATION"
            },
            mode = EnumSource.Mode.EXCLUDE)
    void materialsWithoutAFormBringNone(Material material) {
        assertThat(offered(Situations.aBachelorWithTwoWorkUnits(), required(material)))
                .containsExactly("application");
    }

    @Test
    void everyFormMaterialRequiredGivesEveryFormInOrderWithOneCopyPerUnit() {
        assertThat(offered(
                        Situations.aBachelorWithTwoWorkUnits(),
                        required(Material.SHORTAGE_EXAM_APPLICATION),
                        required(Material.GRADUATE_COMMITMENT),
                        required(Material.PRACTICE_PERIOD_ASSESSMENT),
                        required(Material.PROBATION_ASSESSMENT),
                        required(Material.ID_PROOF)))
                .containsExactly(
                        "application",
                        "probation-assessment/1",
                        "probation-assessment/2",
                        "practice-period-assessment/1",
                        "practice-period-assessment/2",
                        "graduate-commitment",
                        "shortage-exam-application");
    }

    @Test
    void anOptionalRequirementBringsNoForm() {
        var optional =
                new Requirement(Material.PROBATION_ASSESSMENT, TEXT, TEXT, false, 0, 10, List.of(), TEXT, "一(五)");
        assertThat(offered(Situations.aBachelorWithTwoWorkUnits(), optional)).containsExactly("application");
    }

    @Test
    void unitCopiesKnowTheirUnitAndHowManyThereAre() {
        var forms = FormOffer.offered(
                Situations.aBachelorWithTwoWorkUnits().registration(1),
                checklist(required(Material.PROBATION_ASSESSMENT)));
        assertThat(forms.get(1).unit()).isEqualTo(Situations.FOURTH_HOSPITAL);
        assertThat(forms.get(2).unit()).isEqualTo(Situations.PROVINCIAL_HOSPITAL);
        assertThat(forms.get(2).unitCount()).isEqualTo(2);
        assertThat(forms.get(0).unit()).isNull();
        assertThat(forms.get(0).unitCount()).isEqualTo(1);
    }

    @Test
    void withoutWorkUnitsTheRegisteredInstitutionIssuesTheOneCopy() {
        var situation = Situations.aBachelorWithTwoWorkUnits().withoutWorkUnits();
        var forms = FormOffer.offered(situation.registration(1), checklist(required(Material.PROBATION_ASSESSMENT)));
        assertThat(forms).extracting(OfferedForm::path).containsExactly("application", "probation-assessment/1");
        assertThat(forms.get(1).unit().name()).isEqualTo("辽宁省人民医院");
        assertThat(forms.get(1).unit().from()).isNull();
    }

    @Test
    void slugsNameTheFormsBothWays() {
        for (FormKind kind : FormKind.values()) {
            assertThat(FormKind.bySlug(kind.slug())).contains(kind);
        }
        assertThat(FormKind.bySlug("APPLICATION")).isEmpty();
        assertThat(FormKind.bySlug("")).isEmpty();
    }
}
