package cn.qualify.identity;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verification codes that prove a candidate holds a phone: six digits, stored only as a salted hash, valid for
 * {@code codeValidity}, void after {@code codeMaxAttempts} wrong entries. A phone gets at most one code per
 * {@code codeResendInterval} and {@code codeMaxSendsPerHour} per hour.
 */
@Component
class PhoneVerifications {

    enum Outcome {
        VALID,
        NONE,
        EXPIRED,
        EXHAUSTED,
        WRONG
    }

    /** A refused request for a new code and the message key that explains it. */
    record Refusal(String messageKey, long seconds) {}

    private static final Duration SEND_WINDOW = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final IdentityProperties properties;
    private final SmsSender sms;
    private final SecureRandom random = new SecureRandom();

    PhoneVerifications(JdbcClient jdbc, Clock clock, IdentityProperties properties, SmsSender sms) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.sms = sms;
    }

    private record Row(
            String codeHash,
            String salt,
            Instant sentAt,
            Instant expiresAt,
            int failedAttempts,
            int sendsInWindow,
            Instant windowStart) {}

    /** Sends a new code to the phone unless it got one too recently; the new code replaces any earlier one. */
    @Transactional
    Optional<Refusal> send(String phone) {
        var now = clock.instant();
        var row = row(phone);
        int sends = 0;
        Instant windowStart = now;
        if (row.isPresent()) {
            var earlier = row.get();
            var nextAllowed = earlier.sentAt().plus(properties.codeResendInterval());
            if (nextAllowed.isAfter(now)) {
                return Optional.of(new Refusal(
                        "identity.register.code.tooSoon",
                        Math.max(1, Duration.between(now, nextAllowed).toSeconds())));
            }
            if (earlier.windowStart().plus(SEND_WINDOW).isAfter(now)) {
                sends = earlier.sendsInWindow();
                windowStart = earlier.windowStart();
                if (sends >= properties.codeMaxSendsPerHour()) {
                    var reopens = windowStart.plus(SEND_WINDOW);
                    return Optional.of(new Refusal(
                            "identity.register.code.tooMany",
                            Math.max(1, Duration.between(now, reopens).toMinutes() + 1)));
                }
            }
        }
        String code = String.format("%06d", random.nextInt(1_000_000));
        byte[] saltBytes = new byte[16];
        random.nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        jdbc.sql("DELETE FROM phone_verification WHERE phone = ?").param(phone).update();
        jdbc.sql("INSERT INTO phone_verification (phone, code_hash, salt, sent_at, expires_at, failed_attempts,"
                        + " sends_in_window, window_start) VALUES (?, ?, ?, ?, ?, 0, ?, ?)")
                .params(
                        phone,
                        hash(salt, phone, code),
                        salt,
                        utc(now),
                        utc(now.plus(properties.codeValidity())),
                        sends + 1,
                        utc(windowStart))
                .update();
        sms.sendVerificationCode(phone, code, properties.codeValidity());
        return Optional.empty();
    }

    /** Checks a typed code; a wrong one counts against the code's attempts. The code stays usable until consumed. */
    @Transactional
    Outcome check(String phone, String code) {
        var found = row(phone);
        if (found.isEmpty()) {
            return Outcome.NONE;
        }
        var row = found.get();
        if (!row.expiresAt().isAfter(clock.instant())) {
            return Outcome.EXPIRED;
        }
        if (row.failedAttempts() >= properties.codeMaxAttempts()) {
            return Outcome.EXHAUSTED;
        }
        boolean matches = MessageDigest.isEqual(
                row.codeHash().getBytes(StandardCharsets.US_ASCII),
                hash(row.salt(), phone, code == null ? "" : code.strip()).getBytes(StandardCharsets.US_ASCII));
        if (matches) {
            return Outcome.VALID;
        }
        jdbc.sql("UPDATE phone_verification SET failed_attempts = failed_attempts + 1 WHERE phone = ?")
                .param(phone)
                .update();
        return row.failedAttempts() + 1 >= properties.codeMaxAttempts() ? Outcome.EXHAUSTED : Outcome.WRONG;
    }

    /**
     * Makes a checked code unusable, inside the caller's transaction, so that a rolled-back registration leaves
     * it usable. The send counters go with it: the phone is now proven.
     */
    @Transactional
    void consume(String phone) {
        jdbc.sql("DELETE FROM phone_verification WHERE phone = ?").param(phone).update();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT7M")
    @Transactional
    public void forgetExpiredCodes() {
        var cutoff = clock.instant().minus(SEND_WINDOW);
        jdbc.sql("DELETE FROM phone_verification WHERE expires_at < ? AND window_start < ?")
                .params(utc(cutoff), utc(cutoff))
                .update();
    }

    private Optional<Row> row(String phone) {
        return jdbc.sql("SELECT code_hash, salt, sent_at, expires_at, failed_attempts, sends_in_window, window_start"
                        + " FROM phone_verification WHERE phone = ?")
                .param(phone)
                .query((rs, n) -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getObject(4, OffsetDateTime.class).toInstant(),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant()))
                .optional();
    }

    private static String hash(String salt, String phone, String code) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((phone + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
