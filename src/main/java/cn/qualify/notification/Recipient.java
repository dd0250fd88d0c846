package cn.qualify.notification;

/**
 * Where one candidate can be reached; {@code null} where they have no address on a channel.
 *
 * @param wechatOpenId the candidate's OpenID at the official account
 */
record Recipient(String candidateId, String name, String email, String phone, String wechatOpenId) {

    /** A phone number for logs: 138****5678. */
    static String masked(String phone) {
        if (phone == null || phone.length() < 7) {
            return "***";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
