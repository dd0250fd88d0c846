package cn.qualify.forms;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qualify.identity.IdType;
import cn.qualify.policy.Category;
import cn.qualify.policy.Education;
import cn.qualify.policy.ExamLevel;
import cn.qualify.policy.Post;
import cn.qualify.policy.PostgraduateStatus;
import cn.qualify.policy.ShortageExam;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every form has a name and instructions in both languages, and every value the printed forms name has a Chinese
 * label (the templates build those keys, so the bundle check of the templates cannot see them).
 */
class FormsMessagesTests {

    static final ResourceBundleMessageSource messages = FormPrinterTests.messages();

    static String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    @ParameterizedTest
    @EnumSource(FormKind.class)
    void everyFormIsNamedAndExplainedInBothLanguages(FormKind kind) {
        for (String key : new String[] {kind.messageKey(), kind.messageKey() + ".hint"}) {
            assertThat(message(key, Locale.SIMPLIFIED_CHINESE)).containsPattern("\\p{IsHan}");
            assertThat(message(key, Locale.ENGLISH)).doesNotContainPattern("\\p{IsHan}");
        }
    }

    @Test
    void everyValueOnTheFormsHasAChineseLabel() {
        Stream.of(
                        ExamLevel.values(),
                        Category.values(),
                        Education.values(),
                        PostgraduateStatus.values(),
                        Post.values(),
                        ShortageExam.values())
                .flatMap(Stream::of)
                .forEach(value -> assertThat(message(
                                "policy.enum." + value.getDeclaringClass().getSimpleName() + "." + value.name(),
                                FormPrinter.DOCUMENT_LANGUAGE))
                        .containsPattern("\\p{IsHan}"));
        for (IdType type : IdType.values()) {
            assertThat(message(type.messageKey(), FormPrinter.DOCUMENT_LANGUAGE))
                    .containsPattern("\\p{IsHan}");
        }
    }
}
