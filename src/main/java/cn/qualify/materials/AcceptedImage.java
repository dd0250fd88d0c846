package cn.qualify.materials;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/**
 * An upload that passed the request-path checks, in the form to store: metadata removed, upright.
 *
 * @param bytes the bytes to store; owned by this value, never to be modified (not copied, for speed)
 * @param format judged by the magic bytes
 * @param width upright width in pixels, as read from the header
 * @param height upright height in pixels, as read from the header
 * @param sha256 lower-case hex SHA-256 of {@code bytes}
 * @param originalSize the size of the upload as received
 * @param orientationNormalised whether a rotation flag was applied to the pixels (the image was re-encoded)
 */
public record AcceptedImage(
        byte[] bytes,
        ImageFormat format,
        int width,
        int height,
        String sha256,
        long originalSize,
        boolean orientationNormalised)
        implements IntakeResult {

    /** Size of the bytes to store. */
    public int size() {
        return bytes.length;
    }

    public InputStream openStream() {
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public String toString() {
        return "AcceptedImage[%s %dx%d, %d bytes (received %d), sha256=%s%s]"
                .formatted(
                        format,
                        width,
                        height,
                        bytes.length,
                        originalSize,
                        sha256,
                        orientationNormalised ? ", rotated upright" : "");
    }
}
