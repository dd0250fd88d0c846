package cn.qualify.materials;

/** No document is stored under the key. */
public class DocumentNotFoundException extends RuntimeException {

    private final transient StorageKey key;

    public DocumentNotFoundException(StorageKey key) {
        super("No document stored under " + key);
        this.key = key;
    }

    public StorageKey key() {
        return key;
    }
}
