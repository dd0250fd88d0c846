package cn.qualify.notification;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeChat official-account template messages: an access token from {@code GET /cgi-bin/token} (kept until shortly
 * before it expires), then {@code POST /cgi-bin/message/template/send} with the candidate's OpenID, the template id
 * configured for the notification kind and the fields {@code first}, {@code keyword1} (application number),
 * {@code keyword2} (title) and {@code remark} (text). An answer with {@code errcode} other than 0 is a failure;
 * an invalid token is dropped so the next attempt fetches a new one. Neither the secret nor the token is logged or
 * put into a failure message.
 */
@Component
class WeChatChannel implements NotificationChannel {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final NotificationProperties.WeChat settings;
    private final Clock clock;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private String token;
    private Instant tokenExpires = Instant.MIN;

    WeChatChannel(NotificationProperties properties, Clock clock) {
        this.settings = properties.wechat();
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.WECHAT;
    }

    @Override
    public boolean isConfigured() {
        return settings.enabled() && settings.appId() != null && settings.appSecret() != null;
    }

    @Override
    public boolean reaches(Recipient recipient) {
        return recipient.wechatOpenId() != null && !recipient.wechatOpenId().isBlank();
    }

    @Override
    public void deliver(OutgoingMessage message) throws DeliveryFailedException {
        if (!isConfigured()) {
            throw new DeliveryFailedException("WeChat is not configured");
        }
        var template = settings.templates().get(message.kind().name());
        if (template == null) {
            throw new DeliveryFailedException("No WeChat template for " + message.kind());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("first", value(message.title()));
        data.put(
                "keyword1", value(message.args().isEmpty() ? "" : message.args().get(0)));
        data.put("keyword2", value(message.title()));
        data.put("remark", value(message.body()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("touser", message.recipient().wechatOpenId());
        body.put("template_id", template);
        if (settings.link() != null) {
            body.put("url", settings.link());
        }
        body.put("data", data);
        var answer = call(HttpRequest.newBuilder(
                        URI.create(settings.endpoint() + "/cgi-bin/message/template/send?access_token=" + token()))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        int errcode = answer.path("errcode").asInt(0);
        if (errcode != 0) {
            if (errcode == 40001 || errcode == 42001 || errcode == 40014) {
                forgetToken();
            }
            throw new DeliveryFailedException("WeChat errcode " + errcode);
        }
    }

    private synchronized String token() throws DeliveryFailedException {
        var now = clock.instant();
        if (token != null && now.isBefore(tokenExpires)) {
            return token;
        }
        var answer = call(HttpRequest.newBuilder(URI.create(settings.endpoint()
                        + "/cgi-bin/token?grant_type=client_credential&appid=" + encode(settings.appId()) + "&secret="
                        + encode(settings.appSecret())))
                .GET());
        var fresh = answer.path("access_token").asString(null);
        if (fresh == null || fresh.isBlank()) {
            throw new DeliveryFailedException(
                    "WeChat token refused, errcode " + answer.path("errcode").asInt(-1));
        }
        long expiresIn = answer.path("expires_in").asLong(7200);
        token = fresh;
        tokenExpires = now.plusSeconds(Math.max(0, expiresIn - 300));
        return token;
    }

    private synchronized void forgetToken() {
        token = null;
        tokenExpires = Instant.MIN;
    }

    private JsonNode call(HttpRequest.Builder request) throws DeliveryFailedException {
        try {
            var response = client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new DeliveryFailedException("WeChat answered HTTP " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException failed) {
            throw new DeliveryFailedException(
                    "WeChat unreachable: " + failed.getClass().getSimpleName(), failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException("WeChat call interrupted", interrupted);
        } catch (tools.jackson.core.JacksonException unreadable) {
            throw new DeliveryFailedException("WeChat answer unreadable");
        }
    }

    private static Map<String, String> value(String text) {
        return Map.of("value", text);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
