package cn.qualify.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** GreenMail on a free port, a WeChat endpoint that answers 503, a settable clock, and a notifier that can fail. */
@TestConfiguration(proxyBeanMethods = false)
class NotificationTestConfiguration {

    @Bean
    @Primary
    SettableClock notificationTestClock() {
        return new SettableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneId.of("Asia/Shanghai"));
    }

    @Bean(destroyMethod = "stop")
    GreenMail greenMail() {
        var greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        return greenMail;
    }

    @Bean
    FailingEndpoint failingWeChat() throws IOException {
        return new FailingEndpoint();
    }

    @Bean
    DynamicPropertyRegistrar notificationEndpoints(GreenMail greenMail, FailingEndpoint failingWeChat) {
        return registry -> {
            registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
            registry.add("qualify.notification.wechat.endpoint", () -> "http://127.0.0.1:" + failingWeChat.port());
        };
    }

    @Bean
    @Primary
    FlakyNotifier flakyNotifier(@Qualifier("notifier") Notifier notifier) {
        return new FlakyNotifier(notifier);
    }

    /** Records through the real notifier unless told to fail, as a crashed or broken listener would. */
    static class FlakyNotifier extends Notifier {

        private final AtomicBoolean failing = new AtomicBoolean();
        private final AtomicInteger failures = new AtomicInteger();
        private final Notifier real;

        FlakyNotifier(Notifier real) {
            super(null, null, null, java.util.List.of(), null);
            this.real = real;
        }

        /** Methods, not fields: tests see this bean through its transaction proxy. */
        void failing(boolean fail) {
            failing.set(fail);
        }

        int failures() {
            return failures.get();
        }

        @Override
        boolean record(Notice notice) {
            if (failing.get()) {
                failures.incrementAndGet();
                throw new IllegalStateException("delivery interrupted (test)");
            }
            return real.record(notice);
        }
    }

    /** A local HTTP endpoint that answers every request with 503, on a free port. */
    static class FailingEndpoint implements AutoCloseable {

        private final HttpServer server;

        FailingEndpoint() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** A clock the tests set and move. */
    static class SettableClock extends Clock {

        private volatile Instant now;
        private final Instant start;
        private final ZoneId zone;

        SettableClock(Instant start, ZoneId zone) {
            this.start = start;
            this.now = start;
            this.zone = zone;
        }

        void set(Instant instant) {
            now = instant;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        void reset() {
            now = start;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new SettableClock(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
