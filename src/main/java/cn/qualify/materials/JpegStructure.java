package cn.qualify.materials;

/**
 * Walks a JPEG's marker segments without decoding any pixels: finds the frame header (SOFn) for the dimensions,
 * the EXIF orientation, and checks that scan data (SOS) and the end marker (EOI) are there. Decides which
 * segments survive: only what a decoder needs to show the same picture in the same colours.
 */
final class JpegStructure {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int APP0 = 0xE0;
    private static final int APP1 = 0xE1;
    private static final int APP2 = 0xE2;
    private static final int APP14 = 0xEE;
    private static final int COM = 0xFE;

    private JpegStructure() {}

    static Inspection inspect(byte[] data, int length, ImageIntake.Limits limits) throws Refusal {
        var kept = new KeptRanges();
        kept.keep(0, 2);
        int position = 2;
        int width = 0;
        int height = 0;
        int orientation = ExifOrientation.UPRIGHT;
        boolean exifSeen = false;
        boolean scanSeen = false;
        while (true) {
            if (position >= length) {
                throw Refusal.of(RefusalReason.TRUNCATED);
            }
            if ((data[position] & 0xFF) != 0xFF) {
                throw Refusal.of(RefusalReason.CORRUPT);
            }
            while (position < length && (data[position] & 0xFF) == 0xFF) {
                position++; // fill bytes may precede a marker
            }
            if (position >= length) {
                throw Refusal.of(RefusalReason.TRUNCATED);
            }
            int marker = data[position++] & 0xFF;
            int markerStart = position - 2;
            if (marker == EOI) {
                if (!scanSeen) {
                    throw Refusal.of(RefusalReason.CORRUPT);
                }
                kept.keep(markerStart, position);
                // Whatever follows the end marker (camera trailers, extra pictures) is neither shown nor kept.
                return new Inspection(ImageFormat.JPEG, width, height, orientation, kept);
            }
            if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                kept.keep(markerStart, position); // standalone markers: no length
                continue;
            }
            if (marker == SOI || marker < 0xC0 || marker == 0xC8) {
                throw Refusal.of(RefusalReason.CORRUPT);
            }
            if (position + 2 > length) {
                throw Refusal.of(RefusalReason.TRUNCATED);
            }
            int segmentLength = u16(data, position);
            if (segmentLength < 2) {
                throw Refusal.of(RefusalReason.CORRUPT);
            }
            int payload = position + 2;
            int end = position + segmentLength;
            if (end > length) {
                throw Refusal.of(RefusalReason.TRUNCATED);
            }
            if (isFrameHeader(marker)) {
                if (width != 0) {
                    throw Refusal.of(RefusalReason.CORRUPT); // one frame only; hierarchical JPEG is not shown
                }
                // Arithmetic, lossless and hierarchical JPEGs are valid but browsers do not show them.
                if (marker > 0xC2) {
                    throw Refusal.of(RefusalReason.UNSUPPORTED_FORMAT);
                }
                if (segmentLength < 8) {
                    throw Refusal.of(RefusalReason.CORRUPT);
                }
                height = u16(data, payload + 1);
                width = u16(data, payload + 3);
                int components = data[payload + 5] & 0xFF;
                if (width == 0 || height == 0 || components == 0 || segmentLength < 8 + 3 * components) {
                    throw Refusal.of(RefusalReason.CORRUPT);
                }
                limits.check(width, height);
                kept.keep(markerStart, end);
            } else if (marker == SOS) {
                if (width == 0) {
                    throw Refusal.of(RefusalReason.CORRUPT);
                }
                int next = endOfEntropyCodedData(data, end, length);
                kept.keep(markerStart, next);
                scanSeen = true;
                position = next;
                continue;
            } else if (marker == APP0) {
                if (isPlainJfif(data, payload, end)) {
                    kept.keep(markerStart, end);
                }
            } else if (marker == APP1) {
                if (!exifSeen && startsWith(data, payload, end, EXIF)) {
                    exifSeen = true;
                    orientation = ExifOrientation.read(data, payload + EXIF.length, end);
                }
            } else if (marker == APP2) {
                if (startsWith(data, payload, end, ICC_PROFILE)) {
                    kept.keep(markerStart, end);
                }
            } else if (marker == APP14) {
                if (startsWith(data, payload, end, ADOBE)) {
                    kept.keep(markerStart, end); // tells the decoder how colours are transformed
                }
            } else if (marker > APP0 && marker <= COM) {
                // other APPn (XMP, IPTC, MPF, maker data), JPGn extensions and comments: dropped
            } else {
                kept.keep(markerStart, end); // tables: DQT, DHT, DRI, DAC, DNL
            }
            position = end;
        }
    }

    /** The offset of the marker that ends the scan data starting at {@code from}. */
    private static int endOfEntropyCodedData(byte[] data, int from, int length) throws Refusal {
        int position = from;
        while (true) {
            // Scan data is the bulk of the file: a tight search for the next 0xFF byte.
            while (position < length && data[position] != (byte) 0xFF) {
                position++;
            }
            if (position + 1 >= length) {
                throw Refusal.of(RefusalReason.TRUNCATED);
            }
            int next = data[position + 1] & 0xFF;
            if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                position += 2; // stuffed 0xFF or restart marker: still scan data
            } else if (next == 0xFF) {
                position++;
            } else {
                return position;
            }
        }
    }

    private static boolean isFrameHeader(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /**
     * A JFIF APP0 without an embedded thumbnail. A thumbnail could show a part of the photo that the candidate
     * cropped away, so an APP0 carrying one is dropped whole (decoders do not need it).
     */
    private static boolean isPlainJfif(byte[] data, int payload, int end) {
        return startsWith(data, payload, end, JFIF)
                && end - payload >= 14
                && data[payload + 12] == 0
                && data[payload + 13] == 0;
    }

    private static boolean startsWith(byte[] data, int from, int end, byte[] prefix) {
        if (end - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] data, int at) {
        return ((data[at] & 0xFF) << 8) | (data[at + 1] & 0xFF);
    }

    private static final byte[] EXIF = {'E', 'x', 'i', 'f', 0, 0};
    private static final byte[] JFIF = {'J', 'F', 'I', 'F', 0};
    private static final byte[] ICC_PROFILE = {'I', 'C', 'C', '_', 'P', 'R', 'O', 'F', 'I', 'L', 'E', 0};
    private static final byte[] ADOBE = {'A', 'd', 'o', 'b', 'e'};
}
