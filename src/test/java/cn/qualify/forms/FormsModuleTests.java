package cn.qualify.forms;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qualify.forms.FormsTestConfiguration.RegistrationsInMemory;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

/**
 * Which forms each situation of the notice gets, with the real 2025 Liaoning policy deciding the checklist: the
 * application form always, each other form only for a material the checklist requires, per-unit forms once per
 * work unit.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "shared")
@Import(FormsTestConfiguration.class)
class FormsModuleTests {

    private static final AtomicLong candidateIds = new AtomicLong(910_000);

    @Autowired
    Forms forms;

    @Autowired
    RegistrationsInMemory registrations;

    long register(Situations situation) {
        long candidateId = candidateIds.incrementAndGet();
        registrations.put(situation.registration(candidateId));
        return candidateId;
    }

    List<String> offered(Situations situation) {
        return forms.offeredTo(register(situation)).stream()
                .map(OfferedForm::path)
                .toList();
    }

    @Test
    void bachelorWithTwoWorkUnitsGetsTheApplicationFormAndOneProbationCertificatePerUnit() {
        assertThat(offered(Situations.aBachelorWithTwoWorkUnits()))
                .containsExactly("application", "probation-assessment/1", "probation-assessment/2");
    }

    @Test
    void assistantForPhysicianGetsPracticePeriodCertificatesInsteadOfProbation() {
        assertThat(offered(Situations.aCollegeAssistantForPhysician()))
                .containsExactly("application", "practice-period-assessment/1", "practice-period-assessment/2");
    }

    @Test
    void graduateOfTheExamYearGetsTheCommitment() {
        assertThat(offered(Situations.aBachelorGraduatingThisYear()))
                .containsExactly("application", "probation-assessment/1", "graduate-commitment");
    }

    @Test
    void earlierGraduateGetsNoCommitment() {
        assertThat(offered(Situations.aBachelorWithTwoWorkUnits())).doesNotContain("graduate-commitment");
    }

    @Test
    void shortageCandidateGetsTheAddOnApplication() {
        assertThat(offered(Situations.aPaediatricsShortageCandidate()))
                .containsExactly(
                        "application", "probation-assessment/1", "probation-assessment/2", "shortage-exam-application");
    }

    @Test
    void activeDutyMilitaryGetsTheApplicationFormOnly() {
        assertThat(offered(Situations.anActiveDutyOfficer())).containsExactly("application");
    }

    @Test
    void candidateWithoutRegistrationInfoGetsNothing() {
        assertThat(forms.offeredTo(candidateIds.incrementAndGet())).isEmpty();
        assertThat(forms.print(candidateIds.get(), FormKind.APPLICATION, null)).isEmpty();
    }

    @Test
    void candidateWhoListedNoWorkUnitGetsOneCertificateFromTheRegisteredInstitution() {
        long candidate = register(Situations.aBachelorWithTwoWorkUnits().withoutWorkUnits());
        var offered = forms.offeredTo(candidate);
        assertThat(offered).extracting(OfferedForm::path).containsExactly("application", "probation-assessment/1");
        assertThat(offered.get(1).unit().name()).isEqualTo("辽宁省人民医院");
        assertThat(offered.get(1).unit().from()).isNull();
        assertThat(forms.print(candidate, FormKind.PROBATION_ASSESSMENT, 1)).isPresent();
    }

    @Test
    void printsOnlyWhatIsOffered() {
        long candidate = register(Situations.aBachelorWithTwoWorkUnits());
        assertThat(forms.print(candidate, FormKind.APPLICATION, null))
                .hasValueSatisfying(printed -> assertThat(printed.pdf()).startsWith("%PDF-".getBytes()));
        assertThat(forms.print(candidate, FormKind.PROBATION_ASSESSMENT, 2))
                .hasValueSatisfying(
                        printed -> assertThat(printed.form().unit().name()).isEqualTo("辽宁省人民医院"));
        assertThat(forms.print(candidate, FormKind.PROBATION_ASSESSMENT, 3)).isEmpty();
        assertThat(forms.print(candidate, FormKind.PROBATION_ASSESSMENT, null)).isEmpty();
        assertThat(forms.print(candidate, FormKind.APPLICATION, 1)).isEmpty();
        assertThat(forms.print(candidate, FormKind.GRADUATE_COMMITMENT, null)).isEmpty();
        assertThat(forms.print(candidate, FormKind.PRACTICE_PERIOD_ASSESSMENT, 1))
                .isEmpty();
    }
}
