package cn.qualify.review;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** The position after the last line of a page: its {@code updated_at} and id, the keys the queue is ordered by. */
record QueueCursor(Instant updatedAt, UUID id) {

    String encode() {
        var raw = updatedAt.getEpochSecond() + ":" + updatedAt.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws ReviewRefused if the cursor was not made by {@link #encode()} */
    static QueueCursor decode(String cursor) {
        try {
            var parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            if (parts.length != 3) {
                throw new IllegalArgumentException(cursor);
            }
            return new QueueCursor(
                    Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    UUID.fromString(parts[2]));
        } catch (IllegalArgumentException | java.time.DateTimeException garbled) {
            throw ReviewRefused.invalid("review.queue.badCursor");
        }
    }
}
