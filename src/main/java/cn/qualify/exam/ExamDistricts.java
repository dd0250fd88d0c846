package cn.qualify.exam;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored exam district. */
@Repository
class ExamDistricts {

    private final JdbcClient jdbc;
    private final Clock clock;

    ExamDistricts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The code of the district this deployment serves, the first one set up, as a subquery for other statements. */
    static final String CURRENT_CODE =
            "SELECT code FROM exam_district ORDER BY created_at, code FETCH FIRST 1 ROW ONLY";

    /** The district this deployment serves: the first one set up. */
    Optional<ExamDistrict> current() {
        return jdbc.sql("SELECT code, name FROM exam_district WHERE code = (" + CURRENT_CODE + ")")
                .query(ExamDistrict.class)
                .optional();
    }

    Optional<ExamDistrict> byCode(String code) {
        return jdbc.sql("SELECT code, name FROM exam_district WHERE code = ?")
                .param(code)
                .query(ExamDistrict.class)
                .optional();
    }

    void add(ExamDistrict district) {
        var now = OffsetDateTime.now(clock);
        jdbc.sql("INSERT INTO exam_district (code, name, created_at, updated_at) VALUES (?, ?, ?, ?)")
                .params(district.code(), district.name(), now, now)
                .update();
    }

    boolean rename(String code, String name) {
        return jdbc.sql("UPDATE exam_district SET name = ?, updated_at = ? WHERE code = ?")
                        .params(name, OffsetDateTime.now(clock), code)
                        .update()
                == 1;
    }
}
