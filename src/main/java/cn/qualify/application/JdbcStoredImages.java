package cn.qualify.application;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcStoredImages implements StoredImages {

    private static final String SELECT = """
            SELECT i.id, i.application_id, a.exam_year, i.storage_key, i.sha256, c.thumbnail_key
            FROM application_image i
            JOIN application a ON a.id = i.application_id
            LEFT JOIN image_check c ON c.storage_key = i.storage_key
            WHERE i.purged_at IS NULL
            """;

    private static final RowMapper<StoredImageRecord> ROW = (rs, n) -> new StoredImageRecord(
            rs.getObject("id", UUID.class),
            rs.getObject("application_id", UUID.class),
            rs.getInt("exam_year"),
            rs.getString("storage_key"),
            rs.getString("sha256").trim(),
            rs.getString("thumbnail_key"));

    private final JdbcClient jdbc;

    JdbcStoredImages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<StoredImageRecord> notPurged(Integer examYear, UUID after, int limit) {
        var sql = new StringBuilder(SELECT);
        if (examYear != null) {
            sql.append(" AND a.exam_year = :year");
        }
        if (after != null) {
            sql.append(" AND i.id > :after");
        }
        sql.append(" ORDER BY i.id FETCH FIRST :limit ROWS ONLY");
        var statement = jdbc.sql(sql.toString()).param("limit", limit);
        if (examYear != null) {
            statement = statement.param("year", examYear);
        }
        if (after != null) {
            statement = statement.param("after", after);
        }
        return statement.query(ROW).list();
    }

    @Override
    public Set<String> withStorageKeys(Collection<String> storageKeys) {
        if (storageKeys.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("SELECT storage_key FROM application_image WHERE storage_key IN (:keys)")
                .param("keys", storageKeys)
                .query(String.class)
                .list());
    }

    @Override
    @Transactional(readOnly = true)
    public long openApplications(int examYear) {
        var finalStates = java.util.Arrays.stream(ApplicationState.values())
                .filter(ApplicationState::isFinal)
                .map(Enum::name)
                .toList();
        return jdbc.sql("SELECT COUNT(*) FROM application WHERE exam_year = :year AND state NOT IN (:states)")
                .param("year", examYear)
                .param("states", finalStates)
                .query(Long.class)
                .single();
    }

    @Override
    @Transactional
    public void markPurged(UUID imageId, Instant at) {
        var key = jdbc.sql("SELECT storage_key FROM application_image WHERE id = :id")
                .param("id", imageId)
                .query(String.class)
                .single();
        jdbc.sql("UPDATE application_image SET purged_at = :at WHERE id = :id AND purged_at IS NULL")
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("id", imageId)
                .update();
        jdbc.sql("UPDATE image_check SET thumbnail_key = NULL WHERE storage_key = :key")
                .param("key", key)
                .update();
    }

    @Override
    @Transactional(readOnly = true)
    public long purged(int examYear) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM application_image i JOIN application a ON a.id = i.application_id
                        WHERE a.exam_year = :year AND i.purged_at IS NOT NULL
                        """).param("year", examYear).query(Long.class).single();
    }
}
