package cn.qualify.candidate;

import cn.qualify.application.StoredImages;
import cn.qualify.materials.DocumentReferences;
import cn.qualify.materials.StorageKey;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** An upload's pending key is confirmed by its image row: the orphan sweep keeps what an image row names. */
@Component
class UploadedImageReferences implements DocumentReferences {

    private final StoredImages images;

    UploadedImageReferences(StoredImages images) {
        this.images = images;
    }

    @Override
    public Set<StorageKey> referencedAmong(Collection<StorageKey> keys) {
        return images.withStorageKeys(keys.stream().map(StorageKey::value).toList()).stream()
                .map(StorageKey::of)
                .collect(Collectors.toUnmodifiableSet());
    }
}
