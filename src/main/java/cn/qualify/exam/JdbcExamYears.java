package cn.qualify.exam;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored exam years of the district this deployment serves; other modules see them read-only through
 * {@link ExamYears}.
 */
@Repository
class JdbcExamYears implements ExamYears {

    private static final String SELECT = "SELECT calendar_year, district_code, policy_id, registration_opens,"
            + " registration_closes, upload_opens, upload_closes, review_opens, review_closes, resubmission_days,"
            + " max_image_bytes FROM exam_year";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final RecentCurrentYear current;

    /**
     * @param currentYearMaxAge how long the current year, once read, is answered without reading it again; a change
     *     made on another node is seen here at most this much later (zero: read it every time)
     */
    JdbcExamYears(
            JdbcClient jdbc,
            Clock clock,
            @Value("${qualify.exam.current-year-max-age:1s}") Duration currentYearMaxAge) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.current = new RecentCurrentYear(() -> all().stream().findFirst(), currentYearMaxAge, System::nanoTime);
    }

    @Override
    public Optional<ExamYear> current() {
        return current.get();
    }

    @Override
    public Optional<ExamYear> byYear(int year) {
        return jdbc.sql(SELECT + " WHERE district_code = (" + ExamDistricts.CURRENT_CODE + ") AND calendar_year = ?")
                .param(year)
                .query(JdbcExamYears::examYear)
                .optional();
    }

    /**
     * One statement with the district's choice inside: every candidate request asks for the current year, and at the
     * deadline peak a second round trip for the district costs more than the query itself.
     */
    @Override
    public List<ExamYear> all() {
        return jdbc.sql(SELECT + " WHERE district_code = (" + ExamDistricts.CURRENT_CODE + ")"
                        + " ORDER BY calendar_year DESC")
                .query(JdbcExamYears::examYear)
                .list();
    }

    void add(ExamYear year) {
        var now = OffsetDateTime.now(clock);
        jdbc.sql("INSERT INTO exam_year (calendar_year, district_code, policy_id, registration_opens,"
                        + " registration_closes, upload_opens, upload_closes, review_opens, review_closes,"
                        + " resubmission_days, max_image_bytes, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        year.year(),
                        year.districtCode(),
                        year.policyId(),
                        year.registrationOpens(),
                        year.registrationCloses(),
                        year.uploadOpens(),
                        year.uploadCloses(),
                        year.reviewOpens(),
                        year.reviewCloses(),
                        year.resubmissionDays(),
                        year.maxImageBytes(),
                        now,
                        now)
                .update();
        current.forget();
    }

    void update(ExamYear year) {
        jdbc.sql("UPDATE exam_year SET policy_id = ?, registration_opens = ?, registration_closes = ?,"
                        + " upload_opens = ?, upload_closes = ?, review_opens = ?, review_closes = ?,"
                        + " resubmission_days = ?, max_image_bytes = ?, updated_at = ?"
                        + " WHERE calendar_year = ? AND district_code = ?")
                .params(
                        year.policyId(),
                        year.registrationOpens(),
                        year.registrationCloses(),
                        year.uploadOpens(),
                        year.uploadCloses(),
                        year.reviewOpens(),
                        year.reviewCloses(),
                        year.resubmissionDays(),
                        year.maxImageBytes(),
                        OffsetDateTime.now(clock),
                        year.year(),
                        year.districtCode())
                .update();
        current.forget();
    }

    private static ExamYear examYear(ResultSet row, int rowNumber) throws SQLException {
        return new ExamYear(
                row.getInt("calendar_year"),
                row.getString("district_code"),
                row.getString("policy_id"),
                row.getObject("registration_opens", LocalDate.class),
                row.getObject("registration_closes", LocalDate.class),
                row.getObject("upload_opens", LocalDate.class),
                row.getObject("upload_closes", LocalDate.class),
                row.getObject("review_opens", LocalDate.class),
                row.getObject("review_closes", LocalDate.class),
                row.getInt("resubmission_days"),
                row.getLong("max_image_bytes"));
    }
}
