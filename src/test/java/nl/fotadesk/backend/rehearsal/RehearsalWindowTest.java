package nl.fotadesk.backend.rehearsal;

import nl.fotadesk.backend.campaign.CampaignPlan;
import nl.fotadesk.backend.campaign.MaintenanceWindow;
import nl.fotadesk.device.DeviceSettings;
import nl.fotadesk.protocol.api.CampaignWindow;
import nl.fotadesk.protocol.api.Forecast;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rehearsals of campaigns with a maintenance window: no phase starts and no device is given a download or
 * a retry outside it, as in the engine, and the forecast says when the window closes on the campaign.
 * The rehearsals start at the epoch, a Thursday at 00:00 UTC.
 */
class RehearsalWindowTest {
    static final long DAY = Duration.ofDays(1).toMillis();

    static MaintenanceWindow window(String from, String to) {
        return MaintenanceWindow.of(new CampaignWindow("UTC", null, from, to)).orElseThrow();
    }

    /** A plan whose phases wait for all their devices to succeed; a threshold never pauses it. */
    static CampaignPlan plan(List<Integer> phases, MaintenanceWindow window, Instant scheduledAt, int retries) {
        return plan(phases, window, scheduledAt, retries, 100);
    }

    static CampaignPlan plan(List<Integer> phases, MaintenanceWindow window, Instant scheduledAt, int retries,
                             int successThreshold) {
        int n = phases.stream().mapToInt(Integer::intValue).sum();
        return new CampaignPlan(null, "windowed", SimulationTest.IMAGE, Collections.nCopies(n, "imei"), phases,
                successThreshold, 100, Duration.ofSeconds(600), retries, Optional.of(window), scheduledAt);
    }

    @Test
    void aCampaignStartedBeforeItsWindowWaitsForItAndEndsBeforeItCloses() {
        Forecast f = Rehearsal.forecast(plan(List.of(10, 90), window("02:00", "03:00"), null, 1),
                SimulationTest.twins("good", 100, 30_000L), SimulationTest.LEARNED,
                SimulationTest.options(Bearer.LTE_M, 5), () -> true);
        Forecast.Window w = f.window();
        assertThat(w.window()).isEqualTo(new CampaignWindow("UTC", List.of("MON", "TUE", "WED", "THU", "FRI", "SAT",
                "SUN"), "02:00", "03:00"));
        assertThat(w.startsAt()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(w.waitSeconds().median()).as("until 02:00, the engine's first tick after it").isBetween(7200.0, 7201.0);
        assertThat(w.closesAt()).as("done within the hour").isNull();
        assertThat(w.closesOnItRuns()).isZero();
        assertThat(f.durationSeconds().median()).isBetween(7200.0, 7200.0 + 600);
        assertThat(f.expectedSucceeded()).isEqualTo(100);
    }

    @Test
    void aWindowThatEndsForGoodPausesTheCampaignAsTheEngineDoes() {
        MaintenanceWindow ends = new MaintenanceWindow(null, Set.of(), null, null, Instant.EPOCH.plusSeconds(120));
        Forecast f = Rehearsal.forecast(plan(List.of(10, 10, 10, 70), ends, null, 1),
                SimulationTest.twins("good", 100, 30_000L), SimulationTest.LEARNED,
                SimulationTest.options(Bearer.LTE_M, 5), () -> true);
        assertThat(f.completedRuns()).as("no run gets past the end").isZero();
        assertThat(f.pause().runs()).isEqualTo(5);
        assertThat(f.pause().atSeconds().median()).as("at the first phase that waits after the end")
                .isGreaterThanOrEqualTo(120.0).isLessThan(700.0);
        assertThat(f.expectedSucceeded()).isPositive().isLessThan(100);
    }

    @Test
    void whenTheWindowClosesOnItPhasesWaitForTheNextDay() {
        CampaignPlan plan = plan(List.of(10, 10, 10, 70), window("00:00", "00:02"), null, 1);
        Forecast f = Rehearsal.forecast(plan, SimulationTest.twins("good", 100, 30_000L), SimulationTest.LEARNED,
                SimulationTest.options(Bearer.LTE_M, 5), () -> true);
        Forecast.Window w = f.window();
        assertThat(w.closesAt()).isEqualTo("1970-01-01T00:02:00Z");
        assertThat(w.closesAtSeconds()).isEqualTo(120.0);
        assertThat(w.closesOnItRuns()).isEqualTo(5);
        assertThat(w.waitSeconds().median()).as("a night at least").isGreaterThan(DAY / 1000.0 - 120 - 60);
        assertThat(f.durationSeconds().median()).isGreaterThan(DAY / 1000.0);
        assertThat(f.expectedSucceeded()).isEqualTo(100);

        // every phase started inside the window
        Simulation.Setup setup = new Simulation.Setup(twins(100), plan.phaseSizes(), plan.budget(), plan.thresholds(),
                Duration.ofSeconds(1), DeviceSettings.DEFAULT, plan.window(), Instant.EPOCH);
        for (long seed = 1; seed <= 5; seed++) {
            RunResult run = Simulation.run(setup, seed);
            assertThat(run.completed()).isTrue();
            assertThat(Arrays.stream(run.phaseStarted()).map(t -> t % DAY).boxed().toList())
                    .as("phase starts, ms after midnight").allMatch(t -> t < 120_000);
            assertThat(Arrays.stream(run.phaseStarted()).max().orElseThrow()).as("one phase waited a night")
                    .isGreaterThanOrEqualTo(DAY);
        }
    }

    @Test
    void retriesOutsideTheWindowWaitForItToOpen() {
        // devices that always fail, with retries: the retries after 00:02 wait for the next night
        Forecast f = Rehearsal.forecast(plan(List.of(20), window("00:00", "00:02"), null, 2, 1),
                SimulationTest.twins("bad", 20, 30_000L), SimulationTest.LEARNED, SimulationTest.options(Bearer.LTE_M, 3),
                () -> true);
        assertThat(f.window().closesOnItRuns()).isEqualTo(3);
        assertThat(f.durationSeconds().median()).as("a retry waited at least a night").isGreaterThan(DAY / 1000.0);
        assertThat(f.expectedFailed()).isGreaterThan(0);
    }

    @Test
    void aScheduledCampaignIsRehearsedFromItsStart() {
        Instant scheduled = Instant.parse("1970-01-02T02:30:00Z");
        Forecast f = Rehearsal.forecast(plan(List.of(10), window("02:00", "03:00"), scheduled, 1),
                SimulationTest.twins("good", 10, 30_000L), SimulationTest.LEARNED, SimulationTest.options(Bearer.LTE_M, 3),
                () -> true);
        assertThat(f.window().startsAt()).isEqualTo("1970-01-02T02:30:00Z");
        assertThat(f.window().waitSeconds().median()).as("open at its start").isZero();
    }

    @Test
    void theWindowSaysWhenItClosesThroughMidnightAndNeverWhenItIsAlwaysOpen() {
        Instant fridayNight = Instant.parse("2026-12-04T23:00:00Z");
        MaintenanceWindow overMidnight = MaintenanceWindow.of(new CampaignWindow("UTC", List.of("FRI"), "22:00", "02:00"))
                .orElseThrow();
        assertThat(overMidnight.closesAt(fridayNight)).contains(Instant.parse("2026-12-05T02:00:00Z"));
        assertThat(overMidnight.closesAt(Instant.parse("2026-12-05T03:00:00Z"))).as("closed: then")
                .contains(Instant.parse("2026-12-05T03:00:00Z"));
        MaintenanceWindow backToBack = MaintenanceWindow.of(new CampaignWindow("UTC", List.of("FRI", "SAT"), "00:00",
                "00:00")).orElseThrow();
        assertThat(backToBack.closesAt(fridayNight)).as("Friday and Saturday, whole days")
                .contains(Instant.parse("2026-12-06T00:00:00Z"));
        assertThat(window("00:00", "00:00").closesAt(fridayNight)).as("every day, all day").isEmpty();
        WindowTimes times = new WindowTimes(Optional.of(overMidnight), fridayNight);
        assertThat(times.open(0)).isTrue();
        assertThat(times.closesAt(0)).isEqualTo(Duration.ofHours(3).toMillis());
        assertThat(times.open(Duration.ofHours(3).toMillis())).isFalse();
        assertThat(times.opensAt(Duration.ofHours(3).toMillis())).as("next Friday 22:00")
                .isEqualTo(Duration.ofDays(7).minusHours(1).toMillis());
        assertThat(new WindowTimes(Optional.empty(), fridayNight).closesAt(0)).isEqualTo(WindowTimes.NEVER);
    }

    private static Twin[] twins(int n) {
        Twin[] twins = new Twin[n];
        Arrays.fill(twins, new Twin(30_000, UpdateCost.of(SimulationTest.IMAGE.size(), 512, Bearer.LTE_M),
                new FailureChances(0, 0, 0, 0, "test")));
        return twins;
    }

}
