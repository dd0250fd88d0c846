package cn.qualify.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qualify.notification.LocalHttpServer.Answer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP SMS gateway adapter against a local HTTP server: what it sends, and what counts as a failure. */
class HttpSmsGatewayTests {

    final LocalHttpServer gateway = new LocalHttpServer(request -> new Answer(200, "{\"ok\":true}"));
    final JsonMapper json = JsonMapper.builder().build();

    HttpSmsGatewayTests() throws Exception {}

    @AfterEach
    void stop() {
        gateway.close();
    }

    HttpSmsGateway adapter(String apiKey) {
        return new HttpSmsGateway(new SmsGatewayProperties(
                "http",
                new SmsGatewayProperties.Http(
                        gateway.url("/sms/send"),
                        apiKey,
                        "医师资格审核",
                        Duration.ofSeconds(2),
                        "SMS_CODE",
                        Map.of("RETURNED", "SMS_RETURNED"))));
    }

    OutgoingMessage returned() {
        return new OutgoingMessage(
                UUID.fromString("00000000-0000-0000-0000-000000000001"),
                new Recipient("7", "张三", null, "13800138000", null),
                NoticeKind.RETURNED,
                "报名材料被退回修改",
                "请在 2025-03-06 前重新提交",
                List.of("202521010001", "2025-03-06", "1"));
    }

    @Test
    void postsTheTemplateItsParametersAndTheTextWithKeyAndIdempotencyKey() throws Exception {
        var sms = adapter("secret-key");
        new SmsChannel(
                        sms,
                        new SmsGatewayProperties(
                                "http",
                                new SmsGatewayProperties.Http(
                                        gateway.url("/sms/send"),
                                        "secret-key",
                                        "医师资格审核",
                                        Duration.ofSeconds(2),
                                        "SMS_CODE",
                                        Map.of("RETURNED", "SMS_RETURNED"))))
                .deliver(returned());

        assertThat(gateway.received).hasSize(1);
        var request = gateway.received.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/sms/send");
        assertThat(request.header("Authorization")).isEqualTo("Bearer secret-key");
        assertThat(request.header("Idempotency-Key")).isEqualTo("00000000-0000-0000-0000-000000000001");
        var body = json.readTree(request.body());
        assertThat(body.path("phone").asString()).isEqualTo("13800138000");
        assertThat(body.path("template").asString()).isEqualTo("SMS_RETURNED");
        assertThat(body.path("signName").asString()).isEqualTo("医师资格审核");
        assertThat(body.path("params").path("p0").asString()).isEqualTo("202521010001");
        assertThat(body.path("params").path("p1").asString()).isEqualTo("2025-03-06");
        assertThat(body.path("text").asString()).startsWith("报名材料被退回修改：");
    }

    @Test
    void anErrorStatusOrAnUnreachableGatewayIsAFailureThatNamesNoSecret() throws Exception {
        gateway.answer(request -> new Answer(500, "{\"error\":\"busy\"}"));
        var sms = adapter("secret-key");
        assertThatThrownBy(() -> sms.send("13800138000", "T", Map.of(), "text", "k1"))
                .isInstanceOf(DeliveryFailedException.class)
                .hasMessageContaining("HTTP 500")
                .hasMessageNotContaining("secret-key");

        gateway.close();
        assertThatThrownBy(() -> sms.send("13800138000", "T", Map.of(), "text", "k2"))
                .isInstanceOf(DeliveryFailedException.class)
                .hasMessageNotContaining("secret-key");
    }

    @Test
    void servesTheIdentityModulesVerificationCodesThroughTheSameGateway() throws Exception {
        adapter(null).sendVerificationCode("13900139000", "482913", Duration.ofMinutes(10));

        var request = gateway.received.get(0);
        assertThat(request.header("Authorization")).isNull();
        var body = json.readTree(request.body());
        assertThat(body.path("template").asString()).isEqualTo("SMS_CODE");
        assertThat(body.path("params").path("code").asString()).isEqualTo("482913");
        assertThat(body.path("params").path("minutes").asString()).isEqualTo("10");
    }

    @Test
    void aVerificationCodeTheGatewayRefusesFailsTheRequest() {
        gateway.answer(request -> new Answer(429, ""));
        assertThatThrownBy(() -> adapter("k").sendVerificationCode("13900139000", "482913", Duration.ofMinutes(10)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("429")
                .hasMessageNotContaining("482913");
    }
}
