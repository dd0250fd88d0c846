package cn.qualify.materials;

import java.util.Set;
import java.util.zip.CRC32;

/**
 * Walks a PNG's chunks without inflating any image data: reads IHDR for the dimensions, checks every chunk's
 * CRC (cheap, and it catches damaged uploads), that IDAT and IEND are there, and decides which chunks survive:
 * the critical ones and those that affect colour or scale, nothing textual or dated.
 */
final class PngStructure {

    private static final int SIGNATURE_LENGTH = 8;

    /** Ancillary chunks that change how the picture looks; everything else ancillary is dropped. */
    private static final Set<String> KEPT_ANCILLARY =
            Set.of("tRNS", "cHRM", "gAMA", "iCCP", "sBIT", "sRGB", "cICP", "bKGD", "pHYs");

    private PngStructure() {}

    static Inspection inspect(byte[] data, int length, ImageIntake.Limits limits) throws Refusal {
        var kept = new KeptRanges();
        kept.keep(0, SIGNATURE_LENGTH);
        var crc = new CRC32();
        int position = SIGNATURE_LENGTH;
        int width = 0;
        int height = 0;
        int colourType = -1;
        int orientation = ExifOrientation.UPRIGHT;
        boolean palette = false;
        boolean imageDataSeen = false;
        boolean imageDataEnded = false;
        while (true) {
            if (position + 8 > length) {
                throw Refusal.of(RefusalReason.TRUNCATED);
            }
            long dataLength = u32(data, position);
            if (dataLength > Integer.MAX_VALUE) {
                throw Refusal.of(RefusalReason.CORRUPT);
            }
            int dataStart = position + 8;
            long end = dataStart + dataLength + 4;
            if (end > length) {
                throw Refusal.of(RefusalReason.TRUNCATED);
            }
            int dataEnd = dataStart + (int) dataLength;
            String type = chunkType(data, position + 4);
            crc.reset();
            crc.update(data, position + 4, 4 + (int) dataLength);
            if (crc.getValue() != u32(data, dataEnd)) {
                throw Refusal.of(RefusalReason.CORRUPT);
            }
            boolean first = position == SIGNATURE_LENGTH;
            if (first != type.equals("IHDR")) {
                throw Refusal.of(RefusalReason.CORRUPT);
            }
            if (imageDataSeen && !type.equals("IDAT")) {
                imageDataEnded = true;
            }
            switch (type) {
                case "IHDR" -> {
                    if (dataLength != 13) {
                        throw Refusal.of(RefusalReason.CORRUPT);
                    }
                    long w = u32(data, dataStart);
                    long h = u32(data, dataStart + 4);
                    colourType = data[dataStart + 9] & 0xFF;
                    if (w == 0 || h == 0 || w > Integer.MAX_VALUE || h > Integer.MAX_VALUE) {
                        throw Refusal.of(RefusalReason.CORRUPT);
                    }
                    if (!validHeader(data[dataStart + 8] & 0xFF, colourType, data, dataStart)) {
                        throw Refusal.of(RefusalReason.CORRUPT);
                    }
                    width = (int) Math.min(w, Integer.MAX_VALUE);
                    height = (int) Math.min(h, Integer.MAX_VALUE);
                    limits.check(w, h);
                    kept.keep(position, (int) end);
                }
                case "PLTE" -> {
                    palette = true;
                    kept.keep(position, (int) end);
                }
                case "IDAT" -> {
                    if (imageDataEnded) {
                        throw Refusal.of(RefusalReason.CORRUPT); // IDAT chunks must be consecutive
                    }
                    imageDataSeen = true;
                    kept.keep(position, (int) end);
                }
                case "IEND" -> {
                    if (!imageDataSeen || (colourType == 3 && !palette)) {
                        throw Refusal.of(RefusalReason.CORRUPT);
                    }
                    kept.keep(position, (int) end);
                    // Bytes after IEND are never shown, so never kept.
                    return new Inspection(ImageFormat.PNG, width, height, orientation, kept);
                }
                case "eXIf" -> orientation = ExifOrientation.read(data, dataStart, dataEnd);
                default -> {
                    if (KEPT_ANCILLARY.contains(type)) {
                        kept.keep(position, (int) end);
                    } else if (Character.isUpperCase(type.charAt(0))) {
                        throw Refusal.of(RefusalReason.CORRUPT); // an unknown critical chunk cannot be shown
                    }
                }
            }
            position = (int) end;
        }
    }

    private static boolean validHeader(int bitDepth, int colourType, byte[] data, int dataStart) {
        boolean depthFits = switch (colourType) {
            case 0 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8 || bitDepth == 16;
            case 3 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8;
            case 2, 4, 6 -> bitDepth == 8 || bitDepth == 16;
            default -> false;
        };
        int compression = data[dataStart + 10];
        int filter = data[dataStart + 11];
        int interlace = data[dataStart + 12];
        return depthFits && compression == 0 && filter == 0 && (interlace == 0 || interlace == 1);
    }

    private static String chunkType(byte[] data, int at) throws Refusal {
        var chars = new char[4];
        for (int i = 0; i < 4; i++) {
            int c = data[at + i] & 0xFF;
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                throw Refusal.of(RefusalReason.CORRUPT);
            }
            chars[i] = (char) c;
        }
        return new String(chars);
    }

    private static long u32(byte[] data, int at) {
        return ((long) (data[at] & 0xFF) << 24)
                | ((data[at + 1] & 0xFF) << 16)
                | ((data[at + 2] & 0xFF) << 8)
                | (data[at + 3] & 0xFF);
    }
}
