package cn.qualify.materials;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The images every benchmark uses, written once: photographed documents as the upload page sends them (JPEG,
 * long side 2000–2400 px, quality lowered until the file is about 150 KB), and the hostile files of the
 * materials tests ({@link TestImages#aPixelFloodJpeg()}, {@link TestImages#aPngBomb()}).
 *
 * <p>{@code BenchImages <directory> [count]} writes {@code upload-NN.jpg} and {@code bad/pixel-flood.jpg},
 * {@code bad/png-bomb.png}; every upload file is checked to pass the product's intake unchanged.
 */
public final class BenchImages {

    static final int TARGET_BYTES = 150 * 1024;

    private BenchImages() {}

    public static void main(String[] args) throws IOException {
        var directory = Path.of(args.length > 0 ? args[0] : "perf/target/images");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        Files.createDirectories(directory.resolve("bad"));
        var intake = new ImageIntake(new ImageIntake.Limits(8000, 24_000_000, 200, 8_000_000));
        for (int i = 1; i <= count; i++) {
            var random = new Random(i);
            boolean portrait = i % 3 != 0;
            int longSide = 2000 + random.nextInt(401);
            int shortSide = longSide * 3 / 4;
            var picture =
                    aPhotographedDocument(portrait ? shortSide : longSide, portrait ? longSide : shortSide, random);
            var jpeg = jpegOfAbout(picture, TARGET_BYTES);
            var result = intake.check(jpeg, TestImages.LIMIT);
            if (!(result instanceof AcceptedImage accepted) || accepted.bytes().length != jpeg.length) {
                throw new IllegalStateException("upload " + i + " does not pass the intake unchanged: " + result);
            }
            Files.write(directory.resolve("upload-%02d.jpg".formatted(i)), jpeg);
        }
        Files.write(directory.resolve("bad/pixel-flood.jpg"), TestImages.aPixelFloodJpeg());
        Files.write(directory.resolve("bad/png-bomb.png"), TestImages.aPngBomb());
        System.out.printf(
                "%d upload images (%s bytes) and 2 hostile files in %s%n", count, sizes(directory), directory);
    }

    /** The upload images of a directory written by {@link #main}, in name order. */
    static List<byte[]> uploads(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            var images = new ArrayList<byte[]>();
            for (var file : files.filter(f -> f.getFileName().toString().startsWith("upload-"))
                    .sorted(Comparator.naturalOrder())
                    .toList()) {
                images.add(Files.readAllBytes(file));
            }
            if (images.isEmpty()) {
                throw new IllegalStateException("no upload-*.jpg in " + directory + ": run BenchImages first");
            }
            return images;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sizes(Path directory) {
        var sizes = uploads(directory).stream().mapToInt(b -> b.length).summaryStatistics();
        return sizes.getMin() + "–" + sizes.getMax();
    }

    /**
     * A form on a desk, photographed by hand: uneven light, a slight tilt, printed text, a table, a stamp and the
     * sensor's noise, which is what makes real photos expensive to compress and to decode.
     */
    static BufferedImage aPhotographedDocument(int width, int height, Random random) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, new Color(0x6B5A48), width, height, new Color(0x3E3328)));
            g.fillRect(0, 0, width, height);
            var page = new AffineTransform();
            page.rotate(Math.toRadians(random.nextDouble() * 4 - 2), width / 2.0, height / 2.0);
            g.setTransform(page);
            int margin = width / 14;
            g.setPaint(new GradientPaint(
                    0, 0, new Color(0xF7F4EC), width, height, new Color(0xD9D4C6 + random.nextInt(0x10))));
            g.fillRect(margin, margin, width - 2 * margin, height - 2 * margin);
            g.setColor(new Color(0x202020));
            int fontSize = Math.max(12, height / 70);
            g.setFont(new Font(Font.SERIF, Font.BOLD, fontSize * 2));
            g.drawString("MEDICAL PRACTITIONER CERTIFICATE " + random.nextInt(100000), margin * 2, margin * 2);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, fontSize));
            int y = margin * 3;
            while (y < height - margin * 3) {
                var line = new StringBuilder();
                while (line.length() < 70) {
                    for (int letters = 2 + random.nextInt(7); letters > 0; letters--) {
                        line.append((char) ('a' + random.nextInt(26)));
                    }
                    line.append(' ');
                }
                g.drawString(line.toString(), margin * 2, y);
                y += fontSize * 2;
                if (random.nextInt(12) == 0) {
                    g.setStroke(new BasicStroke(2));
                    int rows = 3 + random.nextInt(3);
                    for (int r = 0; r <= rows; r++) {
                        g.drawLine(margin * 2, y + r * fontSize * 2, width - margin * 2, y + r * fontSize * 2);
                    }
                    y += rows * fontSize * 2 + fontSize;
                }
            }
            g.setColor(new Color(0xB03A2E));
            g.setStroke(new BasicStroke(fontSize / 3f));
            int stamp = width / 5;
            g.drawOval(width - margin * 2 - stamp, height - margin * 2 - stamp, stamp, stamp);
        } finally {
            g.dispose();
        }
        var pixels = image.getRGB(0, 0, width, height, null, 0, width);
        for (int i = 0; i < pixels.length; i++) {
            int noise = (int) (random.nextGaussian() * 6);
            int p = pixels[i];
            pixels[i] = clamp((p >> 16 & 0xFF) + noise) << 16
                    | clamp((p >> 8 & 0xFF) + noise) << 8
                    | clamp((p & 0xFF) + noise);
        }
        image.setRGB(0, 0, width, height, pixels, 0, width);
        return image;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    /** The highest JPEG quality whose file stays under {@code target} bytes, as the upload page chooses it. */
    static byte[] jpegOfAbout(BufferedImage image, int target) {
        float low = 0.05f;
        float high = 0.95f;
        byte[] best = jpeg(image, low);
        for (int step = 0; step < 8; step++) {
            float quality = (low + high) / 2;
            var candidate = jpeg(image, quality);
            if (candidate.length <= target) {
                best = candidate;
                low = quality;
            } else {
                high = quality;
            }
        }
        return best;
    }

    static byte[] jpeg(BufferedImage image, float quality) {
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (var bytes = new ByteArrayOutputStream();
                var out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            var param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }
}
