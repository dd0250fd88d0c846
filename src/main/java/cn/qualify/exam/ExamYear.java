package cn.qualify.exam;

import java.time.LocalDate;

/**
 * One exam year of one exam district, with the dates that govern registration, uploads and review. Every window
 * is a closed range of dates in China (Asia/Shanghai): it is open from its first to its last day inclusive.
 *
 * <p>Guaranteed by exam setup: each window closes on or after it opens; uploads open on or after registration
 * opens; review opens on or after uploads open and closes on or after uploads close; {@code resubmissionDays} is
 * 1–60; {@code maxImageBytes} is 10 KB–10 MB.
 *
 * @param year e.g. 2025
 * @param districtCode e.g. {@code 21} 辽宁
 * @param policyId the policy that computes checklists this year, e.g. {@code LN-2025}
 * @param registrationOpens first day candidates may register (报名)
 * @param registrationCloses last day candidates may register
 * @param uploadOpens first day candidates may upload their materials
 * @param uploadCloses last day candidates may upload or submit (resubmissions after a return follow their own
 *     deadline)
 * @param reviewOpens first day reviewers may review
 * @param reviewCloses last day reviewers may review
 * @param resubmissionDays default days a candidate has to resubmit after a return for revision
 * @param maxImageBytes the largest accepted image file (200 KB = 204,800 bytes in 2025)
 */
public record ExamYear(
        int year,
        String districtCode,
        String policyId,
        LocalDate registrationOpens,
        LocalDate registrationCloses,
        LocalDate uploadOpens,
        LocalDate uploadCloses,
        LocalDate reviewOpens,
        LocalDate reviewCloses,
        int resubmissionDays,
        long maxImageBytes) {

    /** Whether candidates may register on {@code day}. */
    public boolean registrationOpenOn(LocalDate day) {
        return within(day, registrationOpens, registrationCloses);
    }

    /** Whether candidates may upload and submit materials on {@code day}. */
    public boolean uploadOpenOn(LocalDate day) {
        return within(day, uploadOpens, uploadCloses);
    }

    /** Whether reviewers may review on {@code day}. */
    public boolean reviewOpenOn(LocalDate day) {
        return within(day, reviewOpens, reviewCloses);
    }

    private static boolean within(LocalDate day, LocalDate opens, LocalDate closes) {
        return !day.isBefore(opens) && !day.isAfter(closes);
    }
}
