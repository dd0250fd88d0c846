package cn.qualify.materials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MachineLoadTests {

    @Test
    void readsThePlatformAtMostOnceAWindowAndKeepsTheReadingInBetween() throws Exception {
        var readings = new AtomicInteger();
        var load = new MachineLoad(() -> readings.incrementAndGet() / 10.0);

        assertThat(load.getAsDouble()).isEqualTo(0.1);
        assertThat(load.getAsDouble()).isEqualTo(0.1);
        assertThat(readings).hasValue(1);

        Thread.sleep(MachineLoad.WINDOW_MILLIS + 50);
        assertThat(load.getAsDouble()).isEqualTo(0.2);
        assertThat(readings).hasValue(2);
    }

    @Test
    void thisMachinesLoadIsAShareOfItsCoresOrUnknown() {
        double load = MachineLoad.ofThisMachine().getAsDouble();

        assertThat(load == -1 || (load >= 0 && load <= 1)).as("load %s", load).isTrue();
    }
}
