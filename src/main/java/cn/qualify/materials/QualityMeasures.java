package cn.qualify.materials;

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

    /**
     * Measures the luma plane on a copy at most {@code analysisSide} long, each of its pixels the mean of the
     * pixels it covers.
     */
    static Measured measure(Picture.Plane luma, int analysisSide) {
        double scale = Math.min(1.0, (double) analysisSide / Math.max(luma.width(), luma.height()));
        int gridWidth = Math.max(1, (int) Math.round(luma.width() * scale));
        int gridHeight = Math.max(1, (int) Math.round(luma.height() * scale));
        var grey = luma.means(gridWidth, gridHeight);
        double sum = 0;
        double sumOfSquares = 0;
        for (double value : grey) {
            sum += value;
            sumOfSquares += value * value;
        }
        // one pass: values of 0–255 on at most a few million cells lose nothing worth a second one
        double mean = sum / grey.length;
        double variance = Math.max(0, sumOfSquares / grey.length - mean * mean);
        // A blank or nearly uniform picture has no edges to judge: it counts as unsharp.
        double sharpness = variance < 1 ? 0 : laplacianVariance(grey, gridWidth, gridHeight) / variance;
        return new Measured(sharpness, mean);
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
}
