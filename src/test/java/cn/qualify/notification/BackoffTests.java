package cn.qualify.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wait between delivery attempts doubles from the base up to the maximum. */
class BackoffTests {

    final NotificationProperties properties = new NotificationProperties(
            8,
            Duration.ofMinutes(1),
            Duration.ofMinutes(30),
            100,
            List.of(),
            Duration.ofMinutes(2),
            new NotificationProperties.Mail("noreply@example.com"),
            new NotificationProperties.WeChat(false, "", null, null, null, null));

    @Test
    void doublesAndCaps() {
        assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.backoffAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(properties.backoffAfter(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(properties.backoffAfter(5)).isEqualTo(Duration.ofMinutes(16));
        assertThat(properties.backoffAfter(6)).isEqualTo(Duration.ofMinutes(30));
        assertThat(properties.backoffAfter(40)).isEqualTo(Duration.ofMinutes(30));
    }
}
