package cn.qualify.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Days of the exam year are days in China. A deadline named by its last day ends at the following midnight there,
 * so that the whole last day counts (二.5, 二.7).
 */
public final class ExamDays {

    /** Dates of the exam year (deadlines, cut-offs) are dates in China. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ExamDays() {}

    /** The instant at which a deadline whose last day is {@code lastDay} has passed. */
    public static Instant endOf(LocalDate lastDay) {
        return lastDay.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    /** The last day of a deadline that ends at {@code end}: the day before that midnight. */
    public static LocalDate lastDayBefore(Instant end) {
        return LocalDate.ofInstant(end.minusNanos(1), ZONE);
    }
}
