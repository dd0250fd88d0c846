package cn.qualify.forms;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends openhtmltopdf's messages to the application's logging instead of its own console handler. Its INFO
 * messages (timings, font loading) come on every print, so they are logged at DEBUG.
 */
final class LayoutLog implements XRLogger {

    @Override
    public void log(String where, Level level, String message) {
        log(where, level, message, null);
    }

    @Override
    public void log(String where, Level level, String message, Throwable error) {
        Logger logger = LoggerFactory.getLogger(where);
        int severity = level.intValue();
        if (severity >= Level.SEVERE.intValue()) {
            logger.error(message, error);
        } else if (severity >= Level.WARNING.intValue()) {
            logger.warn(message, error);
        } else if (severity >= Level.FINE.intValue()) {
            logger.debug(message, error);
        } else {
            logger.trace(message, error);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // Levels are the application's logging configuration's to set.
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
        int severity = diagnostic.getLevel().intValue();
        if (severity >= Level.SEVERE.intValue()) {
            return logger.isErrorEnabled();
        } else if (severity >= Level.WARNING.intValue()) {
            return logger.isWarnEnabled();
        } else if (severity >= Level.FINE.intValue()) {
            return logger.isDebugEnabled();
        }
        return logger.isTraceEnabled();
    }
}
