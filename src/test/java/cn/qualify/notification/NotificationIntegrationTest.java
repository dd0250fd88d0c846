package cn.qualify.notification;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application behind MockMvc with {@link NotificationTestConfiguration}: e-mail to an in-process GreenMail
 * server, WeChat configured against a local endpoint that always fails, and a clock the tests set. One context for
 * all notification tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        properties = {
            "spring.mail.host=127.0.0.1",
            "qualify.notification.wechat.enabled=true",
            "qualify.notification.wechat.app-id=wx-test",
            "qualify.notification.wechat.app-secret=test-secret",
            "qualify.notification.wechat.templates.RETURNED=tmpl-returned"
        })
@AutoConfigureMockMvc
@Import(NotificationTestConfiguration.class)
@interface NotificationIntegrationTest {}
