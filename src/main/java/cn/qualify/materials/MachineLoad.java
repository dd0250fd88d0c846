package cn.qualify.materials;

import java.lang.management.ManagementFactory;
import java.util.function.DoubleSupplier;

/**
 * How busy the machine's cores are, from 0 (idle) to 1 (every core busy), as the JVM reads it from the operating
 * system (within a container, its CPU limit). The platform measures the load between two readings, so the value is
 * read at most every {@link #WINDOW_MILLIS} and kept in between: a reading covers at least that window, and callers
 * that look often cost nothing. Negative when the platform does not tell, which callers take as "not busy".
 */
final class MachineLoad implements DoubleSupplier {

    static final long WINDOW_MILLIS = 500;

    private final DoubleSupplier platform;
    private long readAt;
    private double load = -1;

    MachineLoad(DoubleSupplier platform) {
        this.platform = platform;
        this.readAt = millis() - WINDOW_MILLIS;
    }

    /** The load of this machine, or of the container the JVM runs in. */
    static MachineLoad ofThisMachine() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return new MachineLoad(os::getCpuLoad);
        }
        return new MachineLoad(() -> -1);
    }

    @Override
    public synchronized double getAsDouble() {
        long now = millis();
        if (now - readAt >= WINDOW_MILLIS) {
            load = platform.getAsDouble();
            readAt = now;
        }
        return load;
    }

    private static long millis() {
        return System.nanoTime() / 1_000_000;
    }
}
