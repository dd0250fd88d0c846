package cn.qualify.registration;

import java.time.LocalDate;

/**
 * Why a candidate cannot change their registration info now; the message key {@code registration.locked.<REASON>}
 * says it to them.
 *
 * @param date the day the registration window opens or closed, for those reasons; null otherwise
 * @param applicationState the application's state for {@link Reason#APPLICATION_SUBMITTED}; null otherwise
 */
record Lock(Reason reason, LocalDate date, String applicationState) {

    enum Reason {
        /** No exam year is set up. */
        NO_EXAM_YEAR,
        /** The application of the exam year is no longer a draft. */
        APPLICATION_SUBMITTED,
        /** The registration window has not opened yet. */
        NOT_YET_OPEN,
        /** The registration window has closed. */
        CLOSED
    }

    String messageKey() {
        return "registration.locked." + reason.name();
    }
}
