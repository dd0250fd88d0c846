package cn.qualify.materials;

/**
 * A stored document cannot be decrypted: its key is not configured any more, the configured key with that id is a
 * different one, or the stored bytes were altered. Never answered with the stored bytes.
 */
public class DocumentDecryptionException extends IllegalStateException {

    private final transient StorageKey key;

    public DocumentDecryptionException(StorageKey key, String message, Throwable cause) {
        super(message, cause);
        this.key = key;
    }

    public StorageKey key() {
        return key;
    }
}
