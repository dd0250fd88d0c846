package cn.qualify.registration;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploads between their dry run and their confirmation, kept on the server under a random token that only the
 * administrator who uploaded can use, for at most {@link #KEPT_FOR}.
 */
@Repository
class ImportStaging {

    static final Duration KEPT_FOR = Duration.ofHours(2);
    private static final TypeReference<List<String>> CELLS = new TypeReference<>() {};
    private static final SecureRandom random = new SecureRandom();

    /**
     * An upload as its dry run left it.
     *
     * @param validRows the numbers of the rows that the dry run found valid
     */
    record Staged(
            String token,
            long adminId,
            String fileName,
            String sha256,
            int examYear,
            UploadedTable table,
            Set<Integer> validRows) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    ImportStaging(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Keeps the upload and returns its new token; uploads older than {@link #KEPT_FOR} are removed on the way. */
    @Transactional
    String stage(
            long adminId, String fileName, String sha256, int examYear, UploadedTable table, Set<Integer> validRows) {
        var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.sql("DELETE FROM registration_import WHERE created_at < ?")
                .param(now.minus(KEPT_FOR))
                .update();
        var bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("INSERT INTO registration_import (token, admin_id, file_name, file_sha256, exam_year, header,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(token, adminId, fileName, sha256, examYear, json.writeValueAsString(table.header()), now)
                .update();
        for (var row : table.rows()) {
            jdbc.sql("INSERT INTO registration_import_row (token, line_number, cells, valid) VALUES (?, ?, ?, ?)")
                    .params(token, row.number(), json.writeValueAsString(row.cells()), validRows.contains(row.number()))
                    .update();
        }
        return token;
    }

    /** The upload of the token, if that administrator staged it and it has not expired. */
    @Transactional(readOnly = true)
    Optional<Staged> load(String token, long adminId) {
        var since = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minus(KEPT_FOR);
        var header = jdbc.sql("SELECT file_name, file_sha256, exam_year, header FROM registration_import"
                        + " WHERE token = ? AND admin_id = ? AND created_at >= ?")
                .params(token, adminId, since)
                .query((rs, n) -> new Object[] {
                    rs.getString("file_name"),
                    rs.getString("file_sha256"),
                    rs.getInt("exam_year"),
                    rs.getString("header")
                })
                .optional();
        if (header.isEmpty()) {
            return Optional.empty();
        }
        var rows = new ArrayList<UploadedTable.Row>();
        var valid = new TreeSet<Integer>();
        jdbc.sql("SELECT line_number, cells, valid FROM registration_import_row WHERE token = ? ORDER BY line_number")
                .param(token)
                .query((RowCallbackHandler) rs -> {
                    rows.add(new UploadedTable.Row(
                            rs.getInt("line_number"), json.readValue(rs.getString("cells"), CELLS)));
                    if (rs.getBoolean("valid")) {
                        valid.add(rs.getInt("line_number"));
                    }
                });
        var h = header.get();
        return Optional.of(new Staged(
                token,
                adminId,
                (String) h[0],
                (String) h[1],
                (Integer) h[2],
                new UploadedTable(json.readValue((String) h[3], CELLS), rows),
                valid));
    }

    @Transactional
    void remove(String token) {
        jdbc.sql("DELETE FROM registration_import WHERE token = ?").param(token).update();
    }
}
