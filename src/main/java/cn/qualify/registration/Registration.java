package cn.qualify.registration;

import cn.qualify.policy.CandidateFacts;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A candidate's registration info for one exam year.
 *
 * @param candidateId the identity module's account id of the candidate
 * @param name as on the ID document
 * @param gender {@code MALE} / {@code FEMALE}, derived from a 居民身份证 number, entered otherwise
 * @param birthDate derived from a 居民身份证 number, entered otherwise
 * @param idType the identity module's ID type name, e.g. {@code RESIDENT_ID_CARD}
 * @param idNumber the normalised ID document number
 * @param examPointCode the exam point (考点) the candidate registers at
 * @param facts what the policy reads to compute the checklist
 */
public record Registration(
        long candidateId,
        int examYear,
        String name,
        String gender,
        LocalDate birthDate,
        String idType,
        String idNumber,
        String phone,
        String email,
        String school,
        String major,
        String examPointCode,
        CandidateFacts facts,
        Instant updatedAt) {}
