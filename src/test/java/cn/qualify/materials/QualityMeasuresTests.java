package cn.qualify.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The averaging the measures and the thumbnail rest on, and what the measures make of simple pictures. */
class QualityMeasuresTests {

    @Test
    void eachCellIsTheMeanOfThePixelsItCovers() {
        var data = new byte[15];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i; // 5 × 3, the value of (x, y) is 5y + x
        }
        var plane = new Picture.Plane(data, 0, 1, 5, 5, 3);

        // columns 0–2 and 3–4 (x · 2 / 5), all three rows
        assertThat(grid(plane, 2, 1)).containsExactly(new double[] {6, 8.5}, within(1e-9));
        assertThat(grid(plane, 5, 3))
                .containsExactly(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}, within(1e-9));
        assertThat(grid(plane, 1, 1)).containsExactly(new double[] {7}, within(1e-9));
    }

    @Test
    void bandsOfOneRasterAreAveragedAsEachOnItsOwn() {
        int width = 37;
        int height = 23;
        var data = new byte[width * height * 3 + 5];
        new Random(7).nextBytes(data);
        var planes = new Picture.Plane[3];
        for (int band = 0; band < 3; band++) {
            planes[band] = new Picture.Plane(data, 5 + band, 3, width * 3, width, height);
        }

        var together = grid(planes, 11, 6);

        for (int band = 0; band < 3; band++) {
            assertThat(together[band]).containsExactly(naiveMeans(planes[band], 11, 6), within(1e-9));
            assertThat(grid(planes[band], 11, 6)).containsExactly(naiveMeans(planes[band], 11, 6), within(1e-9));
        }
    }

    @Test
    void aCellOfManyRowsOfWhiteIsWhite() {
        // 600 rows of 255 overflow the 16-bit lanes the rows are added in unless they are emptied in time
        var data = new byte[20 * 600];
        java.util.Arrays.fill(data, (byte) 255);
        var plane = new Picture.Plane(data, 0, 1, 20, 20, 600);

        assertThat(grid(plane, 1, 1)).containsExactly(new double[] {255}, within(1e-9));
        assertThat(grid(plane, 3, 2)).containsExactly(new double[] {255, 255, 255, 255, 255, 255}, within(1e-9));
    }

    @Test
    void everySizeIsMeasured() {
        // 1526 × 2035 decoded at half size: the analysis copy used to leave cells empty, and its measures came
        // out NaN, which no threshold flags
        var data = new byte[763 * 1018];
        new Random(3).nextBytes(data);

        var measured = QualityMeasures.measure(new Picture.Plane(data, 0, 1, 763, 763, 1018), 800);

        assertThat(measured.sharpness()).isFinite().isPositive();
        assertThat(measured.meanLuminance()).isCloseTo(127.5, within(1.0));
    }

    @Test
    void aBlankPictureIsUnsharpAndAsBrightAsItsGrey() {
        var data = new byte[400 * 300];
        java.util.Arrays.fill(data, (byte) 200);

        var measured = QualityMeasures.measure(new Picture.Plane(data, 0, 1, 400, 400, 300), 800);

        assertThat(measured.sharpness()).isZero();
        assertThat(measured.meanLuminance()).isCloseTo(200.0, within(1e-9));
    }

    @Test
    void aDecodedPictureHasRec601LumaAndShowsTransparencyAsWhite() {
        for (var colour : List.of(Color.RED, Color.GREEN, Color.BLUE, new Color(0x336699))) {
            var image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
            fill(image, colour);

            var luma = grid(Picture.ofRgb(image, 40, 30, List.of()).luma(), 1, 1)[0];

            assertThat(luma)
                    .isCloseTo(
                            0.299 * colour.getRed() + 0.587 * colour.getGreen() + 0.114 * colour.getBlue(),
                            within(0.5));
        }
        var transparent = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
        assertThat(grid(Picture.ofRgb(transparent, 40, 30, List.of()).luma(), 1, 1)[0])
                .isCloseTo(255.0, within(1e-9));
    }

    @Test
    void theThumbnailFitsTheLongSideAndIsNeverEnlarged() {
        var image = TestImages.aSceneWithColouredCorners(1000, 600);
        var picture = Picture.ofRgb(image, 1000, 600, List.of());

        var thumbnail = picture.thumbnail(320);
        var small = picture.thumbnail(2000);

        assertThat(thumbnail.getWidth()).isEqualTo(320);
        assertThat(thumbnail.getHeight()).isEqualTo(192);
        assertThat(new Color(thumbnail.getRGB(5, 5))).isEqualTo(Color.RED);
        assertThat(new Color(thumbnail.getRGB(314, 186))).isEqualTo(Color.YELLOW);
        assertThat(small.getWidth()).isEqualTo(1000);
        assertThat(small.getHeight()).isEqualTo(600);
        assertThat(small.getRGB(999, 0)).isEqualTo(image.getRGB(999, 0));
    }

    private static void fill(BufferedImage image, Color colour) {
        var graphics = image.createGraphics();
        graphics.setColor(colour);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        graphics.dispose();
    }

    /** The whole grid of means, as {@link Picture.Plane#average} hands it over row by row. */
    private static double[][] grid(Picture.Plane[] planes, int columns, int rows) {
        var grid = new double[planes.length][columns * rows];
        var next = new int[1];
        Picture.Plane.average(planes, columns, rows, (row, means) -> {
            assertThat(row).isEqualTo(next[0]++);
            for (int i = 0; i < planes.length; i++) {
                System.arraycopy(means[i], 0, grid[i], row * columns, columns);
            }
        });
        assertThat(next[0]).isEqualTo(rows);
        return grid;
    }

    private static double[] grid(Picture.Plane plane, int columns, int rows) {
        return grid(new Picture.Plane[] {plane}, columns, rows)[0];
    }

    private static double[] naiveMeans(Picture.Plane plane, int columns, int rows) {
        var sums = new double[columns * rows];
        var counts = new int[columns * rows];
        for (int y = 0; y < plane.height(); y++) {
            for (int x = 0; x < plane.width(); x++) {
                int cell = (y * rows / plane.height()) * columns + x * columns / plane.width();
                sums[cell] +=
                        plane.data()[plane.offset() + y * plane.scanlineStride() + x * plane.pixelStride()] & 0xFF;
                counts[cell]++;
            }
        }
        for (int i = 0; i < sums.length; i++) {
            sums[i] /= counts[i];
        }
        return sums;
    }
}
