package cn.qualify.notification;

import java.util.Map;

/** Sends a text message through whatever gateway {@code qualify.sms.provider} selects. */
interface SmsGateway {

    /**
     * @param template the gateway's template id, or {@code null} to send the text as it is
     * @param params the template's parameters
     * @param text the full text, for gateways without templates and for the log
     * @param idempotencyKey the same for every retry of one message
     */
    void send(String phone, String template, Map<String, String> params, String text, String idempotencyKey)
            throws DeliveryFailedException;
}
