package cn.qualify.identity;

import cn.qualify.exam.ExamPoint;
import cn.qualify.exam.ExamPoints;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Exam points 2101 沈阳 and 2102 大连 for tests, used only while the application has no {@link ExamPoints} of its
 * own; the exam module's implementation takes precedence wherever it exists.
 */
@Configuration(proxyBeanMethods = false)
class ExamPointsFallbackConfiguration {

    @Bean
    @ConditionalOnMissingBean(ExamPoints.class)
    ExamPoints fallbackExamPoints() {
        var points = List.of(new ExamPoint("2101", "沈阳考点", "21", true), new ExamPoint("2102", "大连考点", "21", true));
        return new ExamPoints() {
            @Override
            public List<ExamPoint> all() {
                return points;
            }

            @Override
            public Optional<ExamPoint> byCode(String code) {
                return points.stream().filter(p -> p.code().equals(code)).findFirst();
            }
        };
    }
}
