package nl.fotadesk.backend.store;

import nl.fotadesk.protocol.api.PhaseState;
import java.time.Instant;

/**
 * A campaign phase. {@code ignoreErrors} is set when an operator resumed the campaign after this phase
 * paused it, so its errors no longer pause it.
 */
public record PhaseRow(String campaignId, int index, int deviceCount, PhaseState state, boolean ignoreErrors,
                       Instant startedAt, Instant finishedAt) {
}
