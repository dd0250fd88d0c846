package cn.qualify.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed log-ins per login name (whether an account has that name or not, so that unknown names are
 * answered like known ones) and per client address, in the database so that all nodes share the counts.
 *
 * <p>A login name that failed {@code maxFailuresPerName} times in a row waits {@code lockDuration}; a success
 * starts the count again. A client address that failed {@code maxFailuresPerAddress} times within
 * {@code addressWindow} waits {@code lockDuration}, whichever names it tried.
 */
@Component
class LoginThrottle {

    enum Kind {
        NAME,
        ADDRESS
    }

    /** A refusal to even check the password: who is blocked, and until when. */
    record Block(Kind kind, Instant until) {

        /** Whole minutes left, rounded up, at least 1. */
        long minutesLeft(Instant now) {
            long seconds = Math.max(0, Duration.between(now, until).toSeconds());
            return Math.max(1, (seconds + 59) / 60);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final IdentityProperties properties;
    private final TransactionTemplate savepoint;

    LoginThrottle(
            JdbcClient jdbc, Clock clock, IdentityProperties properties, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        // PostgreSQL aborts the whole transaction on a failed insert unless it ran inside a savepoint
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** The block that applies to this attempt now, if any; the name's block wins over the address's. */
    @Transactional(readOnly = true)
    Optional<Block> blocked(String loginName, String address) {
        return lockedUntil(Kind.NAME, nameKey(loginName))
                .map(until -> new Block(Kind.NAME, until))
                .or(() -> lockedUntil(Kind.ADDRESS, address).map(until -> new Block(Kind.ADDRESS, until)));
    }

    /** Counts a failed attempt; returns the block it caused, if it reached a limit. */
    @Transactional
    Optional<Block> recordFailure(String loginName, String address) {
        var byName = count(Kind.NAME, nameKey(loginName), properties.maxFailuresPerName(), null);
        var byAddress = count(Kind.ADDRESS, address, properties.maxFailuresPerAddress(), properties.addressWindow());
        return byName.or(() -> byAddress);
    }

    /** A successful log-in clears the count of its name (not of its address). */
    @Transactional
    void recordSuccess(String loginName) {
        jdbc.sql("DELETE FROM login_throttle WHERE kind = ? AND throttle_key = ?")
                .params(Kind.NAME.name(), nameKey(loginName))
                .update();
    }

    /** Rows without a current lock that nobody touched for a day carry no information worth keeping. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @Transactional
    public void forgetStaleCounts() {
        var now = clock.instant();
        jdbc.sql("DELETE FROM login_throttle WHERE window_start < ? AND (locked_until IS NULL OR locked_until < ?)")
                .params(utc(now.minus(Duration.ofDays(1))), utc(now))
                .update();
    }

    private Optional<Instant> lockedUntil(Kind kind, String key) {
        return jdbc.sql("SELECT locked_until FROM login_throttle WHERE kind = ? AND throttle_key = ?")
                .params(kind.name(), key)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
                .optional()
                .map(OffsetDateTime::toInstant)
                .filter(until -> until.isAfter(clock.instant()));
    }

    private Optional<Block> count(Kind kind, String key, int limit, Duration window) {
        var now = clock.instant();
        var row = lockRow(kind, key, now);
        int failures = row.failures();
        Instant windowStart = row.windowStart();
        boolean lockExpired = row.lockedUntil() != null && !row.lockedUntil().isAfter(now);
        boolean windowOver = window != null && !windowStart.plus(window).isAfter(now);
        if (lockExpired || windowOver) {
            failures = 0;
            windowStart = now;
        }
        failures++;
        Instant lockedUntil = failures >= limit ? now.plus(properties.lockDuration()) : null;
        jdbc.sql("UPDATE login_throttle SET failures = ?, window_start = ?, locked_until = ?"
                        + " WHERE kind = ? AND throttle_key = ?")
                .params(failures, utc(windowStart), lockedUntil == null ? null : utc(lockedUntil), kind.name(), key)
                .update();
        return Optional.ofNullable(lockedUntil).map(until -> new Block(kind, until));
    }

    private record Row(int failures, Instant windowStart, Instant lockedUntil) {}

    /** Reads the row for update, creating it first if needed, so that concurrent failures are all counted. */
    private Row lockRow(Kind kind, String key, Instant now) {
        for (int attempt = 0; ; attempt++) {
            var row = jdbc.sql("SELECT failures, window_start, locked_until FROM login_throttle"
                            + " WHERE kind = ? AND throttle_key = ? FOR UPDATE")
                    .params(kind.name(), key)
                    .query((rs, n) -> {
                        var locked = rs.getObject(3, OffsetDateTime.class);
                        return new Row(
                                rs.getInt(1),
                                rs.getObject(2, OffsetDateTime.class).toInstant(),
                                locked == null ? null : locked.toInstant());
                    })
                    .optional();
            if (row.isPresent()) {
                return row.get();
            }
            try {
                savepoint.executeWithoutResult(
                        status -> jdbc.sql("INSERT INTO login_throttle (kind, throttle_key, failures, window_start)"
                                        + " VALUES (?, ?, 0, ?)")
                                .params(kind.name(), key, utc(now))
                                .update());
            } catch (DuplicateKeyException raced) {
                if (attempt > 2) {
                    throw raced;
                }
            }
        }
    }

    private static String nameKey(String loginName) {
        String key = LoginNames.key(loginName);
        return key.length() > 128 ? key.substring(0, 128) : key;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
