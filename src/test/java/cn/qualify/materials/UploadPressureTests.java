package cn.qualify.materials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UploadPressureTests {

    final AtomicLong now = new AtomicLong(1_700_000_000_500L);
    final UploadPressure pressure = new UploadPressure(now::get);

    @Test
    void countsTheUploadsOfTheCurrentSecondAsTheyArrive() {
        assertThat(pressure.perSecond()).isZero();

        arrive(3);

        assertThat(pressure.perSecond()).isEqualTo(3);
    }

    @Test
    void keepsTheLastWholeSecondWhileTheNewOneIsStillLower() {
        arrive(5);
        now.addAndGet(1000);
        arrive(2);

        assertThat(pressure.perSecond()).isEqualTo(5);

        arrive(4);
        assertThat(pressure.perSecond()).isEqualTo(6);
    }

    @Test
    void fallsToNothingOnceASecondWentByWithoutUploads() {
        arrive(5);
        now.addAndGet(1000);
        assertThat(pressure.perSecond()).isEqualTo(5);

        now.addAndGet(1000);
        assertThat(pressure.perSecond()).isZero();
    }

    @Test
    void forgetsABurstThatLiesSecondsBack() {
        arrive(50);
        now.addAndGet(3000);
        arrive(1);

        assertThat(pressure.perSecond()).isEqualTo(1);
    }

    private void arrive(int uploads) {
        for (int i = 0; i < uploads; i++) {
            pressure.arrived();
        }
    }
}
