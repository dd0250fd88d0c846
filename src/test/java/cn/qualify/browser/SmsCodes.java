package cn.qualify.browser;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * Reads verification codes where a developer would: the log line of the development SMS adapter
 * ({@code qualify.sms.provider=log}), captured while a test runs.
 */
final class SmsCodes implements AutoCloseable {

    private static final String LOGGER = "cn.qualify.identity.LoggingSmsSender";
    private static final Pattern CODE = Pattern.compile("to (\\S+): verification code (\\d{6})");

    private final Logger logger = (Logger) LoggerFactory.getLogger(LOGGER);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    SmsCodes() {
        appender.start();
        logger.addAppender(appender);
    }

    /** The last code logged for the phone, or an assertion error if none was sent. */
    String lastCodeFor(String phone) {
        String code = null;
        for (var event : appender.list) {
            var matcher = CODE.matcher(event.getFormattedMessage());
            if (matcher.find() && matcher.group(1).equals(phone)) {
                code = matcher.group(2);
            }
        }
        if (code == null) {
            throw new AssertionError("No verification code was logged for " + phone);
        }
        return code;
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
