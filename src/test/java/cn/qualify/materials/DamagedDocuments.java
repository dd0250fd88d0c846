package cn.qualify.materials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/** Stored copies that a document store cannot give back, for the tests of their readers. */
public final class DamagedDocuments {

    private DamagedDocuments() {}

    /**
     * Rewrites a document of the filesystem store under {@code directory} as an encrypting store would have written
     * it under a master key that is no longer configured ("retired"): reading it fails with {@link
     * DocumentDecryptionException}.
     */
    public static void encryptUnderARetiredKey(String directory, String storageKey) throws IOException {
        var key = StorageKey.of(storageKey);
        var file = Path.of(directory).toAbsolutePath().normalize().resolve(storageKey);
        var retired = Base64.getEncoder().encodeToString(new byte[32]);
        var encrypting = new EncryptedDocumentStore(
                new ImageVerificationTests.InMemoryStore(), Map.of("retired", retired), "retired");
        Files.write(file, encrypting.encrypt(key, Files.readAllBytes(file)));
    }
}
