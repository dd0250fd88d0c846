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
}
