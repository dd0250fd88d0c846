package cn.qualify.identity;

import java.util.List;
import java.util.Optional;

/** Read access to accounts for other modules. Changes go through the identity module's own pages and API. */
public interface Accounts {

    Optional<Account> byId(long id);

    /** Looks up by login name, ignoring case and surrounding white space. */
    Optional<Account> byLoginName(String loginName);

    /** The enabled point reviewers whose scope includes the exam point, e.g. to notify them. */
    List<Account> pointReviewersOf(String examPointCode);
}
