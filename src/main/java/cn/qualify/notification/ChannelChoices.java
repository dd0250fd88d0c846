package cn.qualify.notification;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Which channels a candidate can choose here, and the checks on a choice before it is saved. */
@Component
class ChannelChoices {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{1,20}$");
    private static final Pattern OPEN_ID = Pattern.compile("^[A-Za-z0-9_-]{6,64}$");

    private final List<NotificationChannel> channels;
    private final JdbcPreferences preferences;

    ChannelChoices(List<NotificationChannel> channels, JdbcPreferences preferences) {
        this.channels = channels;
        this.preferences = preferences;
    }

    /** The external channels this deployment has set up. */
    Set<Channel> available() {
        var available = EnumSet.noneOf(Channel.class);
        channels.stream()
                .filter(NotificationChannel::isConfigured)
                .forEach(channel -> available.add(channel.channel()));
        return available;
    }

    /**
     * Saves the candidate's choice.
     *
     * @throws IllegalArgumentException with a message key if an address is malformed or a channel is not offered
     */
    void save(String candidateId, Preferences chosen) {
        if (chosen.emailAddress() != null
                && (chosen.emailAddress().length() > 200
                        || !EMAIL.matcher(chosen.emailAddress()).matches())) {
            throw new IllegalArgumentException("notification.preferences.badEmail");
        }
        if (chosen.wechatOpenId() != null
                && !OPEN_ID.matcher(chosen.wechatOpenId()).matches()) {
            throw new IllegalArgumentException("notification.preferences.badOpenId");
        }
        if (chosen.wechat() && !available().contains(Channel.WECHAT)) {
            throw new IllegalArgumentException("notification.preferences.unavailable");
        }
        preferences.save(candidateId, chosen);
    }
}
