package cn.qualify.browser;

import cn.qualify.materials.TestImages;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Photos as a candidate's phone takes them, written to files that the browser's file input can pick. */
final class PhonePhotos {

    private static final int NOISE = 8;
    private static final float QUALITY = 0.95f;

    private PhonePhotos() {}

    /**
     * A 12-megapixel phone photo of a printed page: 4000×3000 pixels as the sensor stored them, with EXIF orientation
     * 6 (the phone was held upright, so the picture is 3000×4000 upright), lines of small print, a stamp, paper grain
     * and sensor noise, at the high JPEG quality phones use: more than 4 MB.
     */
    static byte[] aTwelveMegapixelPhoto() {
        int width = 4000;
        int height = 3000;
        var page = anUprightPage(height, width);
        // the sensor's pixels: the upright page turned a quarter to the left, as orientation 6 says
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var turn = image.createGraphics();
        try {
            turn.translate(0, height);
            turn.rotate(-Math.PI / 2);
            turn.drawImage(page, 0, 0, null);
        } finally {
            turn.dispose();
        }
        var random = new Random(2025);
        // uneven lighting (brighter near the top left, where the lamp was), paper grain and the luminance noise
        // that a phone's denoising leaves: what makes a real photo of a page large
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int light = -(x + y) * 18 / (width + height);
                int grain = random.nextInt(NOISE * 2 + 1) - NOISE + light;
                int rgb = row[x];
                row[x] = (clamp(((rgb >> 16) & 0xFF) + grain) << 16)
                        | (clamp(((rgb >> 8) & 0xFF) + grain) << 8)
                        | clamp((rgb & 0xFF) + grain);
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return withOrientation(TestImages.jpeg(image, QUALITY), 6);
    }

    /** A certificate as it lies on the table: title, lines of print, a red stamp. */
    private static BufferedImage anUprightPage(int width, int height) {
        var page = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var random = new Random(12);
        var g = page.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(0xEDE8DC));
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(0x1A1A1A));
            g.drawRect(120, 150, width - 240, height - 300);
            g.setFont(new Font(Font.SERIF, Font.BOLD, 110));
            g.drawString("CERTIFICATE 2025", 560, 420);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 52));
            var letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
            for (int y = 620; y < height - 900; y += 130) {
                var line = new StringBuilder();
                while (line.length() < 60) {
                    int word = 2 + random.nextInt(9);
                    for (int i = 0; i < word; i++) {
                        line.append(letters.charAt(random.nextInt(letters.length())));
                    }
                    line.append(' ');
                }
                g.drawString(line.toString(), 240, y);
            }
            g.setColor(new Color(0xC0392B));
            g.fillOval(width - 900, height - 900, 520, 520);
        } finally {
            g.dispose();
        }
        return page;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    /** An ordinary, already small photo of a document, 1600×1200. */
    static byte[] aSmallPhoto() {
        return TestImages.aPhoneJpeg();
    }

    static Path write(Path directory, String name, byte[] bytes) {
        try {
            Files.createDirectories(directory);
            return Files.write(directory.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JPEG with an EXIF APP1 segment right after SOI holding only the orientation (tag 0x0112). */
    static byte[] withOrientation(byte[] jpeg, int orientation) {
        var tiff = ByteBuffer.allocate(8 + 2 + 12 + 4);
        tiff.put(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1);
        tiff.putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        byte[] payload = new byte[6 + tiff.capacity()];
        System.arraycopy(new byte[] {'E', 'x', 'i', 'f', 0, 0}, 0, payload, 0, 6);
        System.arraycopy(tiff.array(), 0, payload, 6, tiff.capacity());
        var out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int length = payload.length + 2;
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
