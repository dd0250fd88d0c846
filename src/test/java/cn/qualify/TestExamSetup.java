package cn.qualify;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The exam setup that most tests assume: district 21 辽宁考区, exam points 2101 沈阳 and 2102 大连, and exam year
 * 2025 whose windows are open today. Adds only what is missing, so tests can call it freely.
 */
public final class TestExamSetup {

    private TestExamSetup() {}

    public static void ensure(JdbcClient jdbc, Clock clock) {
        var now = OffsetDateTime.now(clock);
        if (count(jdbc, "SELECT COUNT(*) FROM exam_district WHERE code = '21'") == 0) {
            jdbc.sql("INSERT INTO exam_district (code, name, created_at, updated_at) VALUES ('21', '辽宁考区', :now, :now)")
                    .param("now", now)
                    .update();
        }
        point(jdbc, "2101", "沈阳考点", now);
        point(jdbc, "2102", "大连考点", now);
        if (count(jdbc, "SELECT COUNT(*) FROM exam_year WHERE calendar_year = 2025") == 0) {
            var today = LocalDate.now(clock);
            jdbc.sql("""
                            INSERT INTO exam_year (calendar_year, district_code, policy_id, registration_opens,
                                registration_closes, upload_opens, upload_closes, review_opens, review_closes,
                                resubmission_days, max_image_bytes, created_at, updated_at)
                            VALUES (2025, '21', 'LN-2025', :opens, :closes, :opens, :closes, :opens, :reviewCloses,
                                5, 204800, :now, :now)
                            """)
                    .param("opens", today.minusDays(7))
                    .param("closes", today.plusDays(30))
                    .param("reviewCloses", today.plusDays(60))
                    .param("now", now)
                    .update();
        }
    }

    private static void point(JdbcClient jdbc, String code, String name, OffsetDateTime now) {
        if (count(jdbc, "SELECT COUNT(*) FROM exam_point WHERE code = '" + code + "'") == 0) {
            jdbc.sql(
                            "INSERT INTO exam_point (code, name, district_code, active, created_at, updated_at) VALUES (:code, :name, '21', TRUE, :now, :now)")
                    .param("code", code)
                    .param("name", name)
                    .param("now", now)
                    .update();
        }
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
