package cn.qualify.materials;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

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

    /** Eight bytes at a time, the first in the lowest bits, so that the lowest flagged byte comes first. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

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

    /** How a JPEG's samples are to be read, as far as verification needs to know. */
    enum StoredColours {
        /** One component: the samples are the luma. */
        GREY,
        /** Three components in JFIF's YCbCr, no colour profile: luma and colour differences as stored. */
        YCBCR,
        /** Anything else (RGB, CMYK, YCCK, an ICC profile, 12-bit samples…): leave the colours to the reader. */
        OTHER
    }

    /**
     * Judges from the headers before the first scan how the samples of {@code data} are encoded, by the rules
     * libjpeg and the TwelveMonkeys reader guess by: a JFIF marker or an Adobe marker with transform 1 means YCbCr,
     * as do component ids 1, 2, 3 without either marker. Reads no pixels; anything unexpected is {@link
     * StoredColours#OTHER}.
     */
    static StoredColours storedColours(byte[] data) {
        int position = 2;
        boolean jfif = false;
        int adobeTransform = -1;
        boolean profile = false;
        int components = 0;
        int precision = 0;
        int frame = 0;
        int[] ids = new int[3];
        while (position + 4 <= data.length) {
            if ((data[position] & 0xFF) != 0xFF) {
                return StoredColours.OTHER;
            }
            int marker = data[position + 1] & 0xFF;
            if (marker == 0xFF) {
                position++;
                continue;
            }
            if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                position += 2; // standalone markers: no length
                continue;
            }
            int payload = position + 4;
            int end = position + 2 + u16(data, position + 2);
            if (marker == SOI || marker == EOI || end > data.length || end < payload) {
                return StoredColours.OTHER;
            }
            if (marker == SOS) {
                break;
            }
            if (isFrameHeader(marker) && end - payload >= 6) {
                frame = marker;
                precision = data[payload] & 0xFF;
                components = data[payload + 5] & 0xFF;
                for (int i = 0; i < Math.min(components, 3) && payload + 6 + 3 * i < end; i++) {
                    ids[i] = data[payload + 6 + 3 * i] & 0xFF;
                }
            } else if (marker == APP0 && startsWith(data, payload, end, JFIF)) {
                jfif = true;
            } else if (marker == APP2 && startsWith(data, payload, end, ICC_PROFILE)) {
                profile = true;
            } else if (marker == APP14 && startsWith(data, payload, end, ADOBE) && end - payload >= 12) {
                adobeTransform = data[payload + 11] & 0xFF;
            }
            position = end;
        }
        // baseline, extended or progressive Huffman: what the intake lets through and the JDK's decoder reads
        if (frame > 0xC2 || precision != 8 || profile) {
            return StoredColours.OTHER;
        }
        if (components == 1) {
            return StoredColours.GREY;
        }
        boolean ycbcr = jfif
                ? adobeTransform == -1 || adobeTransform == 1
                : adobeTransform == 1 || (adobeTransform == -1 && ids[0] == 1 && ids[1] == 2 && ids[2] == 3);
        return components == 3 && ycbcr ? StoredColours.YCBCR : StoredColours.OTHER;
    }

    /** The offset of the marker that ends the scan data starting at {@code from}. */
    private static int endOfEntropyCodedData(byte[] data, int from, int length) throws Refusal {
        int position = from;
        while (true) {
            position = indexOfFF(data, position, length);
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

    /**
     * The index of the first 0xFF byte from {@code from} on, or {@code length} if there is none. Scan data is the bulk
     * of an upload and holds an 0xFF about once in 256 bytes, so it is searched eight bytes at a time: inverted, an
     * 0xFF byte is a zero byte, and {@code (x - 0x01…01) & ~x & 0x80…80} flags the first zero byte of {@code x}
     * exactly (a borrow can flag bytes only above it).
     */
    static int indexOfFF(byte[] data, int from, int length) {
        int position = from;
        for (; position <= length - Long.BYTES; position += Long.BYTES) {
            long inverted = ~(long) LONGS.get(data, position);
            long zeroBytes = (inverted - LOW_BITS) & ~inverted & HIGH_BITS;
            if (zeroBytes != 0) {
                return position + (Long.numberOfTrailingZeros(zeroBytes) >>> 3);
            }
        }
        while (position < length && data[position] != (byte) 0xFF) {
            position++;
        }
        return position;
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
