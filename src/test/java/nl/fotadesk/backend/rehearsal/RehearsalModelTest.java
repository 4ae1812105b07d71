package nl.fotadesk.backend.rehearsal;

import nl.fotadesk.backend.store.RehearsalStore.Outcomes;
import nl.fotadesk.protocol.api.ActionState;
import nl.fotadesk.protocol.api.Forecast;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The rehearsal's data model, table by table: parts, bytes, corruption, spreads and learned chances. */
class RehearsalModelTest {

    @ParameterizedTest(name = "{0} bytes at {1}: parts of {2}, {3} parts")
    @CsvSource({
            "1, 512, 512, 1",
            "512, 512, 512, 1",
            "513, 512, 512, 2",
            "262144, 512, 512, 512",
            "10239488, 512, 512, 19999",      // 19,999 × 512: still the configured size
            "10239489, 512, 513, 19961",      // one byte more: parts of ceil(size / 19,999)
            "100000000, 4096, 5001, 19997",
    })
    void partsFollowTheDeviceLibrary(long size, int configured, int partSize, int parts) {
        UpdateCost c = UpdateCost.of(size, configured, Bearer.LTE_M);
        assertThat(c.partSize()).isEqualTo(partSize);
        assertThat(c.parts()).isEqualTo(parts);
        assertThat(c.parts()).isLessThanOrEqualTo(nl.fotadesk.device.Device.MAX_PARTS);
    }

    @ParameterizedTest(name = "{0} of {1} bytes: {2}")
    @CsvSource({
            "LAN, 512, 0",
            "NB_IOT, 512, 0.0040879",       // 1 − (1 − 1e-6)^(8·512)
            "NB_IOT, 4096, 0.0322369",
            "LTE_M, 512, 0.0004095",
            "LTE_4G, 65536, 0.0052292",
    })
    void aPartsChanceOfCorruptionGrowsWithItsSize(Bearer bearer, int bytes, double chance) {
        assertThat(bearer.corruptChance(bytes)).isCloseTo(chance, within(1e-6));
    }

    @ParameterizedTest(name = "request {0} B, answer {1} B: {2} B of TCP/IP headers")
    @CsvSource({
            "392, 750, 156",      // one segment each way and an ACK: 3 × 52
            "392, 1448, 156",
            "392, 1449, 208",     // two answer segments and one delayed ACK
            "392, 4200, 312",     // three answer segments, two ACKs
    })
    void tcpHeadersPerSegment(long request, long answer, long tcp) {
        assertThat(WireBytes.tcpOfExchange(request, answer)).isEqualTo(tcp);
    }

    @Test
    void aDownloadOpensAConnectionPer100Requests() {
        // 1 pickup + 512 parts + 9 progress, downloaded, updating + 1 result = 525 requests: 6 connections
        UpdateCost c = UpdateCost.of(262_144, 512, Bearer.NB_IOT);
        long parts = 512;
        long partTcp = parts * WireBytes.tcpOfExchange(400, 750);
        long uplinkTcp = 11 * WireBytes.tcpOfExchange(509, 650) + WireBytes.tcpOfExchange(509, 88);
        assertThat(c.restTcp()).isEqualTo(partTcp + uplinkTcp + 5L * WireBytes.CONNECTION_BYTES);
        assertThat(c.pickupTcp()).isEqualTo(WireBytes.tcpOfExchange(468, 650) + WireBytes.CONNECTION_BYTES);
        assertThat(c.payload()).isEqualTo(262_144);
        assertThat(c.downloadMillis() / 1000).as("512 round trips of 1.6 s and more on NB-IoT")
                .isBetween(512 * 1.6, 512 * 1.6 + 400);
    }

    @ParameterizedTest(name = "{0}: median {1}, p90 {2}")
    @CsvSource({
            "5, 5, 5",
            "1 2, 1.5, 2",
            "3 1 2, 2, 3",
            "1 2 3 4 5 6 7 8 9 10, 5.5, 9",
            "7 1 2 3 4 5 6, 4, 7",
    })
    void spreadIsMedianAndNearestRank90thPercentile(String values, double median, double p90) {
        Forecast.Spread s = Runs.spread(Arrays.stream(values.split(" ")).map(Double::valueOf).toList());
        assertThat(s.median()).isEqualTo(median);
        assertThat(s.p90()).isEqualTo(p90);
    }

    @Test
    void noRunsNoSpread() {
        assertThat(Runs.spread(List.of())).isEqualTo(new Forecast.Spread(null, null));
    }

    @Test
    void aRehearsalTakesAtMost100000Devices() {
        RehearsalService.requireWithinBound(RehearsalService.MAX_DEVICES);
        assertThat(RehearsalService.MAX_DEVICES).isEqualTo(100_000).isLessThan(Simulation.MAX_DEVICES);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RehearsalService.requireWithinBound(100_001))
                .isInstanceOf(nl.fotadesk.backend.domain.Invalid.class)
                .hasMessageContaining("at most 100000 devices; this campaign targets 100001");
    }

    @Test
    void failureChancesAreLearnedPerVersionThenPerTypeThenDefault() {
        FailureChances.Learned learned = new FailureChances.Learned(List.of(
                // 2.0: 80 first tries fine, 10 succeeded at the 2nd try, 6 failed twice, 4 timed out twice
                new Outcomes("tracker", "2.0", ActionState.SUCCEEDED, 90, 100, 10),
                new Outcomes("tracker", "2.0", ActionState.FAILED, 6, 12, 6),
                new Outcomes("tracker", "2.0", ActionState.TIMED_OUT, 4, 8, 4),
                // 1.9: too few attempts to count alone
                new Outcomes("tracker", "1.9", ActionState.SUCCEEDED, 5, 5, 0)));
        FailureChances v2 = learned.of("tracker", "2.0");
        assertThat(v2.source()).isEqualTo("history");
        assertThat(v2.failed() + v2.silent()).as("20 of 100 first attempts failed").isCloseTo(0.20, within(1e-9));
        assertThat(v2.silent()).as("4 of the 10 that ended badly timed out").isCloseTo(0.08, within(1e-9));
        assertThat(v2.again()).as("10 of 20 retries failed").isCloseTo(0.5, within(1e-9));
        assertThat(v2.attemptsSeen()).isEqualTo(120);

        FailureChances v19 = learned.of("tracker", "1.9");
        assertThat(v19.source()).isEqualTo("device_type");
        assertThat(v19.failed() + v19.silent()).isCloseTo(20.0 / 105, within(1e-9));
        assertThat(learned.of("meter", "2.0")).isEqualTo(FailureChances.DEFAULT);
    }
}
