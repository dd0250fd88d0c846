package cn.qualify.exam;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored exam points; other modules see them read-only through {@link ExamPoints}. */
@Repository
class JdbcExamPoints implements ExamPoints {

    private static final String SELECT = "SELECT code, name, district_code, active FROM exam_point";

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcExamPoints(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<ExamPoint> all() {
        return jdbc.sql(SELECT + " ORDER BY code").query(ExamPoint.class).list();
    }

    @Override
    public Optional<ExamPoint> byCode(String code) {
        return jdbc.sql(SELECT + " WHERE code = ?")
                .param(code)
                .query(ExamPoint.class)
                .optional();
    }

    @Override
    public List<ExamPoint> active() {
        return jdbc.sql(SELECT + " WHERE active = TRUE ORDER BY code")
                .query(ExamPoint.class)
                .list();
    }

    /** Whether another exam point of the district already has this name. */
    boolean nameTaken(String districtCode, String name, String exceptCode) {
        return jdbc.sql("SELECT COUNT(*) FROM exam_point WHERE district_code = ? AND name = ? AND code <> ?")
                        .params(districtCode, name, exceptCode)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    void add(ExamPoint point) {
        var now = OffsetDateTime.now(clock);
        jdbc.sql("INSERT INTO exam_point (code, name, district_code, active, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(point.code(), point.name(), point.districtCode(), point.active(), now, now)
                .update();
    }

    void update(ExamPoint point) {
        jdbc.sql("UPDATE exam_point SET name = ?, active = ?, updated_at = ? WHERE code = ?")
                .params(point.name(), point.active(), OffsetDateTime.now(clock), point.code())
                .update();
    }
}
