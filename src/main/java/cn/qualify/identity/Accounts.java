package cn.qualify.identity;

import java.util.List;
import java.util.Optional;

/**
 * Read access to accounts for other modules. Changes go through the identity module's own pages and API, except
 * {@link #importCandidate}, by which an administrator's registration import creates candidate accounts.
 */
public interface Accounts {

    Optional<Account> byId(long id);

    /** Looks up by login name, ignoring case and surrounding white space. */
    Optional<Account> byLoginName(String loginName);

    /** The enabled point reviewers whose scope includes the exam point, e.g. to notify them. */
    List<Account> pointReviewersOf(String examPointCode);

    /**
     * The candidate account of an identity document that an administrator imports: the existing account with that
     * login name if it is a candidate's, otherwise a new, enabled candidate account without a password. Nobody can
     * log in to such an account until the candidate claims it by registering at {@code /register} with the same
     * document type, number and phone; registering then sets the password instead of refusing the number as taken.
     * An existing account is returned as it is: its name and phone are not changed.
     *
     * @param idNumber the document number, normalised here (spaces removed, letters upper case)
     * @param name the name as on the document
     * @param phone a mainland mobile number; spaces, hyphens and a leading +86 are dropped
     * @throws InvalidIdNumberException if the number breaks the rules of its document type
     * @throws IllegalArgumentException if the name or phone is invalid, or a staff account has that login name
     */
    Account importCandidate(IdType idType, String idNumber, String name, String phone);
}
