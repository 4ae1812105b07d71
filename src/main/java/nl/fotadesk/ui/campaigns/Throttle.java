package nl.fotadesk.ui.campaigns;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * Runs an action at most once per interval however often it is asked for, and never drops the last
 * request: a request inside the interval runs at its end. FX thread only.
 */
final class Throttle {
    private final long intervalNanos;
    private final Runnable action;
    private final PauseTransition timer = new PauseTransition();
    private long lastRun = Long.MIN_VALUE / 2;
    private boolean scheduled;

    Throttle(Duration interval, Runnable action) {
        this.intervalNanos = (long) (interval.toMillis() * 1_000_000);
        this.action = action;
        timer.setOnFinished(e -> fire());
    }

    void request() {
        if (scheduled) {
            return;
        }
        long wait = lastRun + intervalNanos - System.nanoTime();
        if (wait <= 0) {
            fire();
        } else {
            scheduled = true;
            timer.setDuration(Duration.millis(wait / 1_000_000.0 + 1));
            timer.playFromStart();
        }
    }

    void stop() {
        timer.stop();
        scheduled = false;
    }

    private void fire() {
        scheduled = false;
        lastRun = System.nanoTime();
        action.run();
    }
}
