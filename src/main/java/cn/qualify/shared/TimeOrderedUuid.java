package cn.qualify.shared;

import java.time.Instant;
import java.util.UUID;

/**
 * Identifiers that sort by the instant they were made (the layout of RFC 9562's version 7: 48 bits of Unix
 * milliseconds, then 74 random bits), for rows inserted at every upload: an image's id, a document's storage key. With
 * a random identifier each insert lands on a random page of every index that holds it, which at the deadline peak
 * means a page read from outside PostgreSQL's buffers and a full page image in the write-ahead log for most inserts.
 * Identifiers made in order append to the right-hand page instead. Still unguessable enough for a URL: the random
 * part comes from {@link UUID#randomUUID()}, and every image is served only to its owner and its reviewers.
 */
public final class TimeOrderedUuid {

    private static final long VERSION_7 = 0x7000L;
    private static final long RAND_A = 0x0FFFL;

    private TimeOrderedUuid() {}

    /** A new identifier that sorts after those made before {@code at} (and among those of its millisecond). */
    public static UUID madeAt(Instant at) {
        var random = UUID.randomUUID();
        long millis = at.toEpochMilli();
        long mostSignificant = (millis << 16) | VERSION_7 | (random.getMostSignificantBits() & RAND_A);
        // the least significant half of a random UUID already carries the IETF variant bits
        return new UUID(mostSignificant, random.getLeastSignificantBits());
    }
}
