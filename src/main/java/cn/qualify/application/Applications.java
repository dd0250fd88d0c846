package cn.qualify.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The store of applications. Saving publishes the events the application registered, then an {@link ApplicationSaved},
 * in the same transaction; a draft's upload saved in one statement ({@link #saveUpload}) registers none and publishes
 * its {@link ApplicationSaved} once that statement has committed.
 */
public interface Applications {

    /**
     * Opens the candidate's draft for an exam year, with a new application number; returns the existing one if the
     * candidate already has an application that year.
     */
    Application open(String candidateId, int examYear, String examPointCode, boolean offlineReview);

    Optional<Application> byId(UUID id);

    Optional<Application> ofCandidate(String candidateId, int examYear);

    /** Returned applications whose revision deadline is at or before {@code until}, earliest deadline first. */
    List<RevisionDue> returnedDueBy(Instant until, int limit);

    /** Every returned application of an exam point, earliest deadline first. */
    List<RevisionDue> returnedAt(String examPointCode);

    /**
     * Saves the application if nobody else saved it since it was read.
     *
     * @throws StaleApplicationException if it changed in between; nothing is saved then
     */
    Application save(Application application);

    /**
     * Saves a draft whose one change since it was read is an image added to it (an upload), as {@link #save} does.
     * Call without a transaction: on PostgreSQL the version check and the image row are one statement that commits
     * on its own, which spares every upload at the deadline peak a round trip and a transaction's bookkeeping. Any
     * other change, or another database, is saved by {@link #save} in a transaction of its own.
     *
     * @throws StaleApplicationException if it changed in between; nothing is saved then
     */
    Application saveUpload(Application application);
}
