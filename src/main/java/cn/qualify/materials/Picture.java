package cn.qualify.materials;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * A decoded picture as verification reads it: planes of 8-bit samples, luma and colour, taken straight from the
 * decoder's raster where possible. The whole-picture passes (the analysis copy, the thumbnail) then average runs
 * of bytes and never convert or copy a pixel on its own: converting every pixel to RGB and reading it back as ARGB
 * cost more than the decode itself.
 *
 * <p>A YCbCr JPEG (what the upload page sends) keeps its samples as stored: its Y samples are the Rec. 601 luma by
 * definition (JFIF), and only the thumbnail's pixels are converted to RGB. Any other picture (a PNG, a CMYK or
 * colour-managed JPEG) is decoded to RGB by ImageIO with its colours handled by the reader, composed onto white as
 * the review page shows it, and its luma computed once.
 */
final class Picture {

    /** What the three planes (one for grey) hold. */
    enum Colours {
        GREY,
        YCBCR,
        RGB
    }

    private final Colours colours;
    private final Plane luma;
    private final Plane[] planes;
    private final int width;
    private final int height;
    private final int headerWidth;
    private final int headerHeight;
    private final List<String> warnings;

    private Picture(
            Colours colours, Plane luma, Plane[] planes, int headerWidth, int headerHeight, List<String> warnings) {
        this.colours = colours;
        this.luma = luma;
        this.planes = planes;
        this.width = luma.width();
        this.height = luma.height();
        this.headerWidth = headerWidth;
        this.headerHeight = headerHeight;
        this.warnings = warnings;
    }

    /**
     * Decodes all of {@code content}, subsampled as {@code subsampling} decides from the header (which may refuse
     * by throwing before anything is allocated for the pixels).
     */
    static Picture decode(byte[] content, ImageFormat format, ImageCodecs.Subsampling subsampling) throws IOException {
        if (format == ImageFormat.JPEG) {
            var stored = JpegStructure.storedColours(content);
            if (stored != JpegStructure.StoredColours.OTHER) {
                var decoded = ImageCodecs.decodeSamples(content, subsampling);
                var colours = stored == JpegStructure.StoredColours.GREY ? Colours.GREY : Colours.YCBCR;
                var planes = planes(decoded.raster(), colours == Colours.GREY ? 1 : 3);
                if (planes != null) {
                    return new Picture(
                            colours, planes[0], planes, decoded.width(), decoded.height(), decoded.warnings());
                }
                // A layout the reader does not usually hand back: decode again the general way.
            }
        }
        var decoded = ImageCodecs.decode(content, format, subsampling);
        return ofRgb(decoded.image(), decoded.width(), decoded.height(), decoded.warnings());
    }

    /** A picture decoded to RGB by ImageIO, composed onto white. */
    static Picture ofRgb(BufferedImage image, int headerWidth, int headerHeight, List<String> warnings) {
        var bgr = image;
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            bgr = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            var graphics = bgr.createGraphics();
            try {
                graphics.drawImage(image, 0, 0, Color.WHITE, null);
            } finally {
                graphics.dispose();
            }
        }
        var planes = planes(bgr.getRaster(), 3);
        if (planes == null) {
            throw new IllegalStateException("A 3-byte BGR image has byte samples");
        }
        return new Picture(Colours.RGB, lumaOf(planes), planes, headerWidth, headerHeight, warnings);
    }

    /**
     * The planes of a raster of byte samples stored pixel by pixel in one array (as JPEG readers and the 3-byte BGR
     * type store them), or null for any other layout.
     */
    private static Plane[] planes(Raster raster, int bands) {
        if (raster.getNumBands() != bands
                || raster.getTransferType() != DataBuffer.TYPE_BYTE
                || !(raster.getSampleModel() instanceof ComponentSampleModel model)
                || !(raster.getDataBuffer() instanceof DataBufferByte buffer)
                || Arrays.stream(model.getBankIndices()).anyMatch(bank -> bank != model.getBankIndices()[0])
                || Arrays.stream(model.getBandOffsets()).anyMatch(offset -> offset >= model.getPixelStride())) {
            return null;
        }
        int x = -raster.getSampleModelTranslateX();
        int y = -raster.getSampleModelTranslateY();
        var planes = new Plane[bands];
        for (int band = 0; band < bands; band++) {
            int bank = model.getBankIndices()[band];
            planes[band] = new Plane(
                    buffer.getData(bank),
                    buffer.getOffsets()[bank] + model.getOffset(x, y, band),
                    model.getPixelStride(),
                    model.getScanlineStride(),
                    raster.getWidth(),
                    raster.getHeight());
        }
        return planes;
    }

    /** Rec. 601 luma of RGB planes, rounded, in fixed point: 0.299, 0.587 and 0.114 in 16 bits. */
    private static Plane lumaOf(Plane[] rgb) {
        int width = rgb[0].width();
        int height = rgb[0].height();
        var luma = new byte[width * height];
        var r = rgb[0];
        var g = rgb[1];
        var b = rgb[2];
        for (int y = 0; y < height; y++) {
            int pr = r.offset() + y * r.scanlineStride();
            int pg = g.offset() + y * g.scanlineStride();
            int pb = b.offset() + y * b.scanlineStride();
            int out = y * width;
            for (int x = 0; x < width; x++) {
                luma[out + x] = (byte) ((19595 * (r.data()[pr] & 0xFF)
                                + 38470 * (g.data()[pg] & 0xFF)
                                + 7471 * (b.data()[pb] & 0xFF)
                                + 32768)
                        >> 16);
                pr += r.pixelStride();
                pg += g.pixelStride();
                pb += b.pixelStride();
            }
        }
        return new Plane(luma, 0, 1, width, width, height);
    }

    /** The luma, 0–255, at the decoded size. */
    Plane luma() {
        return luma;
    }

    /** Width and height from the file's header: the real size, whatever the subsampling. */
    int headerWidth() {
        return headerWidth;
    }

    int headerHeight() {
        return headerHeight;
    }

    /** What the reader warned of while decoding (a truncated scan, bad data…). */
    List<String> warnings() {
        return warnings;
    }

    /**
     * The picture scaled to fit {@code longSide} (never enlarged), each thumbnail pixel the mean of the decoded
     * pixels it covers: a box filter, which does not alias however large the step. Colour differences are averaged
     * before conversion, which gives the same result as averaging RGB since the conversion is linear.
     */
    BufferedImage thumbnail(int longSide) {
        double scale = Math.min(1.0, (double) longSide / Math.max(width, height));
        int columns = Math.max(1, (int) Math.round(width * scale));
        int rows = Math.max(1, (int) Math.round(height * scale));
        // 3-byte BGR: the JPEG writer takes it without converting (a third faster than from int RGB)
        var thumbnail = new BufferedImage(columns, rows, BufferedImage.TYPE_3BYTE_BGR);
        var pixels = ((DataBufferByte) thumbnail.getRaster().getDataBuffer()).getData();
        Plane.average(planes, columns, rows, (row, means) -> {
            for (int column = 0; column < columns; column++) {
                double r;
                double g;
                double b;
                switch (colours) {
                    case GREY -> {
                        r = means[0][column];
                        g = r;
                        b = r;
                    }
                    case RGB -> {
                        r = means[0][column];
                        g = means[1][column];
                        b = means[2][column];
                    }
                    default -> { // YCBCR
                        double luma = means[0][column];
                        double cb = means[1][column] - 128;
                        double cr = means[2][column] - 128;
                        // JFIF's YCbCr to RGB, as a JPEG decoder converts it
                        r = luma + 1.402 * cr;
                        g = luma - 0.344136 * cb - 0.714136 * cr;
                        b = luma + 1.772 * cb;
                    }
                }
                int pixel = 3 * (row * columns + column);
                pixels[pixel] = channel(b);
                pixels[pixel + 1] = channel(g);
                pixels[pixel + 2] = channel(r);
            }
        });
        return thumbnail;
    }

    private static byte channel(double value) {
        return (byte) Math.max(0, Math.min(255, Math.round(value)));
    }

    /**
     * One channel's samples: sample (x, y) is {@code data[offset + y * scanlineStride + x * pixelStride] & 0xFF}.
     */
    record Plane(byte[] data, int offset, int pixelStride, int scanlineStride, int width, int height) {

        /** Receives one row of grid cells at a time: the means per plane and column, in arrays used again. */
        @FunctionalInterface
        interface GridRow {
            void accept(int row, double[][] means);
        }

        /**
         * Averages planes of the same picture over a grid of {@code columns} × {@code rows} cells and hands each
         * row of cells to {@code consumer} as soon as it is complete, top to bottom, so that no grid is held whole
         * (800 × 600 doubles are 3.8 MB, which G1 would allocate as a humongous object for every image). Pixel
         * (x, y) falls in column {@code x * columns / width} and row {@code y * rows / height}: every cell covers at
         * least one pixel, and cells differ in size by at most one pixel each way. The planes are bands of one
         * raster stored pixel by pixel (Y, Cb, Cr or B, G, R), or a single plane.
         */
        static void average(Plane[] planes, int columns, int rows, GridRow consumer) {
            var first = planes[0];
            int width = first.width;
            int height = first.height;
            if (columns < 1 || rows < 1 || columns > width || rows > height) {
                throw new IllegalArgumentException(
                        "A grid of " + columns + "x" + rows + " does not fit " + width + "x" + height);
            }
            int base = Integer.MAX_VALUE;
            int last = 0;
            for (var plane : planes) {
                if (plane.data != first.data
                        || plane.pixelStride != first.pixelStride
                        || plane.scanlineStride != first.scanlineStride
                        || plane.width != width
                        || plane.height != height) {
                    throw new IllegalArgumentException("Planes of different rasters or sizes");
                }
                base = Math.min(base, plane.offset);
                last = Math.max(last, plane.offset);
            }
            var columnStart = starts(width, columns);
            var rowStart = starts(height, rows);
            // Down, then across: the pixel rows of a grid row are added into one row of totals, consecutive bytes
            // of all bands at once (from the first band's first sample to the last band's last); a lone band of an
            // interleaved raster is read sample by sample instead.
            boolean consecutive = planes.length > 1 || first.pixelStride == 1;
            int span = consecutive ? (width - 1) * first.pixelStride + last - base + 1 : width;
            int pixel = consecutive ? first.pixelStride : 1;
            var totals = new int[span];
            var lanes = consecutive ? new long[span / 8 * 2] : null;
            var cumulative = new int[width + 1];
            // multiplying by reciprocals: a division per cell cost as much as summing the pixels
            var inverseWidth = new double[columns];
            for (int column = 0; column < columns; column++) {
                inverseWidth[column] = 1.0 / (columnStart[column + 1] - columnStart[column]);
            }
            var means = new double[planes.length][columns];
            for (int row = 0; row < rows; row++) {
                Arrays.fill(totals, 0);
                if (consecutive) {
                    addRows(first, base, rowStart[row], rowStart[row + 1], lanes, totals);
                } else {
                    for (int y = rowStart[row]; y < rowStart[row + 1]; y++) {
                        int position = base + y * first.scanlineStride;
                        for (int x = 0; x < width; x++) {
                            totals[x] += first.data[position + x * first.pixelStride] & 0xFF;
                        }
                    }
                }
                double inverseHeight = 1.0 / (rowStart[row + 1] - rowStart[row]);
                for (int i = 0; i < planes.length; i++) {
                    int band = planes[i].offset - base;
                    // Running totals across the row, then each cell as the difference of two: adding pixel by
                    // pixel into cells would wait on the previous store to the same cell, and walking runs of 1 to
                    // 5 pixels in no regular order would mispredict a branch per cell. A cell's total fits an int:
                    // 255 × 1600 × 1600 (the largest decoded raster) is less than 2^31.
                    int running = 0;
                    for (int x = 0; x < width; x++) {
                        running += totals[band + x * pixel];
                        cumulative[x + 1] = running;
                    }
                    var planeMeans = means[i];
                    int previous = 0;
                    for (int column = 0; column < columns; column++) {
                        int next = cumulative[columnStart[column + 1]];
                        planeMeans[column] = (next - previous) * inverseHeight * inverseWidth[column];
                        previous = next;
                    }
                }
                consumer.accept(row, means);
            }
        }

        private static final VarHandle LONGS =
                MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
        private static final long EVERY_OTHER_BYTE = 0x00FF00FF00FF00FFL;

        /**
         * Adds rows {@code from} to {@code to} of {@code span} consecutive bytes each into {@code totals}. Eight
         * bytes at a time: the even and the odd bytes of a long each spread into four 16-bit lanes, which hold the
         * sum of 257 rows of 255 before they must be emptied. The JIT does not vectorise a byte-to-int loop; it
         * does these long additions, some twenty times faster.
         */
        private static void addRows(Plane plane, int base, int from, int to, long[] lanes, int[] totals) {
            int words = lanes.length / 2;
            int span = totals.length;
            for (int start = from; start < to; start += 257) {
                Arrays.fill(lanes, 0);
                for (int y = start; y < Math.min(to, start + 257); y++) {
                    int position = base + y * plane.scanlineStride;
                    for (int word = 0; word < words; word++) {
                        long bytes = (long) LONGS.get(plane.data, position + 8 * word);
                        lanes[2 * word] += bytes & EVERY_OTHER_BYTE;
                        lanes[2 * word + 1] += (bytes >>> 8) & EVERY_OTHER_BYTE;
                    }
                    for (int i = 8 * words; i < span; i++) {
                        totals[i] += plane.data[position + i] & 0xFF;
                    }
                }
                for (int word = 0; word < words; word++) {
                    long even = lanes[2 * word];
                    long odd = lanes[2 * word + 1];
                    for (int lane = 0; lane < 4; lane++) {
                        totals[8 * word + 2 * lane] += (int) (even >>> (16 * lane)) & 0xFFFF;
                        totals[8 * word + 2 * lane + 1] += (int) (odd >>> (16 * lane)) & 0xFFFF;
                    }
                }
            }
        }

        /** The first pixel of each of {@code cells} cells over {@code size} pixels, and {@code size} last. */
        private static int[] starts(int size, int cells) {
            var starts = new int[cells + 1];
            for (int cell = 0; cell <= cells; cell++) {
                starts[cell] = (int) (((long) cell * size + cells - 1) / cells);
            }
            return starts;
        }
    }
}
