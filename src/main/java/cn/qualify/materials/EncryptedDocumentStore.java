package cn.qualify.materials;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption in front of any {@link DocumentStore}: each document gets its own random AES-256 data key;
 * the document is encrypted with it (AES-GCM, the storage key as associated data, so an object copied under another
 * key does not decrypt), and the data key is encrypted ("wrapped") with the active master key from configuration.
 * The master key's id is written in the clear in the document's header, so keys rotate: a new active key encrypts
 * new documents while the earlier keys, kept in the key ring, still decrypt the old ones.
 *
 * <p>Layout: {@code "QENC"}, version {@code 1}, key id length (1 byte), key id (ASCII), wrap nonce (12), wrapped data
 * key (32 + 16 tag), data nonce (12), ciphertext with its 16-byte tag.
 *
 * <p>Without an active key documents are written as they are (a test or demo installation); a document without the
 * header is read as it is, so encryption can be switched on for an existing store. An encrypted document is never
 * returned encrypted: without its key, reading fails with {@link DocumentDecryptionException}. The SHA-256 that
 * {@link #put} returns and {@link #verify} compares is that of the plaintext, the bytes the candidate uploaded.
 */
final class EncryptedDocumentStore implements DocumentStore, AutoCloseable {

    static final byte[] MAGIC = "QENC".getBytes(StandardCharsets.US_ASCII);
    private static final byte VERSION = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final int DATA_KEY = 32;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final byte[] WRAP_CONTEXT = "qualify-document-key".getBytes(StandardCharsets.US_ASCII);

    private final DocumentStore store;
    private final Map<String, SecretKey> keys;
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param store where the (encrypted) bytes go
     * @param keys master keys by id, each 32 bytes in Base64
     * @param activeKeyId the key that encrypts new documents; {@code null} to store new documents unencrypted
     */
    EncryptedDocumentStore(DocumentStore store, Map<String, String> keys, String activeKeyId) {
        this.store = store;
        this.keys = new LinkedHashMap<>();
        keys.forEach((id, base64) -> this.keys.put(id, masterKey(id, base64)));
        if (activeKeyId != null && !activeKeyId.isBlank()) {
            if (!this.keys.containsKey(activeKeyId)) {
                throw new IllegalArgumentException("The active document key '" + activeKeyId
                        + "' is not among qualify.documents.encryption.keys " + this.keys.keySet());
            }
            this.activeKeyId = activeKeyId;
        } else {
            this.activeKeyId = null;
        }
    }

    boolean encrypts() {
        return activeKeyId != null;
    }

    DocumentStore delegate() {
        return store;
    }

    @Override
    public StoredDocument put(StorageKey key, byte[] content) {
        return write(key, content, store::put);
    }

    /** Encrypted as {@link #put} does: a thumbnail shows the document it was made from. */
    @Override
    public StoredDocument putDerived(StorageKey key, byte[] content) {
        return write(key, content, store::putDerived);
    }

    /** Encrypts (unless no key is active) and writes; the answer describes the plaintext, as the caller stored it. */
    private StoredDocument write(
            StorageKey key, byte[] content, BiFunction<StorageKey, byte[], StoredDocument> writer) {
        if (activeKeyId == null) {
            return writer.apply(key, content);
        }
        var written = writer.apply(key, encrypt(key, content));
        return new StoredDocument(written.key(), content);
    }

    @Override
    public byte[] get(StorageKey key) {
        return decrypt(key, store.get(key));
    }

    @Override
    public InputStream open(StorageKey key) {
        return new ByteArrayInputStream(get(key));
    }

    @Override
    public void close() throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Override
    public boolean exists(StorageKey key) {
        return store.exists(key);
    }

    @Override
    public boolean delete(StorageKey key) {
        return store.delete(key);
    }

    @Override
    public boolean verify(StorageKey key, String sha256) {
        var stored = store.get(key);
        if (!isEncrypted(stored)) {
            return ImageIntake.sha256(stored).equalsIgnoreCase(sha256);
        }
        try {
            return ImageIntake.sha256(decrypt(key, stored)).equalsIgnoreCase(sha256);
        } catch (DocumentDecryptionException altered) {
            if (altered.getCause() instanceof AEADBadTagException) {
                return false;
            }
            throw altered;
        }
    }

    /** The id of the master key a stored document was encrypted with, or {@code null} if it is not encrypted. */
    static String keyIdOf(byte[] stored) {
        if (!isEncrypted(stored) || stored.length < MAGIC.length + 2) {
            return null;
        }
        int length = stored[MAGIC.length + 1] & 0xFF;
        return new String(
                stored,
                MAGIC.length + 2,
                Math.min(length, stored.length - MAGIC.length - 2),
                StandardCharsets.US_ASCII);
    }

    static boolean isEncrypted(byte[] stored) {
        return stored.length >= MAGIC.length && Arrays.equals(stored, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    byte[] encrypt(StorageKey key, byte[] plaintext) {
        try {
            var dataKey = new byte[DATA_KEY];
            random.nextBytes(dataKey);
            var wrapNonce = nonce();
            var wrap = Cipher.getInstance("AES/GCM/NoPadding");
            wrap.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, wrapNonce));
            wrap.updateAAD(WRAP_CONTEXT);
            var wrappedKey = wrap.doFinal(dataKey);

            var dataNonce = nonce();
            var data = Cipher.getInstance("AES/GCM/NoPadding");
            data.init(
                    Cipher.ENCRYPT_MODE, new SecretKeySpec(dataKey, "AES"), new GCMParameterSpec(TAG_BITS, dataNonce));
            data.updateAAD(key.value().getBytes(StandardCharsets.US_ASCII));
            var ciphertext = data.doFinal(plaintext);
            Arrays.fill(dataKey, (byte) 0);

            var id = activeKeyId.getBytes(StandardCharsets.US_ASCII);
            return ByteBuffer.allocate(
                            MAGIC.length + 2 + id.length + NONCE + wrappedKey.length + NONCE + ciphertext.length)
                    .put(MAGIC)
                    .put(VERSION)
                    .put((byte) id.length)
                    .put(id)
                    .put(wrapNonce)
                    .put(wrappedKey)
                    .put(dataNonce)
                    .put(ciphertext)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    byte[] decrypt(StorageKey key, byte[] stored) {
        if (!isEncrypted(stored)) {
            return stored;
        }
        var buffer = ByteBuffer.wrap(stored);
        buffer.position(MAGIC.length);
        try {
            byte version = buffer.get();
            if (version != VERSION) {
                throw new DocumentDecryptionException(
                        key, "Document " + key + " has an unknown encryption format version " + version, null);
            }
            var id = new byte[buffer.get() & 0xFF];
            buffer.get(id);
            var keyId = new String(id, StandardCharsets.US_ASCII);
            var masterKey = keys.get(keyId);
            if (masterKey == null) {
                throw new DocumentDecryptionException(
                        key,
                        "Document " + key + " is encrypted with master key '" + keyId
                                + "', which is not configured (qualify.documents.encryption.keys has "
                                + keys.keySet() + ")",
                        null);
            }
            var wrapNonce = new byte[NONCE];
            buffer.get(wrapNonce);
            var wrappedKey = new byte[DATA_KEY + TAG_BITS / 8];
            buffer.get(wrappedKey);
            var dataNonce = new byte[NONCE];
            buffer.get(dataNonce);
            var ciphertext = new byte[buffer.remaining()];
            buffer.get(ciphertext);

            byte[] dataKey;
            try {
                var unwrap = Cipher.getInstance("AES/GCM/NoPadding");
                unwrap.init(Cipher.DECRYPT_MODE, masterKey, new GCMParameterSpec(TAG_BITS, wrapNonce));
                unwrap.updateAAD(WRAP_CONTEXT);
                dataKey = unwrap.doFinal(wrappedKey);
            } catch (AEADBadTagException e) {
                throw new DocumentDecryptionException(
                        key,
                        "Document " + key + " cannot be decrypted with the configured master key '" + keyId
                                + "': a different key under the same id, or an altered document",
                        e);
            }
            var data = Cipher.getInstance("AES/GCM/NoPadding");
            data.init(
                    Cipher.DECRYPT_MODE, new SecretKeySpec(dataKey, "AES"), new GCMParameterSpec(TAG_BITS, dataNonce));
            data.updateAAD(key.value().getBytes(StandardCharsets.US_ASCII));
            try {
                return data.doFinal(ciphertext);
            } catch (AEADBadTagException e) {
                throw new DocumentDecryptionException(
                        key, "Document " + key + " was altered or stored under another key: its tag does not match", e);
            } finally {
                Arrays.fill(dataKey, (byte) 0);
            }
        } catch (java.nio.BufferUnderflowException e) {
            throw new DocumentDecryptionException(key, "Document " + key + " is cut short", e);
        } catch (GeneralSecurityException e) {
            throw new DocumentDecryptionException(key, "Document " + key + " cannot be decrypted", e);
        }
    }

    private byte[] nonce() {
        var nonce = new byte[NONCE];
        random.nextBytes(nonce);
        return nonce;
    }

    private static SecretKey masterKey(String id, String base64) {
        if (!KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("A document key id is 1 to 64 letters, digits, '.', '_' or '-': " + id);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Document key '" + id + "' is not Base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException(
                    "Document key '" + id + "' must be 32 random bytes (AES-256), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
