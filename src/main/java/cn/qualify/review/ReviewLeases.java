package cn.qualify.review;

import cn.qualify.application.Actor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Time-limited leases on applications, one row per application. Claims are decided by the database: the row's
 * primary key and conditional updates make two reviewers racing for the same candidate end with one holder.
 */
@Repository
class ReviewLeases {

    private final JdbcClient jdbc;
    private final Duration duration;

    ReviewLeases(JdbcClient jdbc, @Value("${qualify.review.lease-duration:PT15M}") Duration duration) {
        this.jdbc = jdbc;
        this.duration = duration;
    }

    Duration duration() {
        return duration;
    }

    /** The lease that is in force now, if any. */
    Optional<Lease> active(UUID applicationId, Instant now) {
        return jdbc.sql("SELECT * FROM review_lease WHERE application_id = :id AND expires_at > :now")
                .param("id", applicationId)
                .param("now", utc(now))
                .query(ReviewLeases::lease)
                .optional();
    }

    /**
     * Claims the application for the reviewer, or renews the reviewer's own lease. In its own transaction, so that
     * a lost race (a duplicate key on PostgreSQL) cannot spoil the caller's.
     *
     * @return the reviewer's lease, or empty if someone else holds an unexpired one
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Lease> claim(UUID applicationId, Actor reviewer, Instant now) {
        var expires = now.plus(duration);
        int updated = jdbc.sql("""
                        UPDATE review_lease SET
                            acquired_at = CASE WHEN holder_id = :holder AND expires_at > :now THEN acquired_at ELSE :now END,
                            holder_id = :holder, holder_name = :name, expires_at = :expires
                        WHERE application_id = :id AND (holder_id = :holder OR expires_at <= :now)
                        """)
                .param("holder", reviewer.accountId())
                .param("name", reviewer.displayName())
                .param("now", utc(now))
                .param("expires", utc(expires))
                .param("id", applicationId)
                .update();
        if (updated == 0) {
            try {
                updated = jdbc.sql("""
                                INSERT INTO review_lease (application_id, holder_id, holder_name, acquired_at, expires_at)
                                SELECT :id, :holder, :name, :now, :expires FROM (VALUES (1)) AS one (n)
                                WHERE NOT EXISTS (SELECT 1 FROM review_lease WHERE application_id = :id)
                                """)
                        .param("id", applicationId)
                        .param("holder", reviewer.accountId())
                        .param("name", reviewer.displayName())
                        .param("now", utc(now))
                        .param("expires", utc(expires))
                        .update();
            } catch (DuplicateKeyException lostRace) {
                return Optional.empty();
            }
        }
        if (updated == 0) {
            return Optional.empty();
        }
        return active(applicationId, now).filter(lease -> lease.heldBy(reviewer.accountId()));
    }

    /** Gives the lease to the reviewer whoever holds it (a district reviewer taking over). */
    Lease takeOver(UUID applicationId, Actor reviewer, Instant now) {
        var expires = now.plus(duration);
        int updated = jdbc.sql("""
                        UPDATE review_lease SET holder_id = :holder, holder_name = :name, acquired_at = :now,
                            expires_at = :expires
                        WHERE application_id = :id
                        """)
                .param("holder", reviewer.accountId())
                .param("name", reviewer.displayName())
                .param("now", utc(now))
                .param("expires", utc(expires))
                .param("id", applicationId)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO review_lease (application_id, holder_id, holder_name, acquired_at, expires_at)
                            VALUES (:id, :holder, :name, :now, :expires)
                            """)
                    .param("id", applicationId)
                    .param("holder", reviewer.accountId())
                    .param("name", reviewer.displayName())
                    .param("now", utc(now))
                    .param("expires", utc(expires))
                    .update();
        }
        return new Lease(applicationId, reviewer.accountId(), reviewer.displayName(), now, expires);
    }

    /** Extends the holder's unexpired lease; false if the reviewer does not hold one. */
    boolean renew(UUID applicationId, String holderId, Instant now) {
        return jdbc.sql("""
                                UPDATE review_lease SET expires_at = :expires
                                WHERE application_id = :id AND holder_id = :holder AND expires_at > :now
                                """)
                        .param("expires", utc(now.plus(duration)))
                        .param("id", applicationId)
                        .param("holder", holderId)
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    /** Releases the holder's lease; false if the reviewer held none. */
    boolean release(UUID applicationId, String holderId) {
        return jdbc.sql("DELETE FROM review_lease WHERE application_id = :id AND holder_id = :holder")
                        .param("id", applicationId)
                        .param("holder", holderId)
                        .update()
                == 1;
    }

    /** Ends whatever lease the application has, e.g. once a decision moved it on. */
    void end(UUID applicationId) {
        jdbc.sql("DELETE FROM review_lease WHERE application_id = :id")
                .param("id", applicationId)
                .update();
    }

    private static Lease lease(ResultSet rs, int row) throws SQLException {
        return new Lease(
                rs.getObject("application_id", UUID.class),
                rs.getString("holder_id"),
                rs.getString("holder_name"),
                rs.getObject("acquired_at", OffsetDateTime.class).toInstant(),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant());
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
