package cn.qualify.application;

import java.util.UUID;

/**
 * Someone else changed the application since it was read (another reviewer's decision, a racing upload, the
 * expiry job). Nothing was saved; the caller reloads and decides again.
 */
public class StaleApplicationException extends ApplicationRuleViolation {

    public StaleApplicationException(UUID id, long expectedVersion) {
        super("application.stale", "Application " + id + " is no longer at version " + expectedVersion);
    }
}
