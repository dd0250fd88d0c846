package cn.qualify.materials;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Real image files for tests, built in code and named by the situation they stand for. Each is the kind of file a
 * candidate's phone or an attacker would actually send, not a mock.
 */
public final class TestImages {

    /** The 2025 exam year's limit, {@code ExamYear.maxImageBytes()}. */
    public static final long LIMIT = 204_800;

    private TestImages() {}

    // ---- pictures ----

    /** A photographed form: white paper, lines of "text" as black bars, a frame, a stamp. Sharp edges throughout. */
    public static BufferedImage aDocument(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        try {
            g.setColor(new Color(0xF4F1EA));
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            int margin = width / 12;
            g.drawRect(margin / 2, margin / 2, width - margin, height - margin);
            int lineHeight = Math.max(4, height / 40);
            var random = new Random(42);
            for (int y = margin; y < height - margin; y += lineHeight * 2) {
                int x = margin;
                while (x < width - margin) {
                    int word = lineHeight + random.nextInt(lineHeight * 4);
                    g.fillRect(x, y, Math.min(word, width - margin - x), lineHeight);
                    x += word + lineHeight;
                }
            }
            g.setColor(new Color(0xC0392B));
            g.fillOval(width - 3 * margin, height - 3 * margin, 2 * margin, 2 * margin);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** An upright scene with a distinct colour in each corner, to tell where a rotation put them. */
    public static BufferedImage aSceneWithColouredCorners(int width, int height) {
        var image = aDocument(width, height);
        var g = image.createGraphics();
        try {
            int w = width / 4;
            int h = height / 4;
            fill(g, Color.RED, 0, 0, w, h);
            fill(g, Color.GREEN, width - w, 0, w, h);
            fill(g, Color.BLUE, 0, height - h, w, h);
            fill(g, Color.YELLOW, width - w, height - h, w, h);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void fill(Graphics2D g, Color colour, int x, int y, int w, int h) {
        g.setColor(colour);
        g.fillRect(x, y, w, h);
    }

    // ---- files a candidate sends ----

    /** A phone photo of a document, 1600×1200, well under 200 KB, no metadata beyond JFIF. */
    public static byte[] aPhoneJpeg() {
        return jpeg(aDocument(1600, 1200), 0.85f);
    }

    /** A screenshot-like PNG of a document. */
    public static byte[] aPng() {
        return png(aDocument(800, 600));
    }

    /** A phone photo with the camera's EXIF: make, model, time and where it was taken; plus XMP and a comment. */
    public static byte[] aPhoneJpegWithGps() {
        var exif = exifWithGps(1);
        var xmp = ("http://ns.adobe.com/xap/1.0/\0"
                        + "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
                        + "<rdf:Description xmlns:exif='http://ns.adobe.com/exif/1.0/' exif:GPSLatitude='41,48.0N'"
                        + " exif:GPSLongitude='123,25.8E'/></rdf:RDF></x:xmpmeta>")
                .getBytes(StandardCharsets.UTF_8);
        var comment = "Taken at home, 沈阳".getBytes(StandardCharsets.UTF_8);
        return insertAfterSoi(aPhoneJpeg(), segment(0xE1, app1Exif(exif)), segment(0xE1, xmp), segment(0xFE, comment));
    }

    /** A PNG exported with text chunks, a modification time and EXIF with GPS. */
    public static byte[] aPngWithTextAndGps() {
        var png = aPng();
        int afterHeader = 8 + 25; // signature + IHDR
        var extra = new ByteArrayOutputStream();
        extra.writeBytes(chunk("tEXt", "Author\0Zhang San".getBytes(StandardCharsets.ISO_8859_1)));
        extra.writeBytes(chunk("tIME", new byte[] {0x07, (byte) 0xE9, 3, 14, 9, 30, 0}));
        extra.writeBytes(chunk("eXIf", exifWithGps(1)));
        extra.writeBytes(chunk("iTXt", "Comment\0\0\0\0\0家庭住址".getBytes(StandardCharsets.UTF_8)));
        return concat(
                Arrays.copyOf(png, afterHeader), extra.toByteArray(), Arrays.copyOfRange(png, afterHeader, png.length));
    }

    /**
     * A photo taken with the phone turned: the pixels are stored as the sensor saw them and EXIF says how to turn
     * them. Upright, the picture is {@code uprightWidth}×{@code uprightHeight} with red top left, green top right,
     * blue bottom left, yellow bottom right.
     */
    public static byte[] anExifRotatedJpeg(int orientation, int uprightWidth, int uprightHeight) {
        var upright = aSceneWithColouredCorners(uprightWidth, uprightHeight);
        var stored = storedAsCameraWould(upright, orientation);
        return insertAfterSoi(jpeg(stored, 0.9f), segment(0xE1, app1Exif(exifWithGps(orientation))));
    }

    /** A PNG whose eXIf chunk says how to turn it, as some phone editors export. */
    public static byte[] anExifRotatedPng(int orientation, int uprightWidth, int uprightHeight) {
        var stored = png(storedAsCameraWould(aSceneWithColouredCorners(uprightWidth, uprightHeight), orientation));
        int afterHeader = 8 + 25;
        return concat(
                Arrays.copyOf(stored, afterHeader),
                chunk("eXIf", exifWithGps(orientation)),
                Arrays.copyOfRange(stored, afterHeader, stored.length));
    }

    /** The usual case: a portrait photo taken with the phone upright, stored landscape with orientation 6. */
    public static byte[] anExifRotatedJpeg() {
        return anExifRotatedJpeg(6, 600, 800);
    }

    /** Stored pixel (c, r) is the upright pixel that EXIF orientation {@code o} says it is (EXIF 2.3, tag 0x0112). */
    static BufferedImage storedAsCameraWould(BufferedImage upright, int orientation) {
        int uw = upright.getWidth();
        int uh = upright.getHeight();
        boolean swapped = orientation >= 5;
        int sw = swapped ? uh : uw;
        int sh = swapped ? uw : uh;
        var stored = new BufferedImage(sw, sh, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < sh; r++) {
            for (int c = 0; c < sw; c++) {
                int x;
                int y;
                switch (orientation) {
                    case 2 -> {
                        x = uw - 1 - c;
                        y = r;
                    }
                    case 3 -> {
                        x = uw - 1 - c;
                        y = uh - 1 - r;
                    }
                    case 4 -> {
                        x = c;
                        y = uh - 1 - r;
                    }
                    case 5 -> {
                        x = r;
                        y = c;
                    }
                    case 6 -> {
                        x = uw - 1 - r;
                        y = c;
                    }
                    case 7 -> {
                        x = uw - 1 - r;
                        y = uh - 1 - c;
                    }
                    case 8 -> {
                        x = r;
                        y = uh - 1 - c;
                    }
                    default -> {
                        x = c;
                        y = r;
                    }
                }
                stored.setRGB(c, r, upright.getRGB(x, y));
            }
        }
        return stored;
    }

    /**
     * A rotated photo whose upright copy cannot fit the limit: pure noise, sent at a low quality that just fits,
     * grows by about half when re-encoded at any quality that keeps text legible.
     */
    public static byte[] aRotatedNoisyJpegThatOnlyFitsAsSent() {
        var noise = new BufferedImage(940, 700, BufferedImage.TYPE_INT_RGB);
        var random = new Random(7);
        for (int y = 0; y < noise.getHeight(); y++) {
            for (int x = 0; x < noise.getWidth(); x++) {
                noise.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return insertAfterSoi(jpeg(noise, 0.3f), segment(0xE1, app1Exif(exifWithGps(6))));
    }

    /** An upload cut off after two thirds: no end marker. */
    public static byte[] aTruncatedJpeg() {
        var whole = aPhoneJpeg();
        return Arrays.copyOf(whole, whole.length * 2 / 3);
    }

    /** A JPEG cut off mid-scan and then closed with an end marker, as some broken uploaders do: looks complete. */
    public static byte[] aJpegCutShortButClosed() {
        var whole = aPhoneJpeg();
        var cut = Arrays.copyOf(whole, whole.length / 2 + 2);
        cut[cut.length - 2] = (byte) 0xFF;
        cut[cut.length - 1] = (byte) 0xD9;
        if ((cut[cut.length - 3] & 0xFF) == 0xFF) {
            cut[cut.length - 3] = 0x00; // never leave half a marker before the end marker
        }
        return cut;
    }

    /** A real GIF that someone renamed to photo.jpg. */
    public static byte[] aGifRenamedJpg() {
        var bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(aDocument(400, 300), "gif", bytes)) {
                throw new IllegalStateException("No GIF writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** An SVG (text, possibly with script) renamed to scan.png. */
    public static byte[] anSvgRenamedPng() {
        return ("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"300\">"
                        + "<script>alert(document.cookie)</script><rect width=\"400\" height=\"300\"/></svg>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The first bytes of a WebP file, as a phone browser may produce. */
    public static byte[] aWebp() {
        return concat(
                "RIFF".getBytes(StandardCharsets.US_ASCII),
                new byte[] {0x24, 0, 0, 0},
                "WEBPVP8 ".getBytes(StandardCharsets.US_ASCII),
                new byte[64]);
    }

    /** The first bytes of an iPhone HEIC photo. */
    public static byte[] aHeic() {
        return concat(new byte[] {0, 0, 0, 0x18}, "ftypheic".getBytes(StandardCharsets.US_ASCII), new byte[64]);
    }

    /** A scanned document saved as PDF. */
    public static byte[] aPdf() {
        return "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A pixel flood: a small, otherwise valid JPEG whose frame header claims 60000×60000 pixels, which a naive
     * decoder would try to allocate (3.6 GP, over 10 GB).
     */
    public static byte[] aPixelFloodJpeg() {
        var bytes = aPhoneJpeg();
        int sof = findSegment(bytes, 0xC0);
        putU16(bytes, sof + 5, 60000); // height
        putU16(bytes, sof + 7, 60000); // width
        return bytes;
    }

    /** A JPEG whose frame header claims the given size, otherwise the phone photo. */
    public static byte[] aJpegClaiming(int width, int height) {
        var bytes = aPhoneJpeg();
        int sof = findSegment(bytes, 0xC0);
        putU16(bytes, sof + 5, height);
        putU16(bytes, sof + 7, width);
        return bytes;
    }

    /**
     * A PNG bomb: IHDR says 50000×50000 RGB (7.5 GB decoded) with a correct CRC; the IDAT is a small zlib stream of
     * zeros that would inflate without end.
     */
    public static byte[] aPngBomb() {
        var ihdr = ByteBuffer.allocate(13)
                .putInt(50000)
                .putInt(50000)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0)
                .array();
        var deflater = new Deflater(9);
        deflater.setInput(new byte[4 * 1024 * 1024]);
        deflater.finish();
        var compressed = new byte[64 * 1024];
        int length = deflater.deflate(compressed);
        deflater.end();
        return concat(
                pngSignature(),
                chunk("IHDR", ihdr),
                chunk("IDAT", Arrays.copyOf(compressed, length)),
                chunk("IEND", new byte[0]));
    }

    /** A real JPEG of exactly 205 KB (209,920 bytes): the phone photo plus a large comment, as some cameras write. */
    public static byte[] aJpegOf205Kilobytes() {
        return padToSize(aPhoneJpeg(), 205 * 1024);
    }

    /** A real JPEG of exactly {@code size} bytes, padded with comment segments after the start marker. */
    public static byte[] padToSize(byte[] jpeg, int size) {
        var padding = new ArrayList<byte[]>();
        int missing = size - jpeg.length;
        if (missing < 4) {
            throw new IllegalArgumentException("Cannot pad " + jpeg.length + " bytes to " + size);
        }
        while (missing > 0) {
            int total = Math.min(missing, 65535 + 2);
            if (missing - total > 0 && missing - total < 4) {
                total -= 4; // leave room for one more whole segment
            }
            padding.add(segment(0xFE, new byte[total - 4]));
            missing -= total;
        }
        return insertAfterSoi(jpeg, padding.toArray(byte[][]::new));
    }

    /** A good document photo, sharp and bright, large enough to read. */
    public static byte[] aSharpDocumentJpeg() {
        return aPhoneJpeg();
    }

    /** The same document shot out of focus: drawn small and blown up, so every edge is a soft ramp. */
    public static byte[] aBlurredDocumentJpeg() {
        var small = aDocument(200, 150);
        var large = new BufferedImage(1600, 1200, BufferedImage.TYPE_INT_RGB);
        var g = large.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(small, 0, 0, 1600, 1200, null);
        } finally {
            g.dispose();
        }
        return jpeg(large, 0.85f);
    }

    /** The document photographed in a dark room: everything at a tenth of its brightness. */
    public static byte[] aDarkDocumentJpeg() {
        var image = aDocument(1600, 1200);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = ((rgb >> 16) & 0xFF) / 10;
                int gr = ((rgb >> 8) & 0xFF) / 10;
                int b = (rgb & 0xFF) / 10;
                image.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        return jpeg(image, 0.85f);
    }

    /** A sharp but small photo, 600×450: accepted, yet too coarse for small print. */
    public static byte[] aLowResolutionJpeg() {
        return jpeg(aDocument(600, 450), 0.9f);
    }

    // ---- building blocks ----

    public static byte[] jpeg(BufferedImage image, float quality) {
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var bytes = new ByteArrayOutputStream();
        try (var output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            var param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    public static byte[] png(BufferedImage image) {
        var bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static BufferedImage decode(byte[] bytes) {
        try {
            var image = ImageIO.read(new java.io.ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IllegalStateException("Not an image");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An EXIF TIFF structure (big-endian) with camera fields, the orientation and a GPS IFD at 41.8°N 123.43°E. */
    static byte[] exifWithGps(int orientation) {
        var ifd0 = List.of(
                Entry.ascii(0x010F, "Xiaomi"),
                Entry.ascii(0x0110, "Redmi Note 12"),
                Entry.shorts(0x0112, orientation),
                Entry.ascii(0x0132, "2025:03:14 09:30:00"),
                Entry.longValue(0x8825, 0)); // GPS IFD offset, patched below
        var gps = List.of(
                new Entry(0x0000, 1, 4, new byte[] {2, 3, 0, 0}),
                Entry.ascii(0x0001, "N"),
                Entry.rationals(0x0002, 41, 1, 48, 1, 0, 1),
                Entry.ascii(0x0003, "E"),
                Entry.rationals(0x0004, 123, 1, 25, 1, 48, 1));
        int gpsOffset = 8 + ifdSize(ifd0);
        var patchedIfd0 = new ArrayList<>(ifd0);
        patchedIfd0.set(4, Entry.longValue(0x8825, gpsOffset));
        var tiff = new ByteArrayOutputStream();
        tiff.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
        tiff.writeBytes(ifd(patchedIfd0, 8));
        tiff.writeBytes(ifd(gps, gpsOffset));
        return tiff.toByteArray();
    }

    record Entry(int tag, int type, int count, byte[] value) {
        static Entry ascii(int tag, String text) {
            var bytes = (text + "\0").getBytes(StandardCharsets.US_ASCII);
            return new Entry(tag, 2, bytes.length, bytes);
        }

        static Entry shorts(int tag, int value) {
            return new Entry(tag, 3, 1, new byte[] {(byte) (value >> 8), (byte) value});
        }

        static Entry longValue(int tag, int value) {
            return new Entry(tag, 4, 1, ByteBuffer.allocate(4).putInt(value).array());
        }

        static Entry rationals(int tag, int... numeratorsAndDenominators) {
            var buffer = ByteBuffer.allocate(4 * numeratorsAndDenominators.length);
            for (int n : numeratorsAndDenominators) {
                buffer.putInt(n);
            }
            return new Entry(tag, 5, numeratorsAndDenominators.length / 2, buffer.array());
        }
    }

    private static int ifdSize(List<Entry> entries) {
        int size = 2 + 12 * entries.size() + 4;
        for (var entry : entries) {
            if (entry.value().length > 4) {
                size += entry.value().length + (entry.value().length % 2);
            }
        }
        return size;
    }

    /** One IFD at {@code offset} from the TIFF header, with values over 4 bytes stored right after it. */
    private static byte[] ifd(List<Entry> entries, int offset) {
        var buffer = ByteBuffer.allocate(ifdSize(entries));
        int dataOffset = offset + 2 + 12 * entries.size() + 4;
        var data = new ByteArrayOutputStream();
        buffer.putShort((short) entries.size());
        for (var entry : entries) {
            buffer.putShort((short) entry.tag()).putShort((short) entry.type()).putInt(entry.count());
            if (entry.value().length <= 4) {
                buffer.put(Arrays.copyOf(entry.value(), 4));
            } else {
                buffer.putInt(dataOffset + data.size());
                data.writeBytes(entry.value());
                if (entry.value().length % 2 == 1) {
                    data.write(0);
                }
            }
        }
        buffer.putInt(0);
        buffer.put(data.toByteArray());
        return buffer.array();
    }

    static byte[] app1Exif(byte[] tiff) {
        return concat(new byte[] {'E', 'x', 'i', 'f', 0, 0}, tiff);
    }

    static byte[] segment(int marker, byte[] payload) {
        int length = payload.length + 2;
        if (length > 65535) {
            throw new IllegalArgumentException("Segment too long: " + length);
        }
        return concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length}, payload);
    }

    static byte[] insertAfterSoi(byte[] jpeg, byte[]... segments) {
        var out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        for (var segment : segments) {
            out.writeBytes(segment);
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** The offset of the first segment with the given marker, walking the segments before the scan. */
    static int findSegment(byte[] jpeg, int marker) {
        int position = 2;
        while (position + 4 <= jpeg.length) {
            int found = jpeg[position + 1] & 0xFF;
            if (found == marker) {
                return position;
            }
            if (found == 0xDA) {
                break;
            }
            position += 2 + (((jpeg[position + 2] & 0xFF) << 8) | (jpeg[position + 3] & 0xFF));
        }
        throw new IllegalArgumentException("No segment " + Integer.toHexString(marker));
    }

    static byte[] pngSignature() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    }

    static byte[] chunk(String type, byte[] data) {
        var typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        var crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length)
                .putInt(data.length)
                .put(typeBytes)
                .put(data)
                .putInt((int) crc.getValue())
                .array();
    }

    private static void putU16(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >> 8);
        bytes[at + 1] = (byte) value;
    }

    static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (var part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
