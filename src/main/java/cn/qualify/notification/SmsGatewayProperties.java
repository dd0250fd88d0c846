package cn.qualify.notification;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMS gateway, under {@code qualify.sms}. With {@code provider: http} both notifications and the identity
 * module's phone verification codes go through the HTTP gateway; with {@code log} (the default) they are only
 * logged, phone numbers masked.
 *
 * @param provider {@code log} or {@code http}
 * @param http the HTTP gateway
 */
@ConfigurationProperties("qualify.sms")
record SmsGatewayProperties(
        @DefaultValue("log") String provider, @DefaultValue Http http) {

    /**
     * @param url where messages are posted as JSON
     * @param apiKey sent as a bearer token; never logged
     * @param signName the registered signature (签名) the gateway puts before the text
     * @param timeout connect and response timeout
     * @param verificationTemplate the gateway's template id for verification codes
     * @param templates the gateway's template id per notification kind, e.g. {@code RETURNED: "SMS_0001"}
     */
    record Http(
            String url,
            String apiKey,
            @DefaultValue("执业医师资格审核") String signName,
            @DefaultValue("5s") Duration timeout,
            @DefaultValue("VERIFICATION_CODE") String verificationTemplate,
            Map<String, String> templates) {

        Http {
            templates = templates == null ? Map.of() : Map.copyOf(templates);
        }
    }
}
