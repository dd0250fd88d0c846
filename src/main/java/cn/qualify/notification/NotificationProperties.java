package cn.qualify.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of notifications and deadlines, under {@code qualify.notification}.
 *
 * @param maxAttempts failed attempts after which a delivery goes to the dead-letter list
 * @param retryBase the wait after the first failed attempt; it doubles after each further failure
 * @param retryMax the longest wait between two attempts
 * @param dispatchBatch deliveries attempted per run of the dispatcher
 * @param reminders how long before a revision deadline the candidate is reminded, each once
 * @param resubmitAfter how old an incomplete event publication must be before it is resubmitted
 * @param mail the e-mail channel; it is on when {@code spring.mail.host} is set
 * @param wechat the WeChat template-message channel
 */
@ConfigurationProperties("qualify.notification")
record NotificationProperties(
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("1m") Duration retryBase,
        @DefaultValue("6h") Duration retryMax,
        @DefaultValue("200") int dispatchBatch,
        @DefaultValue({"48h", "24h"}) List<Duration> reminders,
        @DefaultValue("2m") Duration resubmitAfter,
        @DefaultValue Mail mail,
        @DefaultValue WeChat wechat) {

    /** Backoff: {@code retryBase × 2^(attempts−1)}, at most {@code retryMax}. */
    Duration backoffAfter(int attempts) {
        var wait = retryBase;
        for (int i = 1; i < attempts && wait.compareTo(retryMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }

    /** @param from the sender address of notification e-mails */
    record Mail(@DefaultValue("noreply@qualify.local") String from) {}

    /**
     * @param enabled whether candidates can choose WeChat
     * @param endpoint the WeChat API's base URL
     * @param appId the official account's AppID
     * @param appSecret the official account's AppSecret; never logged
     * @param templates template id per notification kind, e.g. {@code RETURNED: "tmpl-id"}
     * @param link the page a template message opens, e.g. the candidate's inbox
     */
    record WeChat(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("https://api.weixin.qq.com") String endpoint,
            String appId,
            String appSecret,
            Map<String, String> templates,
            String link) {

        WeChat {
            templates = templates == null ? Map.of() : Map.copyOf(templates);
        }
    }
}
