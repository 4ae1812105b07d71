package nl.fotadesk.backend.store;

import nl.fotadesk.protocol.FotaState;

import java.time.Duration;
import java.time.Instant;

/**
 * How often a device checks in: an exponential moving average (weight 1/4 for the newest gap) of the time
 * between two routine uplinks. Uplinks during an update come as fast as the download goes, so a gap
 * counts only when both uplinks say {@code idle} (or no state); a gap of more than a day (a device that
 * was switched off) is left out, so one outage does not make a device look slow for weeks.
 */
public final class CheckinInterval {
    static final Duration LONGEST_GAP = Duration.ofDays(1);
    private static final int WEIGHT_OF_NEWEST = 4;

    private CheckinInterval() {
    }

    /** The interval after an uplink with {@code fotaState} at {@code now}, from what the device reported before. */
    public static Duration next(DeviceRow.Reported before, String fotaState, Instant now) {
        Duration average = before.checkinInterval();
        if (before.lastSeen() == null || !routine(before.fotaState()) || !routine(fotaState)) {
            return average;
        }
        Duration gap = Duration.between(before.lastSeen(), now);
        if (gap.isNegative() || gap.isZero() || gap.compareTo(LONGEST_GAP) > 0) {
            return average;
        }
        return average == null ? gap
                : average.multipliedBy(WEIGHT_OF_NEWEST - 1).plus(gap).dividedBy(WEIGHT_OF_NEWEST);
    }

    private static boolean routine(String fotaState) {
        return fotaState == null || FotaState.IDLE.wireName().equals(fotaState);
    }
}
