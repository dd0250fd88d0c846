package cn.qualify.notification;

import java.util.EnumSet;
import java.util.Set;

/**
 * A candidate's choice of channels. The inbox is always on. Without a saved choice, e-mail and SMS are on.
 *
 * @param email an address for notifications; empty to use the one in the registration info
 * @param wechatOpenId the candidate's OpenID at the official account, if bound
 */
public record Preferences(boolean email, boolean sms, boolean wechat, String emailAddress, String wechatOpenId) {

    static final Preferences DEFAULT = new Preferences(true, true, false, null, null);

    public Preferences {
        emailAddress = blankToNull(emailAddress);
        wechatOpenId = blankToNull(wechatOpenId);
    }

    /** The channels chosen, the inbox included. */
    Set<Channel> channels() {
        var channels = EnumSet.of(Channel.INBOX);
        if (email) {
            channels.add(Channel.EMAIL);
        }
        if (sms) {
            channels.add(Channel.SMS);
        }
        if (wechat) {
            channels.add(Channel.WECHAT);
        }
        return channels;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
