package nl.fotadesk.ui.devices;

import java.util.function.BooleanSupplier;

/**
 * When the device list is fetched again while the screen is shown: at most once per
 * {@link #MIN_REFRESH_MILLIS} after something changed, every {@link #ACTIVE_POLL_MILLIS} while a
 * device on screen is updating (its progress is no event), and every {@link #IDLE_POLL_MILLIS}
 * otherwise (last seen moves on).
 */
final class RefreshThrottle {
    static final long MIN_REFRESH_MILLIS = 1_500;
    static final long ACTIVE_POLL_MILLIS = 2_000;
    static final long IDLE_POLL_MILLIS = 30_000;

    private boolean changed;
    private long lastFetch;

    /** Something on the server changed: fetch again soon. */
    void changed() {
        changed = true;
    }

    /** The list was fetched at {@code now}: what changed before is in it. */
    void fetched(long now) {
        changed = false;
        lastFetch = now;
    }

    /**
     * True when the list is due to be fetched again at {@code now}; whether a device on screen is
     * updating is asked only when that decides it.
     */
    boolean due(long now, BooleanSupplier updatingOnScreen) {
        long since = now - lastFetch;
        return changed && since >= MIN_REFRESH_MILLIS || since >= ACTIVE_POLL_MILLIS && updatingOnScreen.getAsBoolean()
                || since >= IDLE_POLL_MILLIS;
    }
}
