package cn.qualify.materials;

import java.util.Base64;
import java.util.Map;

/** Stored copies that a document store cannot give back, for the tests of their readers. */
public final class DamagedDocuments {

    private DamagedDocuments() {}

    /**
     * The bytes an encrypting store would have written for {@code content} under a master key that is no longer
     * configured ("retired"): reading them fails with {@link DocumentDecryptionException}.
     */
    public static byte[] encryptedUnderARetiredKey(StorageKey key, byte[] content) {
        var retired = Base64.getEncoder().encodeToString(new byte[32]);
        return new EncryptedDocumentStore(
                        new ImageVerificationTests.InMemoryStore(), Map.of("retired", retired), "retired")
                .encrypt(key, content);
    }
}
