package cn.qualify.application;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcImageChecks implements ImageChecks {

    /** The images {@link #unchecked} lists and {@link #uncheckedCount} counts, as {@code i}. */
    private static final String WAITING = """
            FROM application_image i
            WHERE i.checked = FALSE AND i.purged_at IS NULL
              AND (i.removed_at IS NULL
                   OR EXISTS (SELECT 1 FROM image_check c
                              WHERE c.storage_key = i.storage_key AND c.recheck = TRUE))
            """;

    private final JdbcClient jdbc;

    JdbcImageChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void record(ImageCheck check) {
        var flags = check.flags().stream().sorted().collect(Collectors.joining(","));
        var at = OffsetDateTime.ofInstant(check.checkedAt(), ZoneOffset.UTC);
        int updated = jdbc.sql(
                        "UPDATE image_check SET flags = :flags, thumbnail_key = :thumb, checked_at = :at, recheck = FALSE"
                                + " WHERE storage_key = :key")
                .param("flags", flags)
                .param("thumb", check.thumbnailKey())
                .param("at", at)
                .param("key", check.storageKey())
                .update();
        if (updated == 0) {
            jdbc.sql(
                            "INSERT INTO image_check (storage_key, flags, thumbnail_key, checked_at) VALUES (:key, :flags, :thumb, :at)")
                    .param("flags", flags)
                    .param("thumb", check.thumbnailKey())
                    .param("at", at)
                    .param("key", check.storageKey())
                    .update();
        }
        // IS NOT TRUE, not = FALSE: an index cannot serve it, so the row is always found by its key. With = FALSE,
        // PostgreSQL, whose statistics saw hardly any unchecked image, walked the whole index of unchecked images
        // for each result: 10,000 buffers a call at the peak, when that backlog is largest.
        jdbc.sql("UPDATE application_image SET checked = TRUE WHERE storage_key = :key AND checked IS NOT TRUE")
                .param("key", check.storageKey())
                .update();
    }

    @Override
    // One statement, on every status page: no transaction (its BEGIN and COMMIT, or even the empty scope of
    // SUPPORTS, would cost more than the statement), but it joins the caller's if there is one.
    public Map<String, ImageCheck> of(Collection<String> storageKeys) {
        Map<String, ImageCheck> checks = new HashMap<>();
        if (storageKeys.isEmpty()) {
            return checks;
        }
        jdbc.sql("SELECT * FROM image_check WHERE storage_key IN (:keys)")
                .param("keys", List.copyOf(storageKeys))
                .query((rs, n) -> new ImageCheck(
                        rs.getString("storage_key"),
                        rs.getString("flags").isEmpty()
                                ? Set.of()
                                : Set.copyOf(Arrays.asList(rs.getString("flags").split(","))),
                        rs.getString("thumbnail_key"),
                        rs.getObject("checked_at", OffsetDateTime.class).toInstant()))
                .list()
                .forEach(check -> checks.put(check.storageKey(), check));
        return checks;
    }

    /**
     * Images still waiting for their result, oldest first. A result recorded before its image row was committed left
     * the row unmarked: such rows among the oldest {@code limit} are marked first, so that they do not stand in the
     * index range for ever; a result that waits for a new thumbnail ({@code recheck}) is not such a one. Only the
     * oldest: the backlog of a deadline peak holds tens of thousands of images, and marking across all of them cost
     * PostgreSQL more than a second each sweep (docs/performance.md, sixteenth run); a later row is marked once it is
     * among the oldest. A removed image waits only for a new thumbnail: the reviewer still sees replaced images, but
     * no result is owed to one the candidate deleted.
     */
    @Override
    @Transactional
    public List<String> unchecked(int limit) {
        jdbc.sql("""
                        UPDATE application_image SET checked = TRUE
                        WHERE checked = FALSE
                          AND storage_key IN (SELECT i.storage_key FROM application_image i
                                              WHERE i.checked = FALSE
                                              ORDER BY i.uploaded_at
                                              FETCH FIRST :limit ROWS ONLY)
                          AND EXISTS (SELECT 1 FROM image_check c
                                      WHERE c.storage_key = application_image.storage_key AND c.recheck = FALSE)
                        """).param("limit", limit).update();
        return jdbc.sql("SELECT i.storage_key " + WAITING + " ORDER BY i.uploaded_at FETCH FIRST :limit ROWS ONLY")
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    @Override
    public long uncheckedCount() {
        return jdbc.sql("SELECT count(*) " + WAITING).query(Long.class).single();
    }

    @Override
    @Transactional
    public boolean forgetThumbnail(String storageKey) {
        int forgotten = jdbc.sql("""
                        UPDATE image_check SET thumbnail_key = NULL, recheck = TRUE
                        WHERE storage_key = :key AND thumbnail_key IS NOT NULL
                        """).param("key", storageKey).update();
        if (forgotten == 0) {
            return false;
        }
        jdbc.sql("UPDATE application_image SET checked = FALSE WHERE storage_key = :key")
                .param("key", storageKey)
                .update();
        return true;
    }
}
