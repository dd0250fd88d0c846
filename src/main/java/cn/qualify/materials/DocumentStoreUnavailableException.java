package cn.qualify.materials;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The document store cannot be reached or refused to work (an S3 endpoint down, a full or read-only disk). Nothing
 * was stored by the call that failed; the caller answers 503 and the user can try again later.
 */
public class DocumentStoreUnavailableException extends UncheckedIOException {

    public DocumentStoreUnavailableException(String message, Throwable cause) {
        super(message, cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause));
    }
}
