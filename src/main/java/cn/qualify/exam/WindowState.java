package cn.qualify.exam;

import java.time.LocalDate;

/** Where a day lies relative to one of the exam year's windows; shown to administrators next to each window. */
enum WindowState {
    UPCOMING,
    OPEN,
    CLOSED;

    static WindowState of(LocalDate opens, LocalDate closes, LocalDate day) {
        if (day.isBefore(opens)) {
            return UPCOMING;
        }
        return day.isAfter(closes) ? CLOSED : OPEN;
    }

    /** The message key of this state, e.g. {@code exam.window.OPEN}. */
    public String messageKey() {
        return "exam.window." + name();
    }
}
