package cn.qualify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An upgrade of a database that an earlier release migrated: every module has its own range of versions, so a new
 * release regularly brings a migration below the highest one applied (a review migration after audit's). Flyway,
 * set up as the application sets it up, must apply it rather than refuse to start.
 */
class MigrationUpgradeTests {

    static final List<String> MODULES = List.of(
            "platform",
            "identity",
            "exam",
            "materials",
            "application",
            "registration",
            "review",
            "notification",
            "audit");

    @Test
    void aReleaseWithMigrationsBelowTheHighestAppliedUpgradesTheDatabase() {
        var dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:upgrade-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        var earlierRelease = new ArrayList<String>();
        for (String module : MODULES) {
            if (!module.equals("review")) {
                earlierRelease.add("classpath:db/migration/" + module);
            }
        }
        earlierRelease.add("classpath:db/vendor/h2");
        Flyway.configure()
                .dataSource(dataSource)
                .locations(earlierRelease.toArray(String[]::new))
                .load()
                .migrate();

        var upgrade = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/vendor/h2")
                .outOfOrder(applicationSetting("spring.flyway.out-of-order"))
                .load()
                .migrate();

        assertThat(upgrade.success).isTrue();
        assertThat(upgrade.migrationsExecuted).isGreaterThanOrEqualTo(3);
        assertThat(JdbcClient.create(dataSource)
                        .sql("SELECT COUNT(*) FROM review_flagged_application")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private static boolean applicationSetting(String name) {
        var yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        return Boolean.parseBoolean(yaml.getObject().getProperty(name, "false"));
    }
}
