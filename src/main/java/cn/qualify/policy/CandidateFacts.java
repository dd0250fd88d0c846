package cn.qualify.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The registration info that the policy reads, as in the contract's JSON. Absent optional values mean false or
 * none: absent flags become {@code false} (never null), {@code shortageExam} becomes {@link ShortageExam#NONE},
 * {@code workUnits} an empty list, a blank {@code schoolProvinceCode} null.
 *
 * @param examYear the exam year, e.g. 2025; required
 * @param examLevel required
 * @param category required
 * @param education required
 * @param postgraduateStatus postgraduates only
 * @param schoolProvinceCode two-digit GB/T 2260 code of the school's province, e.g. {@code 21} 辽宁
 * @param topUpBachelor 专升本
 * @param bachelorAdmissionDate date of entering the bachelor programme (专升本)
 * @param activeMilitary 现役军人 or 部队文职人员
 * @param assistantQualified holds the assistant qualification and practice certificates
 * @param assistantRegistrationDate registration date of the assistant practice certificate
 * @param assistantPracticeScope practice scope on the assistant practice certificate
 * @param crossProvinceTransfer practice registration moved across provinces
 * @param originalCertificateUnavailable that transfer's original certificate was recalled or lost
 * @param institution the registered (trial or practice) institution
 * @param workUnits every unit of the probation or practice period, in order
 */
public record CandidateFacts(
        @NotNull Integer examYear,
        @NotNull ExamLevel examLevel,
        @NotNull Category category,
        @NotNull Education education,
        PostgraduateStatus postgraduateStatus,
        String schoolProvinceCode,
        LocalDate graduationDate,
        Boolean topUpBachelor,
        LocalDate bachelorAdmissionDate,
        Boolean foreignDegree,
        Boolean diplomaLost,
        Boolean activeMilitary,
        Boolean assistantQualified,
        LocalDate assistantRegistrationDate,
        Post assistantPracticeScope,
        Boolean crossProvinceTransfer,
        Boolean originalCertificateUnavailable,
        ShortageExam shortageExam,
        Post probationPost,
        @Valid Institution institution,
        List<@Valid WorkUnit> workUnits) {

    public CandidateFacts {
        topUpBachelor = Boolean.TRUE.equals(topUpBachelor);
        foreignDegree = Boolean.TRUE.equals(foreignDegree);
        diplomaLost = Boolean.TRUE.equals(diplomaLost);
        activeMilitary = Boolean.TRUE.equals(activeMilitary);
        assistantQualified = Boolean.TRUE.equals(assistantQualified);
        crossProvinceTransfer = Boolean.TRUE.equals(crossProvinceTransfer);
        originalCertificateUnavailable = Boolean.TRUE.equals(originalCertificateUnavailable);
        schoolProvinceCode =
                schoolProvinceCode == null || schoolProvinceCode.isBlank() ? null : schoolProvinceCode.strip();
        shortageExam = shortageExam == null ? ShortageExam.NONE : shortageExam;
        workUnits = workUnits == null
                ? List.of()
                : workUnits.stream().filter(Objects::nonNull).toList();
    }

    /**
     * The registered (trial or practice) institution.
     *
     * @param licenseChanged the licence has change pages (变更信息)
     */
    public record Institution(String name, InstitutionType type, Boolean licenseChanged) {

        public Institution {
            licenseChanged = Boolean.TRUE.equals(licenseChanged);
        }
    }

    /**
     * One unit of the probation or practice period.
     *
     * @param from first day there
     * @param to last day there; absent while the candidate is still there
     */
    public record WorkUnit(String name, InstitutionType type, LocalDate from, LocalDate to) {}
}
