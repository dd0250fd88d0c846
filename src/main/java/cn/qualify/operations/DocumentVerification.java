package cn.qualify.operations;

import cn.qualify.application.StoredImages;
import cn.qualify.materials.DocumentDecryptionException;
import cn.qualify.materials.DocumentNotFoundException;
import cn.qualify.materials.DocumentStore;
import cn.qualify.materials.DocumentStoreUnavailableException;
import cn.qualify.materials.StorageKey;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Re-reads every stored image that is not purged and compares it with the SHA-256 recorded when it was uploaded
 * (after decryption: the recorded hash is the plaintext's). Thumbnails have no recorded hash and are re-made by the
 * verification sweep, so they are not checked.
 */
@Component
class DocumentVerification {

    private static final int PAGE = 500;

    private final StoredImages images;
    private final DocumentStore store;

    DocumentVerification(StoredImages images, DocumentStore store) {
        this.images = images;
        this.store = store;
    }

    Report verifyAll() {
        var missing = new ArrayList<String>();
        var corrupt = new ArrayList<String>();
        long checked = 0;
        UUID after = null;
        while (true) {
            var page = images.notPurged(null, after, PAGE);
            for (var image : page) {
                var key = StorageKey.of(image.storageKey());
                try {
                    if (!store.verify(key, image.sha256())) {
                        corrupt.add(image.storageKey());
                    }
                } catch (DocumentNotFoundException gone) {
                    missing.add(image.storageKey());
                } catch (DocumentDecryptionException undecryptable) {
                    corrupt.add(image.storageKey() + " (" + undecryptable.getMessage() + ")");
                } catch (DocumentStoreUnavailableException unavailable) {
                    return new Report(checked, missing, corrupt, unavailable.getMessage());
                } catch (UncheckedIOException unreadable) {
                    corrupt.add(image.storageKey() + " (" + unreadable.getMessage() + ")");
                }
                checked++;
            }
            if (page.size() < PAGE) {
                return new Report(checked, missing, corrupt, null);
            }
            after = page.get(page.size() - 1).id();
        }
    }

    /**
     * What the verification found.
     *
     * @param checked how many images were read
     * @param missing keys recorded in the database with nothing in the store
     * @param corrupt keys whose bytes no longer have their SHA-256 (or cannot be decrypted), with the reason
     * @param abortedBecause why the run stopped early (the store could not be reached), or {@code null}
     */
    record Report(long checked, List<String> missing, List<String> corrupt, String abortedBecause) {

        boolean clean() {
            return missing.isEmpty() && corrupt.isEmpty() && abortedBecause == null;
        }
    }
}
