package cn.qualify.materials;

import java.util.Optional;

/**
 * Reading a thumbnail, which the verification stores with {@link DocumentStore#putDerived}: not forced to disk, so
 * after a crash of the machine it may be missing, empty or cut short, and encrypted it then no longer decrypts.
 * Such a thumbnail counts as absent, so that it is made again from its image instead of being served broken or
 * failing the page. Whole means: a JPEG from its start marker to its end marker, which every thumbnail the
 * verification encodes is; a store that cannot be reached is not absence and still fails.
 */
public final class Thumbnails {

    private Thumbnails() {}

    /** The thumbnail's bytes, or empty if it is missing, empty, cut short or cannot be decrypted. */
    public static Optional<byte[]> readWhole(DocumentStore store, StorageKey key) {
        byte[] bytes;
        try {
            bytes = store.get(key);
        } catch (DocumentNotFoundException | DocumentDecryptionException lost) {
            return Optional.empty();
        }
        return isWholeJpeg(bytes) ? Optional.of(bytes) : Optional.empty();
    }

    /** Whether a whole thumbnail is stored under the key; see {@link #readWhole}. */
    public static boolean isWhole(DocumentStore store, StorageKey key) {
        return store.exists(key) && readWhole(store, key).isPresent();
    }

    static boolean isWholeJpeg(byte[] bytes) {
        int n = bytes.length;
        return n >= 4
                && (bytes[0] & 0xFF) == 0xFF
                && (bytes[1] & 0xFF) == 0xD8
                && (bytes[n - 2] & 0xFF) == 0xFF
                && (bytes[n - 1] & 0xFF) == 0xD9;
    }
}
