package cn.qualify.candidate;

import cn.qualify.application.Actor;
import cn.qualify.application.Application;
import cn.qualify.application.ApplicationRuleViolation;
import cn.qualify.application.ApplicationState;
import cn.qualify.application.Applications;
import cn.qualify.application.ImageCheck;
import cn.qualify.application.MaterialImage;
import cn.qualify.application.MaterialImage.StoredImage;
import cn.qualify.application.StaleApplicationException;
import cn.qualify.exam.ExamYear;
import cn.qualify.exam.ExamYears;
import cn.qualify.identity.Account;
import cn.qualify.identity.AccountId;
import cn.qualify.materials.AcceptedImage;
import cn.qualify.materials.DocumentDecryptionException;
import cn.qualify.materials.DocumentNotFoundException;
import cn.qualify.materials.DocumentStore;
import cn.qualify.materials.DocumentStoreUnavailableException;
import cn.qualify.materials.ImageIntake;
import cn.qualify.materials.PendingDocuments;
import cn.qualify.materials.RefusedImage;
import cn.qualify.materials.StorageKey;
import cn.qualify.policy.CatalogueEntry;
import cn.qualify.policy.Evaluation;
import cn.qualify.policy.Material;
import cn.qualify.policy.Policies;
import cn.qualify.registration.Registration;
import cn.qualify.registration.Registrations;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What a candidate can do with their application, whichever client they use (pages or API). Every refusal is an
 * {@link ApplicationRuleViolation} or a {@link JourneyRefusal} with a message key, thrown before anything changes.
 */
@Service
class CandidateJourney {

    private static final Logger log = LoggerFactory.getLogger(CandidateJourney.class);

    private final ExamYears examYears;
    private final Registrations registrations;
    private final Policies policies;
    private final Applications applications;
    private final ImageIntake intake;
    private final DocumentStore documents;
    private final PendingDocuments pendingDocuments;
    private final VerificationDispatcher verification;
    private final Clock clock;

    CandidateJourney(
            ExamYears examYears,
            Registrations registrations,
            Policies policies,
            Applications applications,
            ImageIntake intake,
            DocumentStore documents,
            PendingDocuments pendingDocuments,
            VerificationDispatcher verification,
            Clock clock) {
        this.examYears = examYears;
        this.registrations = registrations;
        this.policies = policies;
        this.applications = applications;
        this.intake = intake;
        this.documents = documents;
        this.pendingDocuments = pendingDocuments;
        this.verification = verification;
        this.clock = clock;
    }

    /** Everything the candidate's pages show: exam year, registration, checklist and application. */
    Situation situation(Account candidate) {
        return situation(new AccountId(candidate.id()));
    }

    Situation situation(AccountId candidate) {
        var year = currentYear();
        var registration = registrations.of(candidate.value(), year.year());
        if (registration.isEmpty()) {
            return new Situation(year, null, null, null);
        }
        var evaluation = policies.evaluate(registration.get().facts());
        var application = applications
                .ofCandidate(candidateId(candidate), year.year())
                .orElseGet(() -> applications.open(
                        candidateId(candidate),
                        year.year(),
                        registration.get().examPointCode(),
                        evaluation.offlineReview()));
        return new Situation(year, registration.get(), evaluation, application);
    }

    /**
     * Checks an uploaded image, stores it and adds it to the material. The bytes are stored first under a key
     * announced as pending, then the image row commits, and with it the key's confirmation ({@link
     * UploadedImageReferences}): a crash in between leaves bytes that nothing shows and the orphan sweep deletes,
     * never an image row without its bytes. A stored file that does not end up in the application is deleted again
     * at once.
     */
    MaterialImage upload(AccountId candidate, Material material, InputStream content, long declaredSize)
            throws IOException {
        var situation = requireRegistered(candidate);
        var year = situation.examYear();
        if (!year.uploadOpenOn(today())) {
            throw new JourneyRefusal("candidate.upload.windowClosed", 403, year.uploadOpens(), year.uploadCloses());
        }
        if (!situation.evaluation().uploadRequired()) {
            throw new JourneyRefusal("candidate.upload.notRequired", 409);
        }
        int maxImages = maxImages(situation, material);
        var application = situation.application();
        refuseEarly(application, material, maxImages);

        var result = intake.check(content, declaredSize, year.maxImageBytes());
        if (result instanceof RefusedImage refused) {
            throw new JourneyRefusal(refused, refused.reason().httpStatus());
        }
        var accepted = (AcceptedImage) result;
        StorageKey key;
        try {
            key = pendingDocuments.store(year.year(), accepted.bytes()).key();
        } catch (DocumentStoreUnavailableException unavailable) {
            log.warn("Upload refused, the document store is unavailable: {}", unavailable.getMessage());
            throw new JourneyRefusal("candidate.upload.storageUnavailable", 503);
        }
        try {
            var image = addWithOneRetry(application, material, accepted, key, maxImages);
            verification.verifySoon(key);
            return image;
        } catch (RuntimeException notAdded) {
            pendingDocuments.abandon(key);
            throw notAdded;
        }
    }

    /** A racing change to another material should not fail this upload: reload once and try again. */
    private MaterialImage addWithOneRetry(
            Application application, Material material, AcceptedImage accepted, StorageKey key, int maxImages) {
        var stored =
                new StoredImage(key.value(), accepted.sha256(), accepted.size(), accepted.width(), accepted.height());
        try {
            return add(application, material, stored, maxImages);
        } catch (StaleApplicationException stale) {
            return add(applications.byId(application.id()).orElseThrow(), material, stored, maxImages);
        }
    }

    private MaterialImage add(Application application, Material material, StoredImage stored, int maxImages) {
        var image = application.addImage(material.name(), stored, maxImages, clock.instant());
        applications.saveUpload(application);
        return image;
    }

    void removeImage(Account candidate, UUID imageId) {
        var application = requireRegistered(candidate).application();
        application.removeImage(imageId, clock.instant());
        applications.save(application);
    }

    /** Submits, or resubmits after a return for revision; refused with the list of what is missing. */
    Application submit(Account candidate, Locale locale) {
        var situation = requireRegistered(candidate);
        var application = situation.application();
        var missing = situation.evaluation().uploadRequired()
                ? situation.missingUploads(locale)
                : Completeness.missing(situation.evaluation(), material -> Integer.MAX_VALUE, locale);
        var actor = actor(candidate);
        if (application.state() == ApplicationState.RETURNED) {
            application.resubmit(missing, actor, clock.instant());
        } else {
            application.submit(missing, situation.evaluation().offlineReview(), actor, clock.instant());
        }
        return applications.save(application);
    }

    Application withdraw(Account candidate) {
        var application = requireRegistered(candidate).application();
        application.withdraw(actor(candidate), clock.instant());
        return applications.save(application);
    }

    /** One of the candidate's own images, current or earlier; never another candidate's. */
    Optional<MaterialImage> ownImage(Account candidate, UUID imageId) {
        return applications
                .ofCandidate(candidateId(candidate), currentYear().year())
                .flatMap(application -> application.allImages().stream()
                        .filter(image -> image.id().equals(imageId))
                        .findFirst());
    }

    /**
     * The stored bytes of one of the candidate's images. A copy that is gone or fails its decryption is refused with
     * a message telling the candidate what to do, and logged for the operators (who also find it with the
     * verify-documents command): never answered with a bare server error.
     */
    byte[] imageBytes(MaterialImage image) {
        try {
            return documents.get(StorageKey.of(image.storageKey()));
        } catch (DocumentNotFoundException | DocumentDecryptionException unreadable) {
            log.error("Image {} of a candidate cannot be read: {}", image.id(), unreadable.getMessage());
            throw new JourneyRefusal("candidate.document.unreadable", 500);
        }
    }

    /** The image's thumbnail; empty if its check made none, or it was lost and is being made again. */
    Optional<byte[]> thumbnailBytes(ImageCheck check) {
        return verification.thumbnail(check);
    }

    /** The limit of a material for this candidate: the checklist's, or the catalogue's for one outside it. */
    int maxImages(Situation situation, Material material) {
        return situation
                .evaluation()
                .requirement(material)
                .map(requirement -> requirement.maxImages())
                .orElseGet(() -> catalogueEntry(situation.evaluation(), material)
                        .map(CatalogueEntry::maxImages)
                        .orElse(0));
    }

    Optional<CatalogueEntry> catalogueEntry(Evaluation evaluation, Material material) {
        return policies.catalogue(evaluation.policy()).stream()
                .filter(entry -> entry.material() == material)
                .findFirst();
    }

    List<CatalogueEntry> catalogue(Evaluation evaluation) {
        return policies.catalogue(evaluation.policy());
    }

    private void refuseEarly(Application application, Material material, int maxImages) {
        if (maxImages <= 0) {
            throw new JourneyRefusal("candidate.upload.unknownMaterial", 404, material.name());
        }
        if (!application.isUnlocked(material.name())) {
            throw new ApplicationRuleViolation(
                    "application.image.locked", "Material " + material + " is locked", material.name());
        }
        if (application.currentImages(material.name()).size() >= maxImages) {
            throw new ApplicationRuleViolation(
                    "application.image.materialFull", "Material " + material + " is full", maxImages);
        }
    }

    private Situation requireRegistered(Account candidate) {
        return requireRegistered(new AccountId(candidate.id()));
    }

    private Situation requireRegistered(AccountId candidate) {
        var situation = situation(candidate);
        if (situation.registration() == null) {
            throw new JourneyRefusal("candidate.registration.missing", 409);
        }
        return situation;
    }

    private ExamYear currentYear() {
        return examYears.current().orElseThrow(() -> new JourneyRefusal("candidate.examYear.missing", 503));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    static String candidateId(Account candidate) {
        return String.valueOf(candidate.id());
    }

    static String candidateId(AccountId candidate) {
        return String.valueOf(candidate.value());
    }

    static Actor actor(Account candidate) {
        return new Actor(candidateId(candidate), candidate.displayName());
    }

    /**
     * The candidate's situation in the current exam year.
     *
     * @param registration {@code null} until the registration info is filled in
     * @param evaluation {@code null} without registration
     * @param application {@code null} without registration
     */
    record Situation(ExamYear examYear, Registration registration, Evaluation evaluation, Application application) {

        /** What the uploads still lack for a submission; nothing for a candidate who uploads nothing. */
        List<String> missingUploads(Locale locale) {
            return evaluation.uploadRequired()
                    ? Completeness.missing(
                            evaluation,
                            material ->
                                    application.currentImages(material.name()).size(),
                            locale)
                    : List.of();
        }
    }
}
