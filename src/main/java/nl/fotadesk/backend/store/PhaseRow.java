package nl.fotadesk.backend.store;

import java.time.Instant;

/**
 * A campaign phase. {@code state} is waiting, running or done; {@code ignoreErrors} is set when an
 * operator resumed the campaign after this phase paused it, so its errors no longer pause it.
 */
public record PhaseRow(String campaignId, int index, int deviceCount, String state, boolean ignoreErrors,
                       Instant startedAt, Instant finishedAt) {
    public static final String WAITING = "waiting";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
}
