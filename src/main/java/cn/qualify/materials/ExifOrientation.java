package cn.qualify.materials;

/**
 * Reads the orientation tag (0x0112) from IFD0 of an EXIF TIFF structure. Only the one tag is needed, so a few
 * bounds-checked reads replace a general metadata parser on the request path. Anything malformed reads as 1
 * (upright): the EXIF block is stripped anyway, and browsers ignore an orientation they cannot read.
 */
final class ExifOrientation {

    static final int UPRIGHT = 1;
    private static final int ORIENTATION_TAG = 0x0112;
    private static final int TYPE_SHORT = 3;

    private ExifOrientation() {}

    /** The orientation 1–8 in the TIFF structure that starts at {@code start} and ends before {@code end}. */
    static int read(byte[] data, int start, int end) {
        if (end - start < 8) {
            return UPRIGHT;
        }
        boolean bigEndian;
        if (data[start] == 'M' && data[start + 1] == 'M') {
            bigEndian = true;
        } else if (data[start] == 'I' && data[start + 1] == 'I') {
            bigEndian = false;
        } else {
            return UPRIGHT;
        }
        if (u16(data, start + 2, bigEndian) != 42) {
            return UPRIGHT;
        }
        long ifd = u32(data, start + 4, bigEndian);
        if (ifd < 8 || start + ifd + 2 > end) {
            return UPRIGHT;
        }
        int entries = start + (int) ifd;
        int count = u16(data, entries, bigEndian);
        for (int i = 0; i < count; i++) {
            int entry = entries + 2 + 12 * i;
            if (entry + 12 > end) {
                return UPRIGHT;
            }
            if (u16(data, entry, bigEndian) == ORIENTATION_TAG) {
                if (u16(data, entry + 2, bigEndian) != TYPE_SHORT) {
                    return UPRIGHT;
                }
                int value = u16(data, entry + 8, bigEndian);
                return value >= 1 && value <= 8 ? value : UPRIGHT;
            }
        }
        return UPRIGHT;
    }

    private static int u16(byte[] data, int at, boolean bigEndian) {
        int a = data[at] & 0xFF;
        int b = data[at + 1] & 0xFF;
        return bigEndian ? (a << 8) | b : (b << 8) | a;
    }

    private static long u32(byte[] data, int at, boolean bigEndian) {
        long high = u16(data, bigEndian ? at : at + 2, bigEndian);
        long low = u16(data, bigEndian ? at + 2 : at, bigEndian);
        return (high << 16) | low;
    }
}
