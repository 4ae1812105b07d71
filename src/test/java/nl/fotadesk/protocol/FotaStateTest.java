package nl.fotadesk.protocol;

import org.junit.jupiter.api.Test;

import static nl.fotadesk.protocol.FotaState.DOWNLOADED;
import static nl.fotadesk.protocol.FotaState.DOWNLOADING;
import static nl.fotadesk.protocol.FotaState.IDLE;
import static nl.fotadesk.protocol.FotaState.REBOOTING;
import static nl.fotadesk.protocol.FotaState.UPDATING;
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
    void readsTheStatesThisProtocolDefines() {
        assertThat(FotaState.fromWire("downloading")).contains(DOWNLOADING);
        assertThat(FotaState.fromWire("idle")).contains(IDLE);
        assertThat(FotaState.fromWire("Downloading")).isEmpty();
        assertThat(FotaState.fromWire("flashing")).isEmpty();
    }

    @Test
    void updateResultsTwoToNineAreFailures() {
        assertThat(UpdateResult.isFailure(UpdateResult.SUCCESS.code)).isFalse();
        assertThat(UpdateResult.isFailure(UpdateResult.NOT_ENOUGH_FLASH.code)).isTrue();
        assertThat(UpdateResult.isFailure(UpdateResult.UNSUPPORTED_PROTOCOL.code)).isTrue();
        assertThat(UpdateResult.isFailure(UpdateResult.CANCELLED.code)).isFalse();
        assertThat(UpdateResult.isFailure(255)).isFalse();
    }
}
