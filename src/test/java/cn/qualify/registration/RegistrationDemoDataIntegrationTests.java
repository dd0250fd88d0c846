package cn.qualify.registration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qualify.identity.Accounts;
import cn.qualify.policy.Policies;
import cn.qualify.policy.Route;
import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The demo as {@code ./mvnw spring-boot:run} starts it, on a database of its own: every module's demo data, then the
 * registration info of the seven demo candidates on their different routes.
 */
@SpringBootTest(
        properties = {
            "qualify.demo.enabled=true",
            "spring.datasource.url=jdbc:h2:mem:registration-demo;DB_CLOSE_DELAY=-1",
            "spring.datasource.username=sa",
            "spring.datasource.password="
        })
class RegistrationDemoDataIntegrationTests {

    @Autowired
    Registrations registrations;

    @Autowired
    JdbcRegistrations table;

    @Autowired
    Accounts accounts;

    @Autowired
    Policies policies;

    @Autowired
    RegistrationDemoData demo;

    @Test
    void theSevenDemoCandidatesRegisterOnDifferentRoutes() {
        var routes = new HashMap<String, Route>();
        for (var demoCandidate : RegistrationDemoData.DEMOS) {
            var account = accounts.byLoginName(demoCandidate.idNumber()).orElseThrow();
            var registration = registrations.of(account.id(), 2025).orElseThrow();
            assertThat(registration.name()).isEqualTo(account.displayName());
            assertThat(registration.examPointCode()).isIn("2101", "2102");
            var evaluation = policies.evaluate(registration.facts());
            assertThat(evaluation.eligible())
                    .as(account.displayName() + " " + evaluation.findings())
                    .isTrue();
            routes.put(account.displayName(), evaluation.route());
        }
        assertThat(routes)
                .containsEntry("张伟", Route.BACHELOR_PHYSICIAN)
                .containsEntry("王芳", Route.COLLEGE_ASSISTANT_TO_PHYSICIAN)
                .containsEntry("李娜", Route.COLLEGE_OR_SECONDARY_ASSISTANT)
                .containsEntry("刘洋", Route.POSTGRAD_GRADUATING)
                .containsEntry("陈静", Route.MILITARY_OFFLINE)
                .containsEntry("赵磊", Route.RURAL_GENERAL_ASSISTANT)
                .containsEntry("孙丽", Route.EXPERTISE_ASSISTANT);
        var lina = accounts.byLoginName("210202199601010049").orElseThrow();
        assertThat(policies.evaluate(
                                registrations.of(lina.id(), 2025).orElseThrow().facts())
                        .requirement(cn.qualify.policy.Material.EDUCATION_VERIFICATION_REPORT))
                .isPresent();
        var wangFang = accounts.byLoginName("210102199708250020").orElseThrow();
        assertThat(registrations.of(wangFang.id(), 2025).orElseThrow().facts().assistantRegistrationDate())
                .hasToString("2022-06-01");
    }

    @Test
    void loadingAgainChangesNothing() {
        long before = table.count();
        var first = registrations
                .of(accounts.byLoginName("210102199503120011").orElseThrow().id(), 2025)
                .orElseThrow();

        demo.load();

        assertThat(table.count()).isEqualTo(before).isEqualTo(RegistrationDemoData.DEMOS.size());
        assertThat(registrations.of(first.candidateId(), 2025)).contains(first);
    }
}
