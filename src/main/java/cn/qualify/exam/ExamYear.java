package cn.qualify.exam;

import java.time.LocalDate;

/**
 * One exam year of one exam district, with the dates that govern registration, uploads and review.
 *
 * @param year e.g. 2025
 * @param districtCode e.g. {@code 21} 辽宁
 * @param policyId the policy that computes checklists this year, e.g. {@code LN-2025}
 * @param maxImageBytes the largest accepted image file (200 KB = 204,800 bytes in 2025)
 * @param resubmissionDays default days a candidate has to resubmit after a return for revision
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
        long maxImageBytes) {}
