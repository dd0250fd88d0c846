package cn.qualify.materials;

import java.io.InputStream;

/**
 * Where the bytes of uploaded documents live: the local filesystem ({@code qualify.documents.store=filesystem},
 * the default) or an S3-compatible bucket ({@code s3}), behind the envelope encryption of
 * {@code EncryptedDocumentStore}. Keys come from {@link StorageKey#newKey(int)}. A stored document is immutable:
 * replacing an image means storing a new one under a new key, so earlier versions stay for the reviewer. Storage
 * failures surface as {@link java.io.UncheckedIOException}; a store that cannot be reached as its subclass
 * {@link DocumentStoreUnavailableException}. New uploads go through {@link PendingDocuments}, which leaves no
 * orphans behind.
 */
public interface DocumentStore {

    /**
     * Stores {@code content} under {@code key}, all or nothing: a reader sees either no document or the whole of
     * it, also after a crash, and once this returns the bytes are durable.
     *
     * @return the stored document with the SHA-256 and size of {@code content} (the plaintext, also when the store
     *     encrypts it)
     * @throws IllegalStateException if the key already holds a document (nothing is overwritten)
     */
    StoredDocument put(StorageKey key, byte[] content);

    /**
     * Stores a document that is derived from a stored one and can be derived again (a thumbnail): as {@link #put},
     * all or nothing for readers and never over an existing document, but without waiting until the bytes are
     * durable. Forcing a file to disk costs milliseconds of waiting per document, during which the verification
     * thread that made the thumbnail would decode nothing; the durability that costs is owed to what the candidate
     * uploaded, not to a copy made from it. The price: after a crash of the machine (not merely of the process), a
     * document stored this way within the last seconds may be missing or empty, and its reader must take it as
     * absent. Stores that have nothing cheaper than {@link #put} (an object store) use it; so does this default.
     *
     * @return as {@link #put}
     * @throws IllegalStateException if the key already holds a document (nothing is overwritten)
     */
    default StoredDocument putDerived(StorageKey key, byte[] content) {
        return put(key, content);
    }

    /**
     * The whole document.
     *
     * @throws DocumentNotFoundException if nothing is stored under the key
     */
    byte[] get(StorageKey key);

    /**
     * The document as a stream, for serving it; the caller closes it.
     *
     * @throws DocumentNotFoundException if nothing is stored under the key
     */
    InputStream open(StorageKey key);

    /** Whether a document is stored under the key. */
    boolean exists(StorageKey key);

    /**
     * Removes the document.
     *
     * @return whether there was one to remove
     */
    boolean delete(StorageKey key);

    /**
     * Whether the stored bytes still have the SHA-256 recorded when they were stored.
     *
     * @throws DocumentNotFoundException if nothing is stored under the key
     */
    boolean verify(StorageKey key, String sha256);
}
