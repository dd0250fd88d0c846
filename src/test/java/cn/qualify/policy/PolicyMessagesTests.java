package cn.qualify.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qualify.policy.definition.RouteDefinition.InstitutionRequirement;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pages build keys from enum values ({@code policy.enum.Category.TCM}); each must exist in both languages. */
class PolicyMessagesTests {

    static final List<Class<? extends Enum<?>>> LABELLED = List.of(
            ExamLevel.class,
            Category.class,
            Education.class,
            PostgraduateStatus.class,
            InstitutionType.class,
            Post.class,
            ShortageExam.class);

    @ParameterizedTest
    @ValueSource(strings = {"policy.properties", "policy_en.properties"})
    void everyEnumValueShownOnAPageHasItsLabel(String bundle) throws IOException {
        var messages = new Properties();
        try (Reader reader =
                Files.newBufferedReader(Path.of("src/main/resources/i18n", bundle), StandardCharsets.UTF_8)) {
            messages.load(reader);
        }
        for (var type : LABELLED) {
            for (var value : type.getEnumConstants()) {
                assertThat(messages).containsKey("policy.enum." + type.getSimpleName() + "." + value.name());
            }
        }
        for (Route route : Route.values()) {
            assertThat(messages).containsKey("policy.route." + route);
        }
        for (Severity severity : Severity.values()) {
            assertThat(messages).containsKey("policy.severity." + severity);
        }
        for (InstitutionRequirement requirement : InstitutionRequirement.values()) {
            assertThat(messages).containsKey("policy.admin.institution." + requirement);
        }
    }
}
