package cn.qualify.application;

import java.util.Objects;

/**
 * Who moves an application: the candidate, a reviewer, an administrator or the system itself (deadline expiry).
 *
 * @param accountId the identity module's account id, or {@code "system"}
 * @param displayName shown in histories
 */
public record Actor(String accountId, String displayName) {

    public static final Actor SYSTEM = new Actor("system", "系统");

    public Actor {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(displayName, "displayName");
    }
}
