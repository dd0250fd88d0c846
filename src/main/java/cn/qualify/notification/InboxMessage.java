package cn.qualify.notification;

import java.time.Instant;
import java.util.UUID;

/** One message in a candidate's inbox, rendered in the request's language. */
public record InboxMessage(UUID id, String kind, String title, String body, Instant createdAt, boolean read) {}
