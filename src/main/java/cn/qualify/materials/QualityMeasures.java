package cn.qualify.materials;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Cheap, explainable measures on a greyscale copy of fixed size, so that the numbers do not depend on how many
 * pixels the camera had: the mean luminance, and sharpness as the variance of the Laplacian divided by the
 * variance of the picture itself. The plain variance of the Laplacian grows with the square of the contrast, so
 * it calls a sharp photo taken in poor light blurred; divided by the picture's own variance it measures how
 * abrupt the edges are, whatever their contrast.
 */
final class QualityMeasures {

    private QualityMeasures() {}

    record Measured(double sharpness, double meanLuminance) {}

    static Measured measure(BufferedImage image, int analysisSide) {
        int width = image.getWidth();
        int height = image.getHeight();
        double scale = Math.min(1.0, (double) analysisSide / Math.max(width, height));
        int gridWidth = Math.max(1, (int) Math.round(width * scale));
        int gridHeight = Math.max(1, (int) Math.round(height * scale));
        var sums = new double[gridWidth * gridHeight];
        var counts = new int[gridWidth * gridHeight];
        var row = new int[width];
        var columnOf = new int[width];
        for (int x = 0; x < width; x++) {
            columnOf[x] = Math.min(gridWidth - 1, (int) (x * scale));
        }
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            int gridRow = Math.min(gridHeight - 1, (int) (y * scale)) * gridWidth;
            for (int x = 0; x < width; x++) {
                int cell = gridRow + columnOf[x];
                sums[cell] += luminance(row[x]);
                counts[cell]++;
            }
        }
        var grey = new double[sums.length];
        double total = 0;
        for (int i = 0; i < grey.length; i++) {
            grey[i] = sums[i] / counts[i];
            total += grey[i];
        }
        double mean = total / grey.length;
        double variance = 0;
        for (double value : grey) {
            variance += (value - mean) * (value - mean);
        }
        variance /= grey.length;
        // A blank or nearly uniform picture has no edges to judge: it counts as unsharp.
        double sharpness = variance < 1 ? 0 : laplacianVariance(grey, gridWidth, gridHeight) / variance;
        return new Measured(sharpness, mean);
    }

    /** Luminance (Rec. 601) of a pixel as it looks on a white page: transparency shows white. */
    private static double luminance(int argb) {
        double alpha = ((argb >>> 24) & 0xFF) / 255.0;
        double luma = 0.299 * ((argb >> 16) & 0xFF) + 0.587 * ((argb >> 8) & 0xFF) + 0.114 * (argb & 0xFF);
        return alpha * luma + (1 - alpha) * 255;
    }

    private static double laplacianVariance(double[] grey, int width, int height) {
        if (width < 3 || height < 3) {
            return 0;
        }
        double sum = 0;
        double sumOfSquares = 0;
        int n = 0;
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                int i = y * width + x;
                double laplacian = grey[i - 1] + grey[i + 1] + grey[i - width] + grey[i + width] - 4 * grey[i];
                sum += laplacian;
                sumOfSquares += laplacian * laplacian;
                n++;
            }
        }
        double mean = sum / n;
        return sumOfSquares / n - mean * mean;
    }

    /** The image scaled to fit {@code longSide}, halving step by step so that bilinear scaling does not alias. */
    static BufferedImage fit(BufferedImage image, int longSide) {
        var current = ImageCodecs.withoutAlpha(image);
        if (current.getType() != BufferedImage.TYPE_INT_RGB) {
            current = scaled(current, current.getWidth(), current.getHeight());
        }
        double scale = (double) longSide / Math.max(current.getWidth(), current.getHeight());
        if (scale >= 1) {
            return current;
        }
        int targetWidth = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int targetHeight = Math.max(1, (int) Math.round(image.getHeight() * scale));
        while (current.getWidth() / 2 >= targetWidth && current.getHeight() / 2 >= targetHeight) {
            current = scaled(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return scaled(current, targetWidth, targetHeight);
    }

    private static BufferedImage scaled(BufferedImage image, int width, int height) {
        var result = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = result.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(image, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return result;
    }
}
