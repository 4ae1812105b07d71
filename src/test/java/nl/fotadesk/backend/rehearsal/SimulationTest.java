package nl.fotadesk.backend.rehearsal;

import nl.fotadesk.backend.campaign.CampaignPlan;
import nl.fotadesk.backend.store.FirmwareRow;
import nl.fotadesk.backend.store.RehearsalStore.Outcomes;
import nl.fotadesk.backend.store.RehearsalStore.TwinRow;
import nl.fotadesk.device.DeviceSettings;
import nl.fotadesk.protocol.api.ActionState;
import nl.fotadesk.protocol.api.Forecast;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Campaigns rehearsed on twins made up here: completion, pauses in the right phase, timeouts, data. */
class SimulationTest {
    static final FirmwareRow IMAGE = new FirmwareRow("f", "tracker", "2.0", 65_536, "0".repeat(64), "00000000",
            Instant.EPOCH);
    /** Learned: a device type "good" never fails, "bad" fails 40 % of first attempts and every retry. */
    static final FailureChances.Learned LEARNED = new FailureChances.Learned(List.of(
            new Outcomes("good", "2.0", ActionState.SUCCEEDED, 100, 100, 0),
            new Outcomes("bad", "2.0", ActionState.SUCCEEDED, 60, 60, 0),
            new Outcomes("bad", "2.0", ActionState.FAILED, 40, 80, 40)));

    static Rehearsal.Options options(Bearer bearer, int runs) {
        return new Rehearsal.Options(Map.of(), bearer, 0.5, runs, 42, 512, DeviceSettings.DEFAULT, Duration.ofSeconds(1),
                Instant.EPOCH);
    }

    static CampaignPlan plan(List<Integer> phases, int errorThreshold, int successThreshold, long timeoutSeconds,
                             int retries) {
        int n = phases.stream().mapToInt(Integer::intValue).sum();
        return new CampaignPlan(null, "rehearsed", IMAGE, Collections.nCopies(n, "imei"), phases, successThreshold,
                errorThreshold, Duration.ofSeconds(timeoutSeconds), retries);
    }

    static List<TwinRow> twins(String type, int n, Long checkinMillis) {
        return new ArrayList<>(Collections.nCopies(n, new TwinRow(type, "1.0", checkinMillis)));
    }

    @Test
    void aHealthyFleetCompletesAndEveryDeviceIsUpdated() {
        Forecast f = Rehearsal.forecast(plan(List.of(10, 90), 10, 100, 3600, 1), twins("good", 100, 30_000L),
                LEARNED, options(Bearer.LTE_M, 5), () -> true);
        assertThat(f.runs()).isEqualTo(5);
        assertThat(f.completedRuns()).isEqualTo(5);
        assertThat(f.expectedSucceeded()).isEqualTo(100);
        assertThat(f.expectedFailed()).isZero();
        assertThat(f.pause().runs()).isZero();
        assertThat(f.phases()).extracting(Forecast.Phase::doneRuns).containsExactly(5, 5);
        UpdateCost one = UpdateCost.of(65_536, 512, Bearer.LTE_M);
        double lower = (one.pickupMillis() + one.downloadMillis()) / 1000 * 2; // two phases, one after the other
        assertThat(f.durationSeconds().median()).isGreaterThan(lower).isLessThan(lower + 2 * 30 + 2 * 10 + 10);
        assertThat(f.durationSeconds().p90()).isGreaterThanOrEqualTo(f.durationSeconds().median());
        assertThat(f.data().payloadBytes()).as("LTE-M's rare corrupt parts fetched again")
                .isBetween(100 * 65_536L, 101 * 65_536L);
        assertThat(f.data().totalBytes()).isEqualTo(f.data().payloadBytes() + f.data().httpOverheadBytes()
                + f.data().tcpOverheadBytes());
        assertThat(f.data().cost()).isEqualTo(Math.round(f.data().totalBytes() / 1e6 * 0.5 * 1000) / 1000.0);
        assertThat(f.failureChances()).singleElement().satisfies(c -> assertThat(c.source()).isEqualTo("history"));
    }

    @Test
    void aPlanWhoseFailuresExceedTheErrorThresholdPausesInThePhaseWhereTheyHappen() {
        List<TwinRow> twins = twins("good", 20, 30_000L); // phase 1: devices that never fail
        twins.addAll(twins("bad", 80, 30_000L));           // phases 2 and 3: 40 % fail, for good
        Forecast f = Rehearsal.forecast(plan(List.of(20, 30, 50), 10, 100, 3600, 1), twins, LEARNED,
                options(Bearer.LTE_M, 7), () -> true);
        assertThat(f.pause().runs()).isEqualTo(7);
        assertThat(f.pause().share()).isEqualTo(1.0);
        assertThat(f.pause().runsByPhase()).as("paused in phase 2 (index 1) in every run").isEqualTo(Map.of(1, 7));
        assertThat(f.phases().get(0).doneRuns()).isEqualTo(7);
        assertThat(f.phases().get(1).doneRuns()).isZero();
        assertThat(f.completedRuns()).isZero();
        assertThat(f.durationSeconds().median()).isNull();
        assertThat(f.pause().atSeconds().median()).isGreaterThan(f.phases().get(0).durationSeconds().median());
        assertThat(f.expectedFailed()).as("phase 2's failures, more than 10 % of its 30").isGreaterThan(3);
    }

    @Test
    void theTimelineShowsTheUpdatesOverTimeAndTheFailuresAgainstTheThreshold() {
        Forecast healthy = Rehearsal.forecast(plan(List.of(10, 90), 10, 100, 3600, 1), twins("good", 100, 30_000L),
                LEARNED, options(Bearer.LTE_M, 5), () -> true);
        Forecast.Timeline t = healthy.timeline();
        assertThat(t.seconds()).hasSizeBetween(2, 200).startsWith(0.0).isSorted();
        assertThat(t.seconds().get(t.seconds().size() - 1)).isGreaterThanOrEqualTo(healthy.durationSeconds().p90());
        assertThat(t.updated().median()).startsWith(0.0).endsWith(100.0).isSorted();
        for (int i = 0; i < t.seconds().size(); i++) {
            assertThat(t.updated().p10().get(i)).isLessThanOrEqualTo(t.updated().median().get(i));
            assertThat(t.updated().median().get(i)).isLessThanOrEqualTo(t.updated().p90().get(i));
        }
        assertThat(t.phaseFailedPercent().p90()).containsOnly(0.0);
        assertThat(t.errorThreshold()).isEqualTo(10);

        List<TwinRow> twins = twins("good", 20, 30_000L);
        twins.addAll(twins("bad", 80, 30_000L));
        Forecast pausing = Rehearsal.forecast(plan(List.of(20, 30, 50), 10, 100, 3600, 1), twins, LEARNED,
                options(Bearer.LTE_M, 7), () -> true);
        List<Double> failed = pausing.timeline().phaseFailedPercent().median();
        assertThat(failed.get(failed.size() - 1)).as("where the runs paused, above the threshold").isGreaterThan(10);
        assertThat(pausing.timeline().updated().median().get(failed.size() - 1)).as("phase 1 and some of phase 2")
                .isBetween(20.0, 50.0);
    }

    @Test
    void theSameFailuresUnderAHigherThresholdComplete() {
        Forecast f = Rehearsal.forecast(plan(List.of(50, 50), 60, 1, 3600, 1), twins("bad", 100, 30_000L), LEARNED,
                options(Bearer.LTE_M, 7), () -> true);
        assertThat(f.pause().runs()).isZero();
        assertThat(f.completedRuns()).isEqualTo(7);
        assertThat(f.expectedFailed()).as("40 % fail, and their retry too").isBetween(30.0, 50.0);
    }

    @Test
    void devicesThatCheckInLessOftenThanTheTimeoutTimeOut() {
        // checking in every 10 hours against a timeout of 10 minutes and no retries
        Forecast f = Rehearsal.forecast(plan(List.of(100), 100, 1, 600, 0), twins("good", 100, 36_000_000L), LEARNED,
                options(Bearer.LTE_M, 3), () -> true);
        assertThat(f.expectedTimedOut()).isGreaterThan(95);
        assertThat(f.durationSeconds().median()).as("all end at the timeout's tick").isBetween(600.0, 602.0);
        assertThat(f.data().payloadBytes()).as("a device that never picks up downloads nothing").isLessThan(5 * 65_536L);
    }

    @Test
    void devicesWithoutAKnownIntervalCheckInAsTheDeviceDefaultDoes() {
        Forecast known = Rehearsal.forecast(plan(List.of(50), 10, 100, 3600, 1), twins("good", 50, 30_000L), LEARNED,
                options(Bearer.LAN, 7), () -> true);
        Forecast unknown = Rehearsal.forecast(plan(List.of(50), 10, 100, 3600, 1), twins("good", 50, null), LEARNED,
                options(Bearer.LAN, 7), () -> true);
        assertThat(unknown.durationSeconds()).isEqualTo(known.durationSeconds());
    }

    @Test
    void runsStopAtTheDeadlineWithTheOnesDone() {
        Forecast f = Rehearsal.forecast(plan(List.of(10), 10, 100, 3600, 1), twins("good", 10, 30_000L), LEARNED,
                options(Bearer.LTE_M, 7), () -> false);
        assertThat(f.runs()).isEqualTo(1);
    }

    @Test
    void thePartSizeAdviceWeighsHeadersAgainstCorruptParts() {
        Forecast nbIot = Rehearsal.forecast(plan(List.of(10), 10, 100, 3600, 1), twins("good", 10, 30_000L), LEARNED,
                options(Bearer.NB_IOT, 1), () -> true);
        Forecast.PartSizeAdvice advice = nbIot.partSizeAdvice();
        assertThat(advice.current().partSize()).isEqualTo(512);
        assertThat(advice.leastData().bytesPerDevice()).isLessThan(advice.current().bytesPerDevice());
        assertThat(advice.fastest().secondsPerDevice()).isLessThan(advice.current().secondsPerDevice());
        assertThat(advice.leastData().partSize()).as("not the largest: a 64 KiB part is corrupt 40 % of the time")
                .isGreaterThan(512).isLessThan(65_536);
    }
}
