package cn.qualify.registration;

import java.time.Instant;

/**
 * A candidate's registration info was saved, by the candidate or by an administrator's import; published inside
 * the transaction that stored it. An application opened earlier keeps the exam point it was opened with, so a
 * listener that cares follows {@code examPointCode} while the application is a draft.
 *
 * @param candidateId the identity module's account id of the candidate
 * @param examPointCode the exam point (考点) the registration now names
 * @param previousExamPointCode the exam point before this save; {@code null} when the registration is new
 * @param imported true when an administrator's bulk import saved it
 * @param savedAt when it was stored
 */
public record RegistrationSaved(
        long candidateId,
        int examYear,
        String examPointCode,
        String previousExamPointCode,
        boolean imported,
        Instant savedAt) {

    /** Whether this save moved the candidate to another exam point. */
    public boolean examPointChanged() {
        return previousExamPointCode != null && !previousExamPointCode.equals(examPointCode);
    }
}
