package cn.qualify.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * A returned application's revision deadline is near: published once per application, deadline and lead time
 * (48 and 24 hours by default) by the deadline watch.
 *
 * @param leadHours the reminder's lead time in hours
 */
public record RevisionDeadlineApproaching(
        UUID applicationId, String candidateId, Instant deadline, int leadHours, Instant at) {}
