package nl.fotadesk.device;

import org.junit.jupiter.api.Test;

import static nl.fotadesk.device.FotaState.DOWNLOADED;
import static nl.fotadesk.device.FotaState.DOWNLOADING;
import static nl.fotadesk.device.FotaState.IDLE;
import static nl.fotadesk.device.FotaState.REBOOTING;
import static nl.fotadesk.device.FotaState.UPDATING;
import static org.assertj.core.api.Assertions.assertThat;

class FotaStateTest {
    @Test
    void allowsOnlyTheTransitionsOfAnUpdate() {
        assertThat(IDLE.canMoveTo(DOWNLOADING)).isTrue();
        assertThat(IDLE.canMoveTo(UPDATING)).as("no install without a download").isFalse();
        assertThat(IDLE.canMoveTo(DOWNLOADED)).isFalse();
        assertThat(DOWNLOADING.canMoveTo(DOWNLOADED)).isTrue();
        assertThat(DOWNLOADING.canMoveTo(IDLE)).as("failed or cancelled download").isTrue();
        assertThat(DOWNLOADING.canMoveTo(UPDATING)).as("the image is verified first").isFalse();
        assertThat(DOWNLOADED.canMoveTo(UPDATING)).isTrue();
        assertThat(UPDATING.canMoveTo(REBOOTING)).isTrue();
        assertThat(UPDATING.canMoveTo(IDLE)).as("install failed").isTrue();
        assertThat(UPDATING.canMoveTo(DOWNLOADING)).isFalse();
        assertThat(REBOOTING.canMoveTo(IDLE)).isTrue();
        assertThat(REBOOTING.canMoveTo(DOWNLOADING)).isFalse();
        for (FotaState s : FotaState.values()) {
            assertThat(s.canMoveTo(s)).as(s + " to itself").isFalse();
        }
    }

    @Test
    void partSizeGrowsSoThatNoDownloadNeedsMoreThan19999Parts() {
        assertThat(Device.partSizeFor(100_000, 512)).isEqualTo(512);
        assertThat(Device.partSizeFor(64L * 1024 * 1024, 512)).isEqualTo(3356);
        assertThat((64L * 1024 * 1024 + 3355) / 3356).isLessThanOrEqualTo(19_999);
        assertThat(Device.partSizeFor(19_999L * 600, 512)).isEqualTo(600);
        assertThat(Device.partSizeFor(19_999L * 600 + 1, 512)).isEqualTo(601);
    }
}
