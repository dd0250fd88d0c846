package cn.qualify.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** E-mail over SMTP with Spring Mail; configured when {@code spring.mail.host} is set. */
@Component
class MailChannel implements NotificationChannel {

    private final ObjectProvider<JavaMailSender> sender;
    private final NotificationProperties properties;

    MailChannel(ObjectProvider<JavaMailSender> sender, NotificationProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public boolean isConfigured() {
        return sender.getIfAvailable() != null;
    }

    @Override
    public boolean reaches(Recipient recipient) {
        return recipient.email() != null && !recipient.email().isBlank();
    }

    @Override
    public void deliver(OutgoingMessage message) throws DeliveryFailedException {
        var mailSender = sender.getIfAvailable();
        if (mailSender == null) {
            throw new DeliveryFailedException("e-mail is not configured (spring.mail.host)");
        }
        var mail = new SimpleMailMessage();
        mail.setFrom(properties.mail().from());
        mail.setTo(message.recipient().email());
        mail.setSubject(message.title());
        mail.setText(message.body());
        try {
            mailSender.send(mail);
        } catch (MailException failed) {
            throw new DeliveryFailedException("SMTP: " + failed.getClass().getSimpleName(), failed);
        }
    }
}
