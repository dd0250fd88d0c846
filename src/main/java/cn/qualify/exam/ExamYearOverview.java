package cn.qualify.exam;

import java.time.LocalDate;

/** An exam year as administrators see it in lists: its dates and whether each window is open today. */
record ExamYearOverview(ExamYear year, WindowState registration, WindowState upload, WindowState review) {

    static ExamYearOverview of(ExamYear year, LocalDate today) {
        return new ExamYearOverview(
                year,
                WindowState.of(year.registrationOpens(), year.registrationCloses(), today),
                WindowState.of(year.uploadOpens(), year.uploadCloses(), today),
                WindowState.of(year.reviewOpens(), year.reviewCloses(), today));
    }

    /** The largest image in whole kilobytes, as the notice states it (200 KB). */
    public long maxImageKilobytes() {
        return year.maxImageBytes() / 1024;
    }
}
