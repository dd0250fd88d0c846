package cn.qualify.notification;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Development gateway: logs that a notification would be sent, with the phone number masked and without its
 * text. Verification codes stay with the identity module's own logging adapter.
 */
@Component
@ConditionalOnProperty(name = "qualify.sms.provider", havingValue = "log", matchIfMissing = true)
class LoggingSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

    @Override
    public void send(String phone, String template, Map<String, String> params, String text, String idempotencyKey) {
        log.info(
                "SMS (development, not sent) to {}: template {}, {}",
                Recipient.masked(phone),
                template,
                idempotencyKey);
    }
}
