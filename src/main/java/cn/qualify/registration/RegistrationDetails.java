package cn.qualify.registration;

import cn.qualify.policy.CandidateFacts;
import java.time.LocalDate;

/**
 * What a candidate fills in, or an import row gives, besides the identity document: the JSON body of {@code PUT
 * /api/v1/candidate/registration}. Gender and birth date count only for documents that do not encode them.
 *
 * @param gender {@code MALE} or {@code FEMALE}
 * @param facts the candidate facts of the contract; {@code examYear} may be left out, it is the current exam year
 */
record RegistrationDetails(
        String gender,
        LocalDate birthDate,
        String phone,
        String email,
        String school,
        String major,
        String examPointCode,
        CandidateFacts facts) {}
