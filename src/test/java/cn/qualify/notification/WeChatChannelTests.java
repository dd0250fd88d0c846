package cn.qualify.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qualify.notification.LocalHttpServer.Answer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The WeChat template-message adapter against a local HTTP server standing in for the WeChat API. */
class WeChatChannelTests {

    final AtomicInteger tokens = new AtomicInteger();
    final LocalHttpServer wechat = new LocalHttpServer(request -> {
        if (request.path().equals("/cgi-bin/token")) {
            return new Answer(200, "{\"access_token\":\"TOKEN-" + tokens.incrementAndGet() + "\",\"expires_in\":7200}");
        }
        return new Answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
    });
    final JsonMapper json = JsonMapper.builder().build();

    WeChatChannelTests() throws Exception {}

    @AfterEach
    void stop() {
        wechat.close();
    }

    WeChatChannel channel(boolean enabled) {
        var settings = new NotificationProperties.WeChat(
                enabled,
                wechat.url(""),
                "wx123",
                "app-secret",
                Map.of("RETURNED", "TEMPLATE-RETURNED"),
                "https://qualify.example/candidate/inbox");
        var properties = new NotificationProperties(
                5,
                Duration.ofMinutes(1),
                Duration.ofHours(6),
                100,
                List.of(),
                Duration.ofMinutes(2),
                new NotificationProperties.Mail("noreply@example.com"),
                settings);
        return new WeChatChannel(properties, Clock.fixed(Instant.parse("2025-03-01T00:00:00Z"), ZoneOffset.UTC));
    }

    OutgoingMessage message(NoticeKind kind) {
        return new OutgoingMessage(
                UUID.randomUUID(),
                new Recipient("7", "张三", null, null, "oOpenId123"),
                kind,
                "报名材料被退回修改",
                "请重新提交",
                List.of("202521010001", "2025-03-06", "1"));
    }

    @Test
    void fetchesATokenOnceAndSendsTheTemplateMessage() throws Exception {
        var channel = channel(true);
        assertThat(channel.isConfigured()).isTrue();
        channel.deliver(message(NoticeKind.RETURNED));
        channel.deliver(message(NoticeKind.RETURNED));

        assertThat(tokens.get()).isEqualTo(1);
        var tokenRequest = wechat.received.get(0);
        assertThat(tokenRequest.query()).contains("appid=wx123").contains("secret=app-secret");
        var send = wechat.received.get(1);
        assertThat(send.path()).isEqualTo("/cgi-bin/message/template/send");
        assertThat(send.query()).isEqualTo("access_token=TOKEN-1");
        var body = json.readTree(send.body());
        assertThat(body.path("touser").asString()).isEqualTo("oOpenId123");
        assertThat(body.path("template_id").asString()).isEqualTo("TEMPLATE-RETURNED");
        assertThat(body.path("url").asString()).isEqualTo("https://qualify.example/candidate/inbox");
        assertThat(body.path("data").path("keyword1").path("value").asString()).isEqualTo("202521010001");
        assertThat(body.path("data").path("remark").path("value").asString()).isEqualTo("请重新提交");
    }

    @Test
    void anErrcodeIsAFailureAndAnInvalidTokenIsFetchedAgain() throws Exception {
        var channel = channel(true);
        wechat.answer(request -> request.path().equals("/cgi-bin/token")
                ? new Answer(200, "{\"access_token\":\"TOKEN-" + tokens.incrementAndGet() + "\",\"expires_in\":7200}")
                : new Answer(200, "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}"));
        assertThatThrownBy(() -> channel.deliver(message(NoticeKind.RETURNED)))
                .isInstanceOf(DeliveryFailedException.class)
                .hasMessageContaining("40001")
                .hasMessageNotContaining("app-secret")
                .hasMessageNotContaining("TOKEN");
        assertThatThrownBy(() -> channel.deliver(message(NoticeKind.RETURNED)))
                .isInstanceOf(DeliveryFailedException.class);
        assertThat(tokens.get()).as("a new token after the invalid one").isEqualTo(2);
    }

    @Test
    void aKindWithoutTemplateOrAChannelSwitchedOffDeliversNothing() {
        assertThatThrownBy(() -> channel(true).deliver(message(NoticeKind.APPROVED)))
                .isInstanceOf(DeliveryFailedException.class)
                .hasMessageContaining("APPROVED");
        var off = channel(false);
        assertThat(off.isConfigured()).isFalse();
        assertThatThrownBy(() -> off.deliver(message(NoticeKind.RETURNED))).isInstanceOf(DeliveryFailedException.class);
        assertThat(wechat.received).isEmpty();
    }
}
