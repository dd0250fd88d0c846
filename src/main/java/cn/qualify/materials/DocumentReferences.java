package cn.qualify.materials;

import java.util.Collection;
import java.util.Set;

/**
 * Which stored documents a committed database record refers to. An upload's reference is its own confirmation: the
 * orphan sweep ({@link PendingDocuments#sweep}) asks this before deleting the bytes of a key still marked pending,
 * and keeps every document it names. Provided by the module that keeps the references.
 */
public interface DocumentReferences {

    /** The keys among {@code keys} that a committed record refers to. */
    Set<StorageKey> referencedAmong(Collection<StorageKey> keys);
}
