package cn.qualify.materials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JpegStructureTests {

    /** 0xFF, the bytes a borrow or a sign could confuse with it, and zero, which the search turns 0xFF into. */
    private static final byte[] NEAR_MISSES = {(byte) 0xFF, (byte) 0xFE, (byte) 0x7F, (byte) 0x80, 0x00, 0x01, 0x42};

    @Test
    void theWordAtATimeSearchFindsTheSameFirstFFAsAByteByByteSearch() {
        var random = new Random(20261127);
        int compared = 0;
        for (int round = 0; round < 20_000; round++) {
            var data = new byte[1 + random.nextInt(40)];
            for (int i = 0; i < data.length; i++) {
                data[i] = NEAR_MISSES[random.nextInt(NEAR_MISSES.length)];
            }
            int length = random.nextInt(data.length + 1);
            int from = random.nextInt(length + 1);
            assertThat(JpegStructure.indexOfFF(data, from, length))
                    .as("from %d, length %d in %s", from, length, HexFormat.of().formatHex(data))
                    .isEqualTo(byteByByte(data, from, length));
            compared++;
        }
        assertThat(compared).isEqualTo(20_000);
    }

    @Test
    void everyPositionOfASingleFFIsFoundAndNothingBeyondTheLength() {
        for (int size = 1; size <= 24; size++) {
            for (int at = 0; at < size; at++) {
                var data = new byte[size];
                data[at] = (byte) 0xFF;
                assertThat(JpegStructure.indexOfFF(data, 0, size)).isEqualTo(at);
                assertThat(JpegStructure.indexOfFF(data, 0, at)).isEqualTo(at);
                assertThat(JpegStructure.indexOfFF(data, Math.min(at + 1, size), size))
                        .isEqualTo(size);
            }
        }
    }

    private static int byteByByte(byte[] data, int from, int length) {
        int position = from;
        while (position < length && data[position] != (byte) 0xFF) {
            position++;
        }
        return position;
    }
}
