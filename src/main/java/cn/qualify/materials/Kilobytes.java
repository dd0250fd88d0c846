package cn.qualify.materials;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Byte counts as the candidate reads them: 1 KB = 1024 bytes, the notice's "200k". */
final class Kilobytes {

    private static final BigDecimal KB = BigDecimal.valueOf(1024);

    private Kilobytes() {}

    /** The limit rounded down, so 204,800 bytes reads "200". */
    static String limit(long bytes) {
        return format(bytes, RoundingMode.DOWN);
    }

    /**
     * An actual size rounded up to a tenth, so a file one byte over the limit never reads as equal to it
     * (204,801 bytes reads "200.1", 209,920 bytes "205").
     */
    static String actual(long bytes) {
        return format(bytes, RoundingMode.UP);
    }

    private static String format(long bytes, RoundingMode rounding) {
        return BigDecimal.valueOf(bytes)
                .divide(KB, 1, rounding)
                .stripTrailingZeros()
                .toPlainString();
    }
}
