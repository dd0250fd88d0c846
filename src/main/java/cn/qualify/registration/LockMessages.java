package cn.qualify.registration;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Says why registration info is locked, in the reader's language, with the date or application state. */
@Component
class LockMessages {

    private final MessageSource messages;

    LockMessages(MessageSource messages) {
        this.messages = messages;
    }

    String of(Lock lock, Locale locale) {
        String state = lock.applicationState() == null
                ? ""
                : messages.getMessage("application.state." + lock.applicationState(), null, locale);
        String date = lock.date() == null ? "" : lock.date().toString();
        return messages.getMessage(lock.messageKey(), new Object[] {date, state}, locale);
    }
}
