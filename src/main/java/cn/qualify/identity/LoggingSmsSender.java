package cn.qualify.identity;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Development adapter: writes verification codes to the log at INFO, so that registration works without a gateway. */
@Component
@ConditionalOnProperty(name = "qualify.sms.provider", havingValue = "log", matchIfMissing = true)
class LoggingSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);

    @Override
    public void sendVerificationCode(String phone, String code, Duration validFor) {
        log.info(
                "SMS (development, not sent) to {}: verification code {}, valid for {} minutes",
                phone,
                code,
                validFor.toMinutes());
    }
}
