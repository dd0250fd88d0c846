package cn.qualify.materials;

/**
 * What the header walk of an image found: its dimensions as stored, the EXIF orientation and the ranges to keep
 * once metadata is stripped.
 */
record Inspection(ImageFormat format, int width, int height, int orientation, KeptRanges kept) {

    boolean upright() {
        return orientation == ExifOrientation.UPRIGHT;
    }
}
