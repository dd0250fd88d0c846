package cn.qualify.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The verification results of stored images, for candidates (warnings) and reviewers (flags). */
public interface ImageChecks {

    /** Records a result; a later result for the same image replaces the earlier one. */
    void record(ImageCheck check);

    /** The results known so far, by storage key; images still waiting for verification are absent. */
    Map<String, ImageCheck> of(Collection<String> storageKeys);

    /** Storage keys of current images that have no result yet, oldest first: the verification backlog. */
    List<String> unchecked(int limit);

    /**
     * How many images {@link #unchecked} would list without a limit: the size of the verification backlog. A result
     * recorded just before its image row was committed may count until the next call of {@link #unchecked}.
     */
    long uncheckedCount();

    /**
     * The image's thumbnail was found missing or damaged: drops its key, so that readers take the image as one
     * without a thumbnail, and puts the image back into {@link #unchecked}, so that verification makes it again.
     * The flags stay visible meanwhile; the next {@link #record} replaces them and ends the wait.
     *
     * @return whether a thumbnail key was dropped; false if there was none, for instance because another reader
     *     dropped it first
     */
    boolean forgetThumbnail(String storageKey);
}
