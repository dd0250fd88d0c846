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
     * pixels it covers. The copy is read row by row as it is made, three rows kept for the Laplacian.
     */
    static Measured measure(Picture.Plane luma, int analysisSide) {
        double scale = Math.min(1.0, (double) analysisSide / Math.max(luma.width(), luma.height()));
        int gridWidth = Math.max(1, (int) Math.round(luma.width() * scale));
        int gridHeight = Math.max(1, (int) Math.round(luma.height() * scale));
        var sums = new Sums(gridWidth);
        Picture.Plane.average(new Picture.Plane[] {luma}, gridWidth, gridHeight, sums);
        // one pass: values of 0–255 on at most a few million cells lose nothing worth a second one
        double mean = sums.sum / ((double) gridWidth * gridHeight);
        double variance = Math.max(0, sums.sumOfSquares / ((double) gridWidth * gridHeight) - mean * mean);
        // A blank or nearly uniform picture has no edges to judge: it counts as unsharp.
        double sharpness = variance < 1 || sums.laplacians == 0 ? 0 : sums.laplacianVariance() / variance;
        return new Measured(sharpness, mean);
    }

    /** Sums over the rows of the greyscale copy as they come, and of the Laplacian of each row with two neighbours. */
    private static final class Sums implements Picture.Plane.GridRow {
        private double[] above;
        private double[] middle;
        private double[] below;
        double sum;
        double sumOfSquares;
        double laplacianSum;
        double laplacianSumOfSquares;
        long laplacians;

        Sums(int width) {
            above = new double[width];
            middle = new double[width];
            below = new double[width];
        }

        @Override
        public void accept(int row, double[][] means) {
            var grey = means[0];
            for (double value : grey) {
                sum += value;
                sumOfSquares += value * value;
            }
            var oldest = above;
            above = middle;
            middle = below;
            below = oldest;
            System.arraycopy(grey, 0, below, 0, grey.length);
            if (row < 2) {
                return;
            }
            for (int x = 1; x < grey.length - 1; x++) {
                double laplacian = middle[x - 1] + middle[x + 1] + above[x] + below[x] - 4 * middle[x];
                laplacianSum += laplacian;
                laplacianSumOfSquares += laplacian * laplacian;
                laplacians++;
            }
        }

        double laplacianVariance() {
            double mean = laplacianSum / laplacians;
            return laplacianSumOfSquares / laplacians - mean * mean;
        }
    }
}
