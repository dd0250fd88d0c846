package cn.qualify.registration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The registration table: one row per candidate and exam year. */
@Repository
class JdbcRegistrations implements Registrations {

    private static final String COLUMNS = "candidate_id, exam_year, name, gender, birth_date, id_type, id_number,"
            + " phone, email, school, major, exam_point_code, facts, updated_at";

    private final JdbcClient jdbc;
    private final FactsJson facts;

    JdbcRegistrations(JdbcClient jdbc, FactsJson facts) {
        this.jdbc = jdbc;
        this.facts = facts;
    }

    /** One statement, so no transaction: every candidate request reads it. */
    @Override
    public Optional<Registration> of(long candidateId, int examYear) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registration WHERE candidate_id = ? AND exam_year = ?")
                .params(candidateId, examYear)
                .query(this::row)
                .optional();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM registration").query(Long.class).single();
    }

    /**
     * Stores the registration, replacing the candidate's earlier one of the same exam year.
     *
     * @throws org.springframework.dao.DuplicateKeyException if another transaction inserted the same candidate and
     *     year at the same moment; nothing is stored then
     */
    @Transactional
    void save(Registration registration) {
        String json = facts.write(registration.facts());
        var updatedAt = OffsetDateTime.ofInstant(registration.updatedAt(), ZoneOffset.UTC);
        int updated = jdbc.sql("UPDATE registration SET name = ?, gender = ?, birth_date = ?, id_type = ?,"
                        + " id_number = ?, phone = ?, email = ?, school = ?, major = ?, exam_point_code = ?, facts = ?,"
                        + " updated_at = ? WHERE candidate_id = ? AND exam_year = ?")
                .params(
                        registration.name(),
                        registration.gender(),
                        registration.birthDate(),
                        registration.idType(),
                        registration.idNumber(),
                        registration.phone(),
                        registration.email(),
                        registration.school(),
                        registration.major(),
                        registration.examPointCode(),
                        json,
                        updatedAt,
                        registration.candidateId(),
                        registration.examYear())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO registration (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            registration.candidateId(),
                            registration.examYear(),
                            registration.name(),
                            registration.gender(),
                            registration.birthDate(),
                            registration.idType(),
                            registration.idNumber(),
                            registration.phone(),
                            registration.email(),
                            registration.school(),
                            registration.major(),
                            registration.examPointCode(),
                            json,
                            updatedAt)
                    .update();
        }
    }

    private Registration row(ResultSet rs, int rowNum) throws SQLException {
        return new Registration(
                rs.getLong("candidate_id"),
                rs.getInt("exam_year"),
                rs.getString("name"),
                rs.getString("gender"),
                rs.getObject("birth_date", java.time.LocalDate.class),
                rs.getString("id_type"),
                rs.getString("id_number"),
                rs.getString("phone"),
                rs.getString("email"),
                rs.getString("school"),
                rs.getString("major"),
                rs.getString("exam_point_code"),
                facts.read(rs.getString("facts")),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
