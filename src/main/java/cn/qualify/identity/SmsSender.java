package cn.qualify.identity;

import java.time.Duration;

/**
 * Sends text messages to mainland mobile numbers. The identity module uses it for phone verification codes.
 *
 * <p>Chosen by {@code qualify.sms.provider}: {@code log} (the default, for development) writes the code to the
 * application log instead of sending it; a gateway adapter registers under another value.
 */
public interface SmsSender {

    /**
     * Sends a verification code. Gateways send it with their pre-approved template, so the text is theirs.
     *
     * @param phone 11-digit mainland mobile number
     * @param code the digits to type in
     * @param validFor how long the code may be used
     */
    void sendVerificationCode(String phone, String code, Duration validFor);
}
