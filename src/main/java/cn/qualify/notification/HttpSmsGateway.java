package cn.qualify.notification;

import cn.qualify.identity.SmsSender;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * An SMS gateway reached over HTTP: each message is a JSON {@code POST} to {@code qualify.sms.http.url} with the
 * API key as a bearer token and the delivery id as {@code Idempotency-Key}; any 2xx answer means accepted. It also
 * serves the identity module's {@link SmsSender} port, so phone verification codes go the same way.
 *
 * <pre>
 * {"phone":"13800138000","signName":"…","template":"SMS_0001","params":{"p0":"…"},"text":"…"}
 * </pre>
 *
 * The log never shows the key, the text or a verification code, and phone numbers only masked.
 */
@Component
@ConditionalOnProperty(name = "qualify.sms.provider", havingValue = "http")
class HttpSmsGateway implements SmsGateway, SmsSender {

    private static final Logger log = LoggerFactory.getLogger(HttpSmsGateway.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SmsGatewayProperties.Http settings;
    private final HttpClient client;

    HttpSmsGateway(SmsGatewayProperties properties) {
        this.settings = properties.http();
        if (settings.url() == null || settings.url().isBlank()) {
            throw new IllegalStateException("qualify.sms.provider=http needs qualify.sms.http.url");
        }
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    @Override
    public void send(String phone, String template, Map<String, String> params, String text, String idempotencyKey)
            throws DeliveryFailedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phone", phone);
        body.put("signName", settings.signName());
        if (template != null) {
            body.put("template", template);
        }
        body.put("params", params);
        body.put("text", text);
        var request = HttpRequest.newBuilder(URI.create(settings.url()))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", idempotencyKey);
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            request.header("Authorization", "Bearer " + settings.apiKey());
        }
        HttpResponse<String> response;
        try {
            response = client.send(
                    request.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException failed) {
            throw new DeliveryFailedException(
                    "SMS gateway unreachable: " + failed.getClass().getSimpleName(), failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException("SMS gateway call interrupted", interrupted);
        }
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryFailedException("SMS gateway answered HTTP " + response.statusCode());
        }
        log.debug("SMS to {} accepted by the gateway ({})", Recipient.masked(phone), idempotencyKey);
    }

    @Override
    public void sendVerificationCode(String phone, String code, Duration validFor) {
        var minutes = String.valueOf(validFor.toMinutes());
        try {
            send(
                    phone,
                    settings.verificationTemplate(),
                    Map.of("code", code, "minutes", minutes),
                    "验证码 " + code + "，" + minutes + " 分钟内有效。",
                    UUID.randomUUID().toString());
        } catch (DeliveryFailedException failed) {
            throw new IllegalStateException(failed.getMessage(), failed);
        }
    }
}
