package cn.qualify.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcFormReceipts implements FormReceipts {

    private final JdbcClient jdbc;

    JdbcFormReceipts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<FormReceipt> of(UUID applicationId) {
        return jdbc.sql("SELECT * FROM review_form_receipt WHERE application_id = :id")
                .param("id", applicationId)
                .query((rs, n) -> new FormReceipt(
                        rs.getObject("application_id", UUID.class),
                        rs.getObject("received_on", LocalDate.class),
                        rs.getString("recorded_by_id"),
                        rs.getString("recorded_by_name"),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /**
     * Stores the receipt in the caller's transaction.
     *
     * @return false if the application already has one (nothing changes then)
     */
    boolean record(FormReceipt receipt) {
        if (of(receipt.applicationId()).isPresent()) {
            return false;
        }
        try {
            jdbc.sql("""
                            INSERT INTO review_form_receipt (application_id, received_on, recorded_by_id, recorded_by_name,
                                recorded_at)
                            VALUES (:id, :receivedOn, :byId, :byName, :at)
                            """)
                    .param("id", receipt.applicationId())
                    .param("receivedOn", receipt.receivedOn())
                    .param("byId", receipt.recordedById())
                    .param("byName", receipt.recordedBy())
                    .param("at", utc(receipt.recordedAt()))
                    .update();
            return true;
        } catch (DuplicateKeyException racingReceipt) {
            return false;
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
