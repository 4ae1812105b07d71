package nl.fotadesk.backend.rehearsal;

import nl.fotadesk.backend.campaign.MaintenanceWindow;

import java.time.Instant;
import java.util.Optional;

/**
 * A campaign's maintenance window on a run's virtual clock (ms after the campaign's start), decided by
 * the engine's own rule ({@link MaintenanceWindow}). It remembers the stretch it last found open or closed,
 * so the ticks within it cost no date arithmetic. Without a window it is always open.
 */
final class WindowTimes {
    /** A time that never comes. */
    static final long NEVER = Long.MAX_VALUE / 4;

    private final Optional<MaintenanceWindow> window;
    private final Instant start;
    private long knownFrom = 1;
    private long knownUntil;
    private boolean knownOpen;

    WindowTimes(Optional<MaintenanceWindow> window, Instant start) {
        this.window = window;
        this.start = start;
    }

    boolean exists() {
        return window.isPresent();
    }

    boolean open(long t) {
        if (window.isEmpty()) {
            return true;
        }
        if (t < knownFrom || t >= knownUntil) {
            knownOpen = window.get().isOpen(at(t));
            knownFrom = t;
            knownUntil = knownOpen ? closesAt(t) : opensAt(t);
        }
        return knownOpen;
    }

    /** When the window is next open: {@code t} itself when it is open then; {@link #NEVER} once it has ended for good. */
    long opensAt(long t) {
        Instant opens = window.isEmpty() ? at(t) : window.get().opensAt(at(t));
        return opens == null ? NEVER : millis(opens);
    }

    /** When the window, open at {@code t}, closes; {@code t} when it is closed then; {@link #NEVER} when it stays open. */
    long closesAt(long t) {
        return window.isEmpty() ? NEVER : window.get().closesAt(at(t)).map(this::millis).orElse(NEVER);
    }

    /** The moment {@code t} on the wall clock. */
    Instant at(long t) {
        return start.plusMillis(t);
    }

    private long millis(Instant i) {
        return i.toEpochMilli() - start.toEpochMilli();
    }
}
