package cn.qualify.notification;

import cn.qualify.application.Applications;
import cn.qualify.identity.Account;
import cn.qualify.identity.Accounts;
import cn.qualify.registration.Registration;
import cn.qualify.registration.Registrations;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Finds where a candidate can be reached: the account's phone, the e-mail address chosen in the preferences or
 * else the one in the registration info of the application's exam year, and the WeChat OpenID if bound.
 */
@Component
class Recipients {

    private final Accounts accounts;
    private final Registrations registrations;
    private final Applications applications;
    private final JdbcPreferences preferences;

    Recipients(Accounts accounts, Registrations registrations, Applications applications, JdbcPreferences preferences) {
        this.accounts = accounts;
        this.registrations = registrations;
        this.applications = applications;
        this.preferences = preferences;
    }

    Recipient of(String candidateId, UUID applicationId) {
        var account = accountId(candidateId).flatMap(accounts::byId);
        var chosen = preferences.of(candidateId);
        var email = chosen.emailAddress();
        if (email == null && applicationId != null && account.isPresent()) {
            email = applications
                    .byId(applicationId)
                    .flatMap(application -> registrations.of(account.get().id(), application.examYear()))
                    .map(Registration::email)
                    .filter(address -> !address.isBlank())
                    .orElse(null);
        }
        return new Recipient(
                candidateId,
                account.map(Account::displayName).orElse(""),
                email,
                account.map(Account::phone).orElse(null),
                chosen.wechatOpenId());
    }

    private static Optional<Long> accountId(String candidateId) {
        try {
            return Optional.of(Long.parseLong(candidateId));
        } catch (NumberFormatException notAnAccount) {
            return Optional.empty();
        }
    }
}
