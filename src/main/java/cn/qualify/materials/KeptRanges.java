package cn.qualify.materials;

import java.util.Arrays;

/**
 * The byte ranges of an image that survive metadata stripping. Collecting ranges first lets the common case
 * (nothing to drop from an exactly sized array) store the upload without copying it at all.
 */
final class KeptRanges {

    private int[] bounds = new int[32];
    private int count;

    void keep(int start, int end) {
        if (end <= start) {
            return;
        }
        if (count > 0 && bounds[count - 1] == start) {
            bounds[count - 1] = end;
            return;
        }
        if (count + 2 > bounds.length) {
            bounds = Arrays.copyOf(bounds, bounds.length * 2);
        }
        bounds[count++] = start;
        bounds[count++] = end;
    }

    int total() {
        int total = 0;
        for (int i = 0; i < count; i += 2) {
            total += bounds[i + 1] - bounds[i];
        }
        return total;
    }

    /** The kept bytes as an exactly sized array: {@code source} itself when it is already exactly that. */
    byte[] extract(byte[] source) {
        if (count == 2 && bounds[0] == 0 && bounds[1] == source.length) {
            return source;
        }
        var result = new byte[total()];
        int position = 0;
        for (int i = 0; i < count; i += 2) {
            int length = bounds[i + 1] - bounds[i];
            System.arraycopy(source, bounds[i], result, position, length);
            position += length;
        }
        return result;
    }
}
