/**
 * Identity: accounts of candidates and staff, roles and exam-point scopes, log-in, sessions and the web security
 * rules of the whole application.
 *
 * <p>Other modules use {@link cn.qualify.identity.Accounts}, {@link cn.qualify.identity.Account},
 * {@link cn.qualify.identity.Role}, {@link cn.qualify.identity.CurrentAccount} (or an {@code Account} controller
 * parameter, or an {@link cn.qualify.identity.AccountId} one for the id alone), the identity document types
 * ({@link cn.qualify.identity.IdDocument}, {@link cn.qualify.identity.ResidentIdCard}), the {@link cn.qualify.identity.SmsSender} port and the event
 * {@link cn.qualify.identity.CandidateAccountCreated}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Identity",
        allowedDependencies = {"exam", "shared"})
package cn.qualify.identity;
