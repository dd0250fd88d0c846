package cn.qualify.materials;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Decoding and encoding through ImageIO, always in memory (never ImageIO's temp-file cache) and with the
 * TwelveMonkeys JPEG reader preferred: it reads CMYK and Adobe JPEGs in the right colours where the JDK's
 * reader fails or shows wrong ones.
 */
final class ImageCodecs {

    static {
        // In a packaged application the registry may be filled before the plugin jars are visible to it.
        ImageIO.scanForPlugins();
    }

    private ImageCodecs() {}

    /** A decoded picture and the warnings the reader gave while decoding it (a truncated scan, bad data…). */
    record Decoded(BufferedImage image, int width, int height, List<String> warnings) {}

    /** Chooses the subsampling once the header is read, or refuses to decode by throwing. */
    @FunctionalInterface
    interface Subsampling {
        int forSize(int width, int height) throws IOException;

        static Subsampling fixed(int factor) {
            return (width, height) -> factor;
        }
    }

    /**
     * Decodes {@code content}, keeping only every n-th pixel in both directions (n chosen by {@code subsampling}
     * from the header's dimensions) so that the decoded raster, not the file's claimed size, decides the memory
     * used.
     */
    static Decoded decode(byte[] content, ImageFormat format, Subsampling subsampling) throws IOException {
        var decoded = read(content, format, subsampling, false);
        return new Decoded(decoded.image, decoded.width, decoded.height, decoded.warnings);
    }

    /** A JPEG's samples as they are stored (no colour conversion), and the reader's warnings. */
    record Samples(Raster raster, int width, int height, List<String> warnings) {}

    /**
     * Decodes all of a JPEG's scan data as {@link #decode} does, subsampled the same way, but hands back the
     * samples as stored (luma and colour differences for a YCbCr JPEG) instead of converting every pixel to RGB:
     * a reader of the luma needs no conversion, and a thumbnail converts only its own few pixels.
     */
    static Samples decodeSamples(byte[] content, Subsampling subsampling) throws IOException {
        var decoded = read(content, ImageFormat.JPEG, subsampling, true);
        return new Samples(decoded.raster, decoded.width, decoded.height, decoded.warnings);
    }

    private record Read(BufferedImage image, Raster raster, int width, int height, List<String> warnings) {}

    private static Read read(byte[] content, ImageFormat format, Subsampling subsampling, boolean raster)
            throws IOException {
        var reader = reader(format);
        try (var input = new MemoryCacheImageInputStream(new ByteArrayInputStream(content))) {
            reader.setInput(input, true, true);
            var warnings = new ArrayList<String>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            int factor = subsampling.forSize(width, height);
            ImageReadParam param = reader.getDefaultReadParam();
            if (factor > 1) {
                param.setSourceSubsampling(factor, factor, 0, 0);
            }
            if (raster) {
                var samples = reader.readRaster(0, param);
                return new Read(null, samples, width, height, List.copyOf(warnings));
            }
            var image = reader.read(0, param);
            return new Read(image, null, width, height, List.copyOf(warnings));
        } catch (RuntimeException e) {
            // Malformed data surfaces from some readers as runtime exceptions; it is still just a bad file.
            throw new IIOException("Cannot decode " + format + ": " + e, e);
        } finally {
            reader.dispose();
        }
    }

    static byte[] encodeJpeg(BufferedImage image, float quality) {
        var writer = writer("jpeg");
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            if (param instanceof JPEGImageWriteParam jpegParam) {
                jpegParam.setOptimizeHuffmanTables(true); // a few per cent smaller for free
            }
            return write(writer, withoutAlpha(image), param);
        } finally {
            writer.dispose();
        }
    }

    static byte[] encodePng(BufferedImage image) {
        var writer = writer("png");
        try {
            return write(writer, image, writer.getDefaultWriteParam());
        } finally {
            writer.dispose();
        }
    }

    /** A JPEG cannot carry transparency: transparent areas become white, as on the review page. */
    static BufferedImage withoutAlpha(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return image;
        }
        var opaque = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        var graphics = opaque.createGraphics();
        try {
            graphics.drawImage(image, 0, 0, Color.WHITE, null);
        } finally {
            graphics.dispose();
        }
        return opaque;
    }

    private static byte[] write(ImageWriter writer, BufferedImage image, ImageWriteParam param) {
        var bytes = new ByteArrayOutputStream(64 * 1024);
        try (var output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    static ImageReader reader(ImageFormat format) {
        var readers = ImageIO.getImageReadersByFormatName(format == ImageFormat.JPEG ? "jpeg" : "png");
        ImageReader chosen = null;
        while (readers.hasNext()) {
            var candidate = readers.next();
            if (chosen == null || candidate.getClass().getName().startsWith("com.twelvemonkeys")) {
                chosen = candidate;
            }
        }
        if (chosen == null) {
            throw new IllegalStateException("No ImageIO reader for " + format);
        }
        return chosen;
    }

    private static ImageWriter writer(String formatName) {
        var writers = ImageIO.getImageWritersByFormatName(formatName);
        if (!writers.hasNext()) {
            throw new IllegalStateException("No ImageIO writer for " + formatName);
        }
        return writers.next();
    }

    /** The class of the reader chosen for {@code format}, for tests that pin the choice. */
    static String readerName(ImageFormat format) {
        var reader = reader(format);
        try {
            return reader.getClass().getName();
        } finally {
            reader.dispose();
        }
    }
}
