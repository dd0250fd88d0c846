package cn.qualify.identity;

import java.time.Instant;

/**
 * A candidate created their own account, or claimed the one that a registration import created for them (see
 * {@link Accounts#importCandidate}); published inside the transaction that stored it.
 *
 * @param accountId the new account's id
 * @param idType the kind of identity document
 * @param idNumber the normalised document number (the login name)
 * @param name the candidate's name as typed at registration; for a claimed account, the imported name
 * @param phone the verified mobile number
 * @param createdAt when the account was stored
 */
public record CandidateAccountCreated(
        long accountId, IdType idType, String idNumber, String name, String phone, Instant createdAt) {}
