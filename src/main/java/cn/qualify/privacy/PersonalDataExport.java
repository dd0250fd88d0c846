package cn.qualify.privacy;

import cn.qualify.application.Application;
import cn.qualify.application.Applications;
import cn.qualify.application.MaterialImage;
import cn.qualify.application.MaterialReview;
import cn.qualify.audit.AuditTrail;
import cn.qualify.exam.ExamYears;
import cn.qualify.identity.Account;
import cn.qualify.materials.DocumentDecryptionException;
import cn.qualify.materials.DocumentNotFoundException;
import cn.qualify.materials.DocumentStore;
import cn.qualify.materials.StorageKey;
import cn.qualify.registration.Registration;
import cn.qualify.registration.Registrations;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts together a copy of one candidate's personal data: the account, the registration info of every exam year,
 * every application with its documents (current and earlier versions), the reviewers' decisions as the candidate
 * sees them (reasons and messages, never staff's internal notes or who reviewed) and the history of the
 * application (what happened when). As JSON ({@link #data}) or as a zip ({@link #zip}) of {@code data.json} and
 * the images under {@code documents/}.
 *
 * <p>Each export is recorded in the audit trail ({@code PERSONAL_DATA_EXPORTED}, on every application of the
 * candidate, with who asked), in the same transaction.
 */
@Service
public class PersonalDataExport {

    static final String ACTION = "PERSONAL_DATA_EXPORTED";

    private static final Logger log = LoggerFactory.getLogger(PersonalDataExport.class);

    private final ExamYears examYears;
    private final Registrations registrations;
    private final Applications applications;
    private final AuditTrail audit;
    private final DocumentStore documents;
    private final JsonMapper json;
    private final Clock clock;

    PersonalDataExport(
            ExamYears examYears,
            Registrations registrations,
            Applications applications,
            AuditTrail audit,
            DocumentStore documents,
            JsonMapper json,
            Clock clock) {
        this.examYears = examYears;
        this.registrations = registrations;
        this.applications = applications;
        this.audit = audit;
        this.documents = documents;
        this.json = json;
        this.clock = clock;
    }

    /** The whole copy. */
    public record PersonalData(
            Instant exportedAt,
            AccountData account,
            List<Registration> registrations,
            List<ApplicationData> applications) {}

    public record AccountData(long id, String loginName, String idType, String name, String phone, boolean enabled) {}

    public record ApplicationData(
            String number,
            int examYear,
            String examPointCode,
            String state,
            int round,
            Instant revisionDeadline,
            List<DocumentData> documents,
            List<DecisionData> decisions,
            List<HistoryData> history) {}

    /**
     * One uploaded image; {@code file} is its name inside the zip (none in the JSON answer of the API). {@code
     * fileUnreadable}: its stored copy could not be read for the zip (gone, or failing its decryption), so the zip
     * holds everything else and says which is missing, and the operators find the image in the log.
     */
    public record DocumentData(
            String id,
            String material,
            boolean current,
            Instant uploadedAt,
            Instant removedAt,
            long sizeBytes,
            int width,
            int height,
            String sha256,
            String file,
            boolean fileUnreadable) {}

    /** A reviewer's decision on a material as the candidate sees it. */
    public record DecisionData(
            String material, String verdict, List<String> reasons, String message, Instant at, int round) {}

    public record HistoryData(Instant at, String action) {}

    /** The candidate's data as JSON, recorded as exported for {@code requester}. */
    @Transactional
    public PersonalData data(Account candidate, Account requester) {
        var found = collect(candidate, false);
        record(candidate, requester, found, "json");
        return found.data();
    }

    /** The candidate's data as a zip of {@code data.json} and the images, recorded as exported for {@code requester}. */
    @Transactional
    public byte[] zip(Account candidate, Account requester) {
        var found = collect(candidate, true);
        try (var bytes = new ByteArrayOutputStream();
                var zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("data.json"));
            zip.write(json.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(found.data()));
            zip.closeEntry();
            for (var file : found.files().entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
            zip.finish();
            record(candidate, requester, found, "zip");
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Collected(PersonalData data, List<Application> applications, Map<String, byte[]> files) {}

    private Collected collect(Account candidate, boolean withFiles) {
        var registrationsFound = new ArrayList<Registration>();
        var applicationsFound = new ArrayList<Application>();
        for (var year : examYears.all()) {
            registrations.of(candidate.id(), year.year()).ifPresent(registrationsFound::add);
            applications
                    .ofCandidate(String.valueOf(candidate.id()), year.year())
                    .ifPresent(applicationsFound::add);
        }
        var account = new AccountData(
                candidate.id(),
                candidate.loginName(),
                candidate.idType() == null ? null : candidate.idType().name(),
                candidate.displayName(),
                candidate.phone(),
                candidate.enabled());
        var files = new LinkedHashMap<String, byte[]>();
        var applicationData = new ArrayList<ApplicationData>();
        for (var application : applicationsFound) {
            var names = new HashMap<UUID, String>();
            var unreadable = new HashSet<UUID>();
            if (withFiles) {
                for (var image : application.allImages()) {
                    byte[] bytes;
                    try {
                        bytes = documents.get(StorageKey.of(image.storageKey()));
                    } catch (DocumentNotFoundException | DocumentDecryptionException lost) {
                        log.error("Image {} left out of a personal data export: {}", image.id(), lost.getMessage());
                        unreadable.add(image.id());
                        continue;
                    }
                    String name = fileName(application, image, bytes);
                    names.put(image.id(), name);
                    files.put(name, bytes);
                }
            }
            applicationData.add(applicationData(application, names, unreadable));
        }
        var data = new PersonalData(clock.instant(), account, registrationsFound, applicationData);
        return new Collected(data, applicationsFound, files);
    }

    private ApplicationData applicationData(
            Application application, Map<UUID, String> fileNames, Set<UUID> unreadable) {
        var documentsData = application.allImages().stream()
                .map(image -> new DocumentData(
                        image.id().toString(),
                        image.material(),
                        image.isCurrent(),
                        image.uploadedAt(),
                        image.removedAt(),
                        image.sizeBytes(),
                        image.width(),
                        image.height(),
                        image.sha256(),
                        fileNames.get(image.id()),
                        unreadable.contains(image.id())))
                .toList();
        var decisions = application.reviewHistory().stream()
                .map(PersonalDataExport::decision)
                .toList();
        var history = audit.ofApplication(application.id()).stream()
                .map(entry -> new HistoryData(entry.at(), entry.action()))
                .toList();
        return new ApplicationData(
                application.number(),
                application.examYear(),
                application.examPointCode(),
                application.state().name(),
                application.round(),
                application.revisionDeadline().orElse(null),
                documentsData,
                decisions,
                history);
    }

    /** Reasons and the message to the candidate; the internal note and the reviewer stay out. */
    private static DecisionData decision(MaterialReview review) {
        return new DecisionData(
                review.material(),
                review.verdict().name(),
                review.reasonCodes(),
                review.messageToCandidate(),
                review.at(),
                review.round());
    }

    /** Where an image goes in the zip: by exam year and material, named by its id and its real type. */
    static String fileName(Application application, MaterialImage image, byte[] bytes) {
        boolean png = bytes.length > 3 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P';
        return "documents/" + application.examYear() + "/" + image.material() + "/" + image.id()
                + (png ? ".png" : ".jpg");
    }

    private void record(Account candidate, Account requester, Collected found, String format) {
        String details = "personal data of candidate " + candidate.id() + " exported (" + format + ") for "
                + (requester.id() == candidate.id() ? "the candidate" : "administrator " + requester.loginName());
        String actorId = String.valueOf(requester.id());
        if (found.applications().isEmpty()) {
            audit.record(actorId, requester.displayName(), ACTION, null, details);
        }
        for (var application : found.applications()) {
            audit.record(actorId, requester.displayName(), ACTION, application.id(), details);
        }
    }

    /** The file name offered for the download, e.g. {@code qualify-personal-data-2025-06-01.zip}. */
    String downloadName() {
        return "qualify-personal-data-" + LocalDate.now(clock) + ".zip";
    }
}
