package nl.fotadesk.ui.devices;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static nl.fotadesk.ui.devices.RefreshThrottle.ACTIVE_POLL_MILLIS;
import static nl.fotadesk.ui.devices.RefreshThrottle.IDLE_POLL_MILLIS;
import static nl.fotadesk.ui.devices.RefreshThrottle.MIN_REFRESH_MILLIS;
import static org.assertj.core.api.Assertions.assertThat;

/** When the device list is fetched again, at each boundary of the three intervals. */
class RefreshThrottleTest {
    @ParameterizedTest(name = "{0} ms after the last fetch, changed {1}, updating on screen {2}: due {3}")
    @CsvSource({
            "0,     false, false, false",
            "0,     true,  true,  false",
            "1499,  true,  false, false",
            "1500,  true,  false, true",   // something changed: at most once per MIN_REFRESH_MILLIS
            "1500,  false, false, false",
            "1999,  false, true,  false",
            "2000,  false, true,  true",   // a device on screen is updating: its progress is no event
            "29999, false, false, false",
            "30000, false, false, true",   // idle: last seen moves on
    })
    void isDueAfterItsInterval(long since, boolean changed, boolean updating, boolean due) {
        RefreshThrottle throttle = new RefreshThrottle();
        throttle.fetched(1_000);
        if (changed) {
            throttle.changed();
        }
        assertThat(throttle.due(1_000 + since, () -> updating)).isEqualTo(due);
    }

    @ParameterizedTest(name = "a fetch {0} ms after a change takes the change along")
    @CsvSource({"0", "1500"})
    void aFetchTakesWhatChangedBeforeAlong(long later) {
        RefreshThrottle throttle = new RefreshThrottle();
        throttle.fetched(0);
        throttle.changed();
        throttle.fetched(later);
        assertThat(throttle.due(later + MIN_REFRESH_MILLIS, () -> false)).isFalse();
        assertThat(ACTIVE_POLL_MILLIS).isGreaterThan(MIN_REFRESH_MILLIS).isLessThan(IDLE_POLL_MILLIS);
    }
}
