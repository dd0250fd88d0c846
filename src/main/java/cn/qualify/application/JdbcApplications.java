package cn.qualify.application;

import cn.qualify.application.MaterialReview.Verdict;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applications in three tables. Images and reviews are append-only rows (an image's removal only sets its
 * {@code removed_at}); the application row carries the version that makes every save optimistic, so two requests
 * racing for the last slot of a material, or two reviewers deciding at once, cannot both win.
 */
@Repository
class JdbcApplications implements Applications {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate transactions;
    private volatile Boolean statementsTogether;

    JdbcApplications(
            JdbcClient jdbc,
            JdbcTemplate jdbcTemplate,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.events = events;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    @Transactional
    public Application open(String candidateId, int examYear, String examPointCode, boolean offlineReview) {
        var existing = ofCandidate(candidateId, examYear);
        if (existing.isPresent()) {
            return existing.get();
        }
        var application = Application.start(
                nextNumber(examYear, examPointCode), candidateId, examYear, examPointCode, offlineReview);
        var now = timestamp(clock.instant());
        try {
            jdbc.sql("""
                            INSERT INTO application (id, number, candidate_id, exam_year, exam_point_code, offline_review,
                                state, round, version, created_at, updated_at)
                            VALUES (:id, :number, :candidate, :year, :point, :offline, :state, 0, 0, :now, :now)
                            """)
                    .param("id", application.id())
                    .param("number", application.number())
                    .param("candidate", candidateId)
                    .param("year", examYear)
                    .param("point", examPointCode)
                    .param("offline", offlineReview)
                    .param("state", application.state().name())
                    .param("now", now)
                    .update();
        } catch (DuplicateKeyException racingOpen) {
            return ofCandidate(candidateId, examYear).orElseThrow(() -> racingOpen);
        }
        return application;
    }

    /** The next number of the exam point in that year; the counter row's lock serialises concurrent opens. */
    private String nextNumber(int examYear, String examPointCode) {
        int updated = jdbc.sql(
                        "UPDATE application_number_counter SET last_number = last_number + 1 WHERE exam_year = :year AND exam_point_code = :point")
                .param("year", examYear)
                .param("point", examPointCode)
                .update();
        if (updated == 0) {
            try {
                jdbc.sql(
                                "INSERT INTO application_number_counter (exam_year, exam_point_code, last_number) VALUES (:year, :point, 1)")
                        .param("year", examYear)
                        .param("point", examPointCode)
                        .update();
            } catch (DuplicateKeyException racingFirstNumber) {
                return nextNumber(examYear, examPointCode);
            }
        }
        int number = jdbc.sql(
                        "SELECT last_number FROM application_number_counter WHERE exam_year = :year AND exam_point_code = :point")
                .param("year", examYear)
                .param("point", examPointCode)
                .query(Integer.class)
                .single();
        return "%d%s%06d".formatted(examYear, examPointCode, number);
    }

    /*
     * The reads below run in the caller's transaction if there is one, and otherwise without: at read committed a
     * transaction of their own would not make their two statements one snapshot either (the version check on save
     * catches any change in between), and its commit would be one more round trip on every candidate request.
     *
     * An application comes with its images in one statement (one row per image, the application's columns repeated)
     * that also says whether it has reviews; only then does a second statement read them. Every candidate page reads
     * the application, and until the first decision that is one round trip instead of three.
     */
    private static final String WITH_IMAGES = """
            SELECT a.*,
                EXISTS (SELECT 1 FROM material_review r WHERE r.application_id = a.id) AS has_reviews,
                i.id AS image_id, i.material AS image_material, i.storage_key AS image_storage_key,
                i.sha256 AS image_sha256, i.size_bytes AS image_size_bytes, i.width AS image_width,
                i.height AS image_height, i.uploaded_at AS image_uploaded_at, i.round AS image_round,
                i.removed_at AS image_removed_at, i.removed_in_round AS image_removed_in_round
            FROM application a LEFT JOIN application_image i ON i.application_id = a.id
            """;

    private static final String IMAGES_IN_ORDER = " ORDER BY i.uploaded_at, i.id";

    @Override
    public Optional<Application> byId(UUID id) {
        return jdbc.sql(WITH_IMAGES + "WHERE a.id = :id" + IMAGES_IN_ORDER)
                .param("id", id)
                .query(this::application);
    }

    @Override
    public Optional<Application> ofCandidate(String candidateId, int examYear) {
        return jdbc.sql(WITH_IMAGES + "WHERE a.candidate_id = :candidate AND a.exam_year = :year" + IMAGES_IN_ORDER)
                .param("candidate", candidateId)
                .param("year", examYear)
                .query(this::application);
    }

    @Override
    @Transactional(readOnly = true)
    public List<RevisionDue> returnedDueBy(Instant until, int limit) {
        return jdbc.sql("""
                        SELECT id, number, candidate_id, exam_point_code, revision_deadline FROM application
                        WHERE state = 'RETURNED' AND revision_deadline <= :until
                        ORDER BY revision_deadline, id
                        LIMIT :limit
                        """)
                .param("until", timestamp(until))
                .param("limit", limit)
                .query(JdbcApplications::revisionDue)
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<RevisionDue> returnedAt(String examPointCode) {
        return jdbc.sql("""
                        SELECT id, number, candidate_id, exam_point_code, revision_deadline FROM application
                        WHERE state = 'RETURNED' AND exam_point_code = :point
                        ORDER BY revision_deadline, id
                        """)
                .param("point", examPointCode)
                .query(JdbcApplications::revisionDue)
                .list();
    }

    private static RevisionDue revisionDue(ResultSet rs, int rowNum) throws SQLException {
        return new RevisionDue(
                rs.getObject("id", UUID.class),
                rs.getString("number"),
                rs.getString("candidate_id"),
                rs.getString("exam_point_code"),
                instant(rs, "revision_deadline"));
    }

    /**
     * Saves the application if nobody saved it since it was read. {@code updated_at} orders the review queues; a
     * draft's save (an upload, mostly) leaves it alone, since no queue shows a draft and no state leads back to one:
     * the row then changes no indexed column, and PostgreSQL can update it in place instead of adding an entry to
     * each of its eight indexes, at the deadline peak's every upload.
     */
    @Override
    @Transactional
    public Application save(Application application) {
        var savedAt = clock.instant();
        var newImages = newImages(application);
        // An upload's save: its image row goes with the application's update, one round trip instead of two. If the
        // update finds a newer version the transaction rolls back, the image row with it.
        var withImage = newImages.size() == 1 && sendsStatementsTogether() ? newImages.get(0) : null;
        var statement = jdbc.sql(withImage == null ? UPDATE_APPLICATION : UPDATE_APPLICATION + ";\n" + INSERT_IMAGE);
        statement = bindApplication(statement, application, timestamp(savedAt));
        if (withImage != null) {
            statement = bindImage(statement, application, withImage);
        }
        // with two statements PostgreSQL's driver reports the first one's count: the update's
        int updated = statement.update();
        if (updated != 1) {
            throw new StaleApplicationException(application.id(), application.version());
        }
        saveImages(application, withImage);
        saveReviews(application);
        application.events().forEach(events::publishEvent);
        application.clearEvents();
        publishSaved(application, savedAt);
        return asStored(application);
    }

    /**
     * An upload's save without a transaction, where it can be one statement: a draft (whose save has no listener
     * that writes), one new image and nothing else to write but the application's row (no removed image, no review,
     * no event, each of which would need the transaction). The image row is inserted only if the update found the
     * version read, and the statement commits both or neither.
     */
    @Override
    public Application saveUpload(Application application) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("An upload's save commits on its own: call it without a transaction");
        }
        var newImages = newImages(application);
        boolean oneStatement = application.state() == ApplicationState.DRAFT
                && newImages.size() == 1
                && nothingRemoved(application)
                && application.reviewHistory().size() == application.storedReviews()
                && application.events().isEmpty()
                && sendsStatementsTogether();
        if (!oneStatement) {
            return transactions.execute(status -> save(application));
        }
        var savedAt = clock.instant();
        var statement =
                bindApplication(jdbc.sql(UPDATE_APPLICATION_THEN_INSERT_IMAGE), application, timestamp(savedAt));
        if (bindImage(statement, application, newImages.get(0)).update() != 1) {
            throw new StaleApplicationException(application.id(), application.version());
        }
        publishSaved(application, savedAt);
        return asStored(application);
    }

    /** The images added since the application was read. */
    private static List<MaterialImage> newImages(Application application) {
        return application.allImages().stream()
                .filter(image -> application.storedImageCurrent(image.id()).isEmpty())
                .toList();
    }

    private void publishSaved(Application application, Instant savedAt) {
        events.publishEvent(new ApplicationSaved(
                application.id(), application.examYear(), application.examPointCode(), application.state(), savedAt));
    }

    private static boolean nothingRemoved(Application application) {
        return application.allImages().stream()
                .allMatch(image -> image.isCurrent()
                        || !application.storedImageCurrent(image.id()).orElse(false));
    }

    private static final String UPDATE_APPLICATION = """
            UPDATE application SET state = :state, exam_point_code = :point, round = :round,
                offline_review = :offline, revision_deadline = :deadline,
                point_decider_id = :deciderId, point_decider_name = :deciderName,
                version = version + 1,
                updated_at = CASE WHEN state = 'DRAFT' AND :state = 'DRAFT' THEN updated_at ELSE :now END
            WHERE id = :id AND version = :version
            """;

    private static final String INSERT_IMAGE = """
            INSERT INTO application_image (id, application_id, material, storage_key, sha256, size_bytes,
                width, height, uploaded_at, round, removed_at, removed_in_round)
            VALUES (:imageId, :id, :material, :key, :sha, :size, :width, :height, :uploaded, :imageRound,
                :removed, :removedRound)
            """;

    /** The image row only if the version-checked update found its row: one statement, committed on its own. */
    private static final String UPDATE_APPLICATION_THEN_INSERT_IMAGE =
            "WITH updated AS (" + UPDATE_APPLICATION + "RETURNING id)\n" + """
            INSERT INTO application_image (id, application_id, material, storage_key, sha256, size_bytes,
                width, height, uploaded_at, round, removed_at, removed_in_round)
            SELECT :imageId, id, :material, :key, :sha, :size, :width, :height, :uploaded, :imageRound,
                :removed, :removedRound
            FROM updated
            """;

    private static JdbcClient.StatementSpec bindApplication(
            JdbcClient.StatementSpec statement, Application application, OffsetDateTime now) {
        return statement
                .param("state", application.state().name())
                .param("point", application.examPointCode())
                .param("round", application.round())
                .param("offline", application.offlineReview())
                .param(
                        "deadline",
                        application
                                .revisionDeadline()
                                .map(JdbcApplications::timestamp)
                                .orElse(null))
                .param(
                        "deciderId",
                        application.examPointDecider().map(Actor::accountId).orElse(null))
                .param(
                        "deciderName",
                        application.examPointDecider().map(Actor::displayName).orElse(null))
                .param("now", now)
                .param("id", application.id())
                .param("version", application.version());
    }

    private static JdbcClient.StatementSpec bindImage(
            JdbcClient.StatementSpec statement, Application application, MaterialImage image) {
        return statement
                .param("imageId", image.id())
                .param("id", application.id())
                .param("material", image.material())
                .param("key", image.storageKey())
                .param("sha", image.sha256())
                .param("size", image.sizeBytes())
                .param("width", image.width())
                .param("height", image.height())
                .param("uploaded", timestamp(image.uploadedAt()))
                .param("imageRound", image.round())
                .param("removed", image.removedAt() == null ? null : timestamp(image.removedAt()))
                .param("removedRound", image.removedInRound());
    }

    /**
     * Whether the database takes several statements in one round trip: PostgreSQL's driver sends them together
     * and runs them in the caller's transaction; H2 is sent one statement at a time.
     */
    private boolean sendsStatementsTogether() {
        var known = statementsTogether;
        if (known == null) {
            known = jdbcTemplate.execute((ConnectionCallback<Boolean>)
                    connection -> "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()));
            statementsTogether = known;
        }
        return known;
    }

    /**
     * The application as {@link #byId} would now read it, built without reading: the next version, its instants at
     * the store's precision (microseconds) and its images in the store's order.
     */
    private static Application asStored(Application saved) {
        var images = saved.allImages().stream()
                .map(image -> new MaterialImage(
                        image.id(),
                        image.material(),
                        image.storageKey(),
                        image.sha256(),
                        image.sizeBytes(),
                        image.width(),
                        image.height(),
                        stored(image.uploadedAt()),
                        image.round(),
                        stored(image.removedAt()),
                        image.removedInRound()))
                .sorted(Comparator.comparing(MaterialImage::uploadedAt).thenComparing(MaterialImage::id))
                .toList();
        var reviews = saved.reviewHistory().stream()
                .map(review -> new MaterialReview(
                        review.material(),
                        review.verdict(),
                        List.copyOf(review.reasonCodes()),
                        review.messageToCandidate(),
                        review.internalNote(),
                        review.reviewer(),
                        stored(review.at()),
                        review.round()))
                .toList();
        return new Application(
                saved.id(),
                saved.number(),
                saved.candidateId(),
                saved.examYear(),
                saved.examPointCode(),
                saved.offlineReview(),
                saved.state(),
                saved.round(),
                saved.revisionDeadline().map(JdbcApplications::stored).orElse(null),
                saved.examPointDecider().orElse(null),
                images,
                reviews,
                saved.version() + 1);
    }

    /** An instant as the store keeps it: rounded half up to microseconds, as H2 and PostgreSQL round. */
    private static Instant stored(Instant instant) {
        return instant == null ? null : instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    /** Writes what changed in the images, but for {@code alreadyInserted} (null if none was). */
    private void saveImages(Application application, MaterialImage alreadyInserted) {
        for (MaterialImage image : application.allImages()) {
            var storedCurrent = application.storedImageCurrent(image.id());
            if (storedCurrent.isEmpty()) {
                if (image != alreadyInserted) {
                    bindImage(jdbc.sql(INSERT_IMAGE), application, image).update();
                }
            } else if (!image.isCurrent() && storedCurrent.get()) {
                jdbc.sql("UPDATE application_image SET removed_at = :removed, removed_in_round = :round WHERE id = :id")
                        .param("removed", timestamp(image.removedAt()))
                        .param("round", image.removedInRound())
                        .param("id", image.id())
                        .update();
            }
        }
    }

    private void saveReviews(Application application) {
        var reviews = application.reviewHistory();
        for (int seq = application.storedReviews(); seq < reviews.size(); seq++) {
            var review = reviews.get(seq);
            jdbc.sql("""
                            INSERT INTO material_review (id, application_id, material, verdict, reason_codes,
                                message_to_candidate, internal_note, reviewer_id, reviewer_name, reviewed_at, round, seq)
                            VALUES (:id, :application, :material, :verdict, :reasons, :message, :note, :reviewerId,
                                :reviewerName, :at, :round, :seq)
                            """)
                    .param("id", UUID.randomUUID())
                    .param("application", application.id())
                    .param("material", review.material())
                    .param("verdict", review.verdict().name())
                    .param("reasons", String.join(",", review.reasonCodes()))
                    .param("message", review.messageToCandidate())
                    .param("note", review.internalNote())
                    .param("reviewerId", review.reviewer().accountId())
                    .param("reviewerName", review.reviewer().displayName())
                    .param("at", timestamp(review.at()))
                    .param("round", review.round())
                    .param("seq", seq)
                    .update();
        }
    }

    private Optional<Application> application(ResultSet rs) throws SQLException {
        if (!rs.next()) {
            return Optional.empty();
        }
        var row = row(rs);
        boolean hasReviews = rs.getBoolean("has_reviews");
        var images = new ArrayList<MaterialImage>();
        do {
            var imageId = rs.getObject("image_id", UUID.class);
            if (imageId != null) {
                images.add(new MaterialImage(
                        imageId,
                        rs.getString("image_material"),
                        rs.getString("image_storage_key"),
                        rs.getString("image_sha256"),
                        rs.getLong("image_size_bytes"),
                        rs.getInt("image_width"),
                        rs.getInt("image_height"),
                        instant(rs, "image_uploaded_at"),
                        rs.getInt("image_round"),
                        instant(rs, "image_removed_at"),
                        rs.getInt("image_removed_in_round")));
            }
        } while (rs.next());
        return Optional.of(new Application(
                row.id(),
                row.number(),
                row.candidateId(),
                row.examYear(),
                row.examPointCode(),
                row.offlineReview(),
                row.state(),
                row.round(),
                row.revisionDeadline(),
                row.decider(),
                images,
                hasReviews ? reviews(row.id()) : List.of(),
                row.version()));
    }

    private List<MaterialReview> reviews(UUID applicationId) {
        return jdbc.sql("SELECT * FROM material_review WHERE application_id = :id ORDER BY seq")
                .param("id", applicationId)
                .query((rs, n) -> new MaterialReview(
                        rs.getString("material"),
                        Verdict.valueOf(rs.getString("verdict")),
                        rs.getString("reason_codes").isEmpty()
                                ? List.of()
                                : Arrays.asList(rs.getString("reason_codes").split(",")),
                        rs.getString("message_to_candidate"),
                        rs.getString("internal_note"),
                        new Actor(rs.getString("reviewer_id"), rs.getString("reviewer_name")),
                        instant(rs, "reviewed_at"),
                        rs.getInt("round")))
                .list();
    }

    private record Row(
            UUID id,
            String number,
            String candidateId,
            int examYear,
            String examPointCode,
            boolean offlineReview,
            ApplicationState state,
            int round,
            Instant revisionDeadline,
            Actor decider,
            long version) {}

    private Row row(ResultSet rs) throws SQLException {
        var deciderId = rs.getString("point_decider_id");
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getString("number"),
                rs.getString("candidate_id"),
                rs.getInt("exam_year"),
                rs.getString("exam_point_code"),
                rs.getBoolean("offline_review"),
                ApplicationState.valueOf(rs.getString("state")),
                rs.getInt("round"),
                instant(rs, "revision_deadline"),
                deciderId == null ? null : new Actor(deciderId, rs.getString("point_decider_name")),
                rs.getLong("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
