package cn.qualify.materials;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.concurrent.Semaphore;

/**
 * Turns a photo that carries an EXIF orientation upright in its pixels, because the stored copy has no EXIF left
 * to tell a browser how to turn it. This is the one request-path step that decodes: it is rare (most phones and
 * browsers already send upright pixels), so it is bounded instead of avoided: the decoded raster never exceeds
 * {@link ImageIntake.Limits#maxDecodedPixels()} (larger images are subsampled) and at most one rotation per core
 * runs at a time, which caps its memory at a known number of rasters.
 */
final class Upright {

    /** Tried in order until the result fits the byte limit; below the last one text gets visibly smeared. */
    private static final float[] JPEG_QUALITIES = {0.92f, 0.85f, 0.78f, 0.70f, 0.60f};

    private final ImageIntake.Limits limits;
    private final Semaphore decodingSlots = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    Upright(ImageIntake.Limits limits) {
        this.limits = limits;
    }

    /** The upright picture encoded in the upload's format, within {@code maxBytes}. */
    Rotated apply(byte[] content, Inspection inspection, long maxBytes) throws Refusal {
        decodingSlots.acquireUninterruptibly();
        try {
            int subsampling = subsampling(inspection.width(), inspection.height());
            ImageCodecs.Decoded decoded;
            try {
                decoded = ImageCodecs.decode(content, inspection.format(), ImageCodecs.Subsampling.fixed(subsampling));
            } catch (IOException e) {
                throw Refusal.of(RefusalReason.CORRUPT);
            }
            var upright = transform(standardType(decoded.image()), inspection.orientation());
            var encoded = encode(upright, inspection.format(), maxBytes);
            return new Rotated(encoded, upright.getWidth(), upright.getHeight());
        } finally {
            decodingSlots.release();
        }
    }

    record Rotated(byte[] bytes, int width, int height) {}

    int subsampling(int width, int height) {
        double pixels = (double) width * height;
        if (pixels <= limits.maxDecodedPixels()) {
            return 1;
        }
        return (int) Math.ceil(Math.sqrt(pixels / limits.maxDecodedPixels()));
    }

    private static byte[] encode(BufferedImage image, ImageFormat format, long maxBytes) throws Refusal {
        if (format == ImageFormat.PNG) {
            var png = ImageCodecs.encodePng(image);
            if (png.length <= maxBytes) {
                return png;
            }
        } else {
            for (float quality : JPEG_QUALITIES) {
                var jpeg = ImageCodecs.encodeJpeg(image, quality);
                if (jpeg.length <= maxBytes) {
                    return jpeg;
                }
            }
        }
        throw Refusal.of(RefusalReason.ORIENTATION_NOT_NORMALISED, Kilobytes.limit(maxBytes));
    }

    /**
     * Applies EXIF orientation 1–8. The orientation says where the stored first row and first column belong
     * (6: the first row is the right edge, the first column the top), so the transform maps stored pixel
     * (column c, row r) of a W×H image to its upright place.
     */
    static BufferedImage transform(BufferedImage stored, int orientation) {
        int w = stored.getWidth();
        int h = stored.getHeight();
        AffineTransform placement = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0); // mirrored
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h); // upside down
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h); // mirrored upside down
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0); // transposed
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0); // turned a quarter clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w); // transverse
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w); // turned a quarter anticlockwise
            default -> null;
        };
        if (placement == null) {
            return stored;
        }
        boolean swapsSides = orientation >= 5;
        int uprightWidth = swapsSides ? h : w;
        int uprightHeight = swapsSides ? w : h;
        var upright = new BufferedImage(uprightWidth, uprightHeight, stored.getType());
        // Nearest neighbour with whole-pixel placements moves pixels exactly, without resampling.
        new AffineTransformOp(placement, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(stored, upright);
        return upright;
    }

    /** AffineTransformOp handles the standard raster types; anything exotic (16-bit, CMYK…) is converted first. */
    private static BufferedImage standardType(BufferedImage image) {
        switch (image.getType()) {
            case BufferedImage.TYPE_3BYTE_BGR,
                    BufferedImage.TYPE_BYTE_GRAY,
                    BufferedImage.TYPE_INT_RGB,
                    BufferedImage.TYPE_INT_ARGB,
                    BufferedImage.TYPE_4BYTE_ABGR -> {
                return image;
            }
            default -> {
                int type = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
                var converted = new BufferedImage(image.getWidth(), image.getHeight(), type);
                var graphics = converted.createGraphics();
                try {
                    graphics.drawImage(image, 0, 0, null);
                } finally {
                    graphics.dispose();
                }
                return converted;
            }
        }
    }
}
