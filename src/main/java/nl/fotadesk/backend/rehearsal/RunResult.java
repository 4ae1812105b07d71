package nl.fotadesk.backend.rehearsal;

/**
 * One simulated run of a campaign. Times are ms after the start; a phase not started or not done has
 * −1. A run ends when the campaign completes or a threshold pauses it ({@code pausedPhase} ≥ 0); its
 * {@code trace} says how it went until then. {@code windowClosedAt}: when the maintenance window first
 * closed on the running campaign (−1 when it did not); {@code waitedMillis}: how long phases or retries
 * waited for the window to open.
 */
record RunResult(boolean completed, long endMillis, long[] phaseStarted, long[] phaseDone, int succeeded,
                 int failed, int timedOut, int pausedPhase, long payloadBytes, long httpBytes, long tcpBytes,
                 long retryBytes, Trace trace, long windowClosedAt, long waitedMillis) {
}
