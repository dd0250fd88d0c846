package cn.qualify.notification;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** SMS to the account's mobile number through the configured {@link SmsGateway}. */
@Component
class SmsChannel implements NotificationChannel {

    private final SmsGateway gateway;
    private final SmsGatewayProperties properties;

    SmsChannel(SmsGateway gateway, SmsGatewayProperties properties) {
        this.gateway = gateway;
        this.properties = properties;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public boolean isConfigured() {
        return true;
    }

    @Override
    public boolean reaches(Recipient recipient) {
        return recipient.phone() != null && !recipient.phone().isBlank();
    }

    @Override
    public void deliver(OutgoingMessage message) throws DeliveryFailedException {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < message.args().size(); i++) {
            params.put("p" + i, message.args().get(i));
        }
        gateway.send(
                message.recipient().phone(),
                properties.http().templates().get(message.kind().name()),
                params,
                message.title() + "：" + message.body(),
                message.deliveryId().toString());
    }
}
