package cn.qualify.materials;

import java.util.function.LongSupplier;

/**
 * How fast uploads reach the intake: the count of the last whole second, or of the current one once it is higher.
 * Background verification reads it to leave the cores to the request path while candidates upload at the peak.
 */
final class UploadPressure {

    private final LongSupplier millis;
    private long second = Long.MIN_VALUE;
    private int thisSecond;
    private int lastSecond;

    UploadPressure() {
        this(System::currentTimeMillis);
    }

    UploadPressure(LongSupplier millis) {
        this.millis = millis;
    }

    /** Counts one upload that reached the intake. */
    synchronized void arrived() {
        roll();
        thisSecond++;
    }

    /** The clock the rate is measured by, in milliseconds. */
    long millis() {
        return millis.getAsLong();
    }

    /** Uploads per second at the moment. */
    synchronized int perSecond() {
        roll();
        return Math.max(lastSecond, thisSecond);
    }

    private void roll() {
        long now = Math.floorDiv(millis.getAsLong(), 1000);
        if (now != second) {
            lastSecond = now == second + 1 ? thisSecond : 0;
            thisSecond = 0;
            second = now;
        }
    }
}
