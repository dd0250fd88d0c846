package cn.qualify.policy.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qualify.policy.Education;
import cn.qualify.policy.Material;
import cn.qualify.policy.Route;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.DefaultResourceLoader;

/** The policy file format: LN-2025 loads with its parameters; a broken file is refused naming the field. */
class PolicyFileTests {

    static final Path LN_2025 = Path.of("src/main/resources/policy/LN-2025.yml");

    static String ln2025() throws IOException {
        return Files.readString(LN_2025);
    }

    static PolicyDefinition parse(String yaml) {
        return PolicyFiles.parse("test.yml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void ln2025HoldsTheParametersOfTheNotice() throws IOException {
        var policy = parse(ln2025());
        assertThat(policy.id()).isEqualTo("LN-2025");
        assertThat(policy.examYear()).isEqualTo(2025);
        assertThat(policy.districtCode()).isEqualTo("21");
        assertThat(policy.referenceDate()).isEqualTo(LocalDate.of(2025, 8, 22));
        assertThat(policy.assistantRegistration().get(Education.JUNIOR_COLLEGE).cutoff())
                .isEqualTo(LocalDate.of(2023, 8, 22));
        assertThat(policy.assistantRegistration().get(Education.SECONDARY).cutoff())
                .isEqualTo(LocalDate.of(2020, 8, 22));
        assertThat(policy.topUpBachelorAdmittedFrom()).isEqualTo(LocalDate.of(2015, 9, 1));
        assertThat(policy.ruralService().years()).isEqualTo(1);
        assertThat(policy.routes())
                .extracting(RouteDefinition::route)
                .hasSize(9)
                .doesNotContain(Route.NOT_COVERED);
        assertThat(policy.catalogue()).containsOnlyKeys(Material.values());
        assertThat(policy.item(Material.ID_PROOF).minImages()).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            'id: LN-2025'                     | ''                                      | id: is missing
            'districtCode: "21"'              | 'districtCode: "LN"'                    | districtCode: must be a two-digit
            '    cutoff: 2023-08-22'          | '    cutoff: 2023-08-21'                 | assistantRegistration.JUNIOR_COLLEGE.cutoff: must be referenceDate
            'referenceDate: 2025-08-22'       | 'referenceDate: 2025-02-30'             | referenceDate
            '  years: 1'                      | '  years: one'                          | ruralService.years
            'examYear: 2025'                  | 'examYear: 2025\nexamYaer: 2026'        | examYaer
            '  - route: BACHELOR_PHYSICIAN'   | '  - route: BACHELOR_SURGEON'           | routes[0].route
            '    materials: [ID_PROOF, DIPLOMA, PROBATION_ASSESSMENT]' | '    materials: [ID_PROOF, DIPLOMA, PROBATION_ASSESMENT]' | routes[0].materials[2]
            '    materials: [ID_PROOF, DIPLOMA, PROBATION_ASSESSMENT]' | '    materials: [DIPLOMA, PROBATION_ASSESSMENT]' | routes[0].materials: must include ID_PROOF
            '    minImages: 3'                | '    minImages: 4'                       | catalogue.ID_PROOF.minImages: must not exceed maxImages
            '  OTHER:\n    name:'             | '  OTHERS:\n    name:'                  | 'catalogue: Cannot deserialize Map key of type `cn.qualify.policy.Material` from String "OTHERS"'
            '    alternativeDiplomaMinImages: 2' | '    alternativeDiplomaMinImages: 9'   | modifiers.SECONDARY_EDUCATION_VERIFICATION.alternativeDiplomaMinImages
            '    clause: 一(二)\n    reason:'   | '    reason:'                            | modifiers.SHORTAGE_EXAM.clause: is missing
            '    en: Tertiary grade A hospitals and centres for disease control need not provide the institution licence.\n  filingType' | '    en: ""\n  filingType' | institutionDocument.exemptReason
            """)
    void brokenFileIsRefusedNamingTheField(String original, String broken, String message) throws IOException {
        String yaml = ln2025();
        String from = original.replace("\\n", "\n");
        assertThat(yaml).as("the test's anchor").contains(from);
        String changed = yaml.replaceFirst(
                java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(broken.replace("\\n", "\n")));
        assertThatThrownBy(() -> parse(changed))
                .isInstanceOf(InvalidPolicyFileException.class)
                .hasMessageStartingWith("Policy file test.yml: ")
                .hasMessageContaining(message);
    }

    @Test
    void theApplicationLoadsTheConfiguredFilesAndPicksTheCurrentOne() {
        var files = new PolicyFiles(
                new PolicyProperties(List.of("classpath:policy/LN-2025.yml"), null), new DefaultResourceLoader());
        assertThat(files.current().id()).isEqualTo("LN-2025");
        assertThat(files.forExamYear(2025)).map(PolicyDefinition::id).hasValue("LN-2025");
        assertThat(files.forExamYear(2026)).isEmpty();
    }

    @Test
    void anUnknownCurrentPolicyOrMissingFileStopsStartUp() {
        assertThatThrownBy(() -> new PolicyFiles(
                        new PolicyProperties(List.of("classpath:policy/LN-2025.yml"), "LN-2026"),
                        new DefaultResourceLoader()))
                .hasMessageContaining("qualify.policy.current")
                .hasMessageContaining("LN-2026");
        assertThatThrownBy(() -> new PolicyFiles(
                        new PolicyProperties(List.of("classpath:policy/XX-2030.yml"), null),
                        new DefaultResourceLoader()))
                .isInstanceOf(InvalidPolicyFileException.class)
                .hasMessageContaining("policy/XX-2030.yml");
    }
}
