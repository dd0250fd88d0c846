package cn.qualify.application;

import java.time.Instant;
import java.util.UUID;

/**
 * Published on every save of an application, inside the saving transaction, for synchronous listeners: a read model
 * of another module that must agree with the application row at all times (the review queue's position of a flagged
 * application) follows it in the same transaction, so that no reader ever sees the two disagree. Not a lifecycle
 * event: those are in {@link ApplicationEvents}, one per transition, and go through the event publication registry.
 *
 * @param updatedAt the row's new {@code updated_at}, the key the review queues are ordered by; for a draft, whose
 *     {@code updated_at} a save leaves alone (no queue holds a draft), the instant of the save
 */
public record ApplicationSaved(
        UUID applicationId, int examYear, String examPointCode, ApplicationState state, Instant updatedAt) {}
