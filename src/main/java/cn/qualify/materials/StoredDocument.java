package cn.qualify.materials;

import java.util.Objects;

/**
 * A document as the store holds it. Its digest is computed when first asked for, from the bytes the caller stored:
 * the upload's request path already has the intake's digest of the same bytes and never asks, and hashing a photo
 * again there cost as much CPU as the intake's own hashing.
 */
public final class StoredDocument {

    private final StorageKey key;
    private final long size;
    private byte[] content;
    private volatile String sha256;

    /**
     * The document just stored under {@code key}. {@code content} is kept, not copied, until its digest is asked for:
     * the caller hands over bytes it no longer changes.
     */
    public StoredDocument(StorageKey key, byte[] content) {
        this.key = Objects.requireNonNull(key, "key");
        this.content = Objects.requireNonNull(content, "content");
        this.size = content.length;
    }

    /** Where it is. */
    public StorageKey key() {
        return key;
    }

    /** Lower-case hex SHA-256 of the bytes the caller stored (before any encryption by the store). */
    public String sha256() {
        var digest = sha256;
        if (digest == null) {
            synchronized (this) {
                if (sha256 == null) {
                    sha256 = ImageIntake.sha256(content);
                    content = null;
                }
                digest = sha256;
            }
        }
        return digest;
    }

    /** The number of bytes the caller stored. */
    public long size() {
        return size;
    }

    @Override
    public String toString() {
        return "StoredDocument[" + key + ", " + size + " bytes]";
    }
}
