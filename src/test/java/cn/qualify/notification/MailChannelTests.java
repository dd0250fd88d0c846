package cn.qualify.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The e-mail channel over SMTP to an in-process GreenMail server on a free port. */
class MailChannelTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    MailChannel channel(JavaMailSender sender) {
        var beans = new StaticListableBeanFactory();
        if (sender != null) {
            beans.addBean("mailSender", sender);
        }
        var properties = new NotificationProperties(
                5,
                Duration.ofMinutes(1),
                Duration.ofHours(6),
                100,
                List.of(),
                Duration.ofMinutes(2),
                new NotificationProperties.Mail("noreply@qualify.example"),
                new NotificationProperties.WeChat(false, "", null, null, null, null));
        return new MailChannel(beans.getBeanProvider(JavaMailSender.class), properties);
    }

    JavaMailSenderImpl sender(int port) {
        var sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.setDefaultEncoding("UTF-8");
        return sender;
    }

    OutgoingMessage message(String to) {
        return new OutgoingMessage(
                UUID.randomUUID(),
                new Recipient("7", "张三", to, null, null),
                NoticeKind.APPROVED,
                "资格审核通过",
                "您的报名（报名号 202521010001）已通过资格审核。",
                List.of("202521010001"));
    }

    @Test
    void sendsTheTitleAndTextInChinese() throws Exception {
        var channel = channel(sender(greenMail.getSmtp().getPort()));
        assertThat(channel.isConfigured()).isTrue();
        channel.deliver(message("candidate@example.com"));

        var received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("资格审核通过");
        assertThat(received[0].getFrom()[0].toString()).isEqualTo("noreply@qualify.example");
        assertThat(GreenMailUtil.getBody(received[0])).isNotBlank();
        assertThat(String.valueOf(received[0].getContent())).contains("202521010001");
    }

    @Test
    void withoutAnSmtpServerTheChannelIsOffAndAFailedSendIsADeliveryFailure() {
        assertThat(channel(null).isConfigured()).isFalse();
        var closed = sender(greenMail.getSmtp().getPort());
        greenMail.stop();
        assertThatThrownBy(() -> channel(closed).deliver(message("candidate@example.com")))
                .isInstanceOf(DeliveryFailedException.class);
    }
}
