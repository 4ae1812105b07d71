package nl.fotadesk.device.fleet;

import nl.fotadesk.device.DeviceFaults;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultPlanTest {
    @Test
    void readsChancesPerFault() {
        FaultPlan plan = FaultPlan.parse("corrupt=0.02, drop=0.03,reboot=0.5,install=1");
        assertThat(plan.corrupt()).isEqualTo(0.02);
        assertThat(plan.drop()).isEqualTo(0.03);
        assertThat(plan.reboot()).isEqualTo(0.5);
        assertThat(plan.install()).isEqualTo(1.0);
        assertThat(plan.silent()).isZero();
        assertThat(FaultPlan.parse("")).isEqualTo(FaultPlan.NONE);
    }

    @Test
    void refusesUnknownFaultsAndChancesOutsideZeroToOne() {
        assertThatThrownBy(() -> FaultPlan.parse("explode=0.1")).hasMessageContaining("unknown fault \"explode\"");
        assertThatThrownBy(() -> FaultPlan.parse("drop=2")).hasMessageContaining("from 0 to 1");
        assertThatThrownBy(() -> FaultPlan.parse("drop")).hasMessageContaining("drop=0.02");
        assertThatThrownBy(() -> FaultPlan.parse("drop=x")).hasMessageContaining("from 0 to 1");
    }

    @Test
    void theSameSeedGivesTheSameDevicesTheSameFaults() {
        FaultPlan plan = FaultPlan.parse("reboot=0.3,install=0.2,silent=0.1,slow=0.2,flash=0.1");
        Random a = new Random(42);
        Random b = new Random(42);
        IntStream.range(0, 100).forEach(i -> assertThat(plan.draw(a)).isEqualTo(plan.draw(b)));
        Random r = new Random(1);
        long installs = IntStream.range(0, 10_000).mapToObj(i -> plan.draw(r)).filter(DeviceFaults::installFails).count();
        assertThat(installs).isBetween(1_800L, 2_200L);
    }
}
