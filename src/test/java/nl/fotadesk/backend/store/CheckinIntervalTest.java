package nl.fotadesk.backend.store;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The check-in interval an uplink leaves: a moving average of the gaps between routine uplinks. */
class CheckinIntervalTest {
    static final Instant SEEN = Instant.parse("2026-12-01T10:00:00Z");

    @ParameterizedTest(name = "{0}: before {1} ({2}), now {3} after {4} s: {5}")
    @CsvSource(nullValues = "-", value = {
            "the first uplink,              -,           -, idle,        -,     -",
            "the first gap,                 idle,        -, idle,        30,    30000",
            "the average moves by a quarter, idle,   30000, idle,        70,    40000",
            "an uplink without a state,     -,       30000, -,           70,    40000",
            "an uplink during an update,    idle,    30000, downloading, 2,     30000",
            "the first uplink after one,    updating, 30000, idle,       5,     30000",
            "a device switched off a while, idle,    30000, idle,        90000, 30000",
            "the same instant,              idle,    30000, idle,        0,     30000",
    })
    void routineGapsOnly(String why, String stateBefore, Long averageMs, String stateNow, Long gapSeconds, Long expectedMs) {
        Instant lastSeen = why.equals("the first uplink") ? null : SEEN;
        DeviceRow.Reported before = new DeviceRow.Reported("1.0", stateBefore, null, null, lastSeen,
                averageMs == null ? null : Duration.ofMillis(averageMs));
        Instant now = SEEN.plusSeconds(gapSeconds == null ? 30 : gapSeconds);
        Duration next = CheckinInterval.next(before, stateNow, now);
        assertThat(next == null ? null : next.toMillis()).as(why).isEqualTo(expectedMs);
    }
}
