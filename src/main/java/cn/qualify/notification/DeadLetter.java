package cn.qualify.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery that failed {@code attempts} times, as the administrators' dead-letter list shows it.
 *
 * @param applicationNumber the application the message was about
 * @param failedAt when the last attempt failed
 */
public record DeadLetter(
        UUID id,
        String channel,
        String kind,
        String candidateId,
        String applicationNumber,
        int attempts,
        String lastError,
        Instant failedAt) {}
