package cn.qualify.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qualify.identity.SmsSender;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * {@code qualify.sms.provider} picks one adapter for both ports: with {@code http} the identity module's phone
 * verification and the notifications both use the HTTP gateway; with {@code log} (the default) neither sends.
 */
class SmsProviderSelectionTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SmsGatewayProperties.class)
    @Import({HttpSmsGateway.class, LoggingSmsGateway.class})
    static class Adapters {}

    final ApplicationContextRunner runner;

    SmsProviderSelectionTests() throws ClassNotFoundException {
        runner = new ApplicationContextRunner()
                .withUserConfiguration(Adapters.class, Class.forName("cn.qualify.identity.LoggingSmsSender"));
    }

    @Test
    void httpServesPhoneVerificationAndNotifications() {
        runner.withPropertyValues("qualify.sms.provider=http", "qualify.sms.http.url=http://127.0.0.1:1/sms")
                .run(context -> {
                    assertThat(context).hasSingleBean(SmsSender.class);
                    assertThat(context.getBean(SmsSender.class)).isInstanceOf(HttpSmsGateway.class);
                    assertThat(context.getBean(SmsGateway.class)).isSameAs(context.getBean(SmsSender.class));
                });
    }

    @Test
    void logIsTheDefaultAndSendsNothing() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(SmsSender.class);
            assertThat(context.getBean(SmsSender.class).getClass().getSimpleName())
                    .isEqualTo("LoggingSmsSender");
            assertThat(context.getBean(SmsGateway.class)).isInstanceOf(LoggingSmsGateway.class);
        });
    }

    @Test
    void httpWithoutAUrlRefusesToStart() {
        runner.withPropertyValues("qualify.sms.provider=http")
                .run(context -> assertThat(context).hasFailed());
    }
}
