package nl.fotadesk.backend.campaign;

import nl.fotadesk.protocol.api.ActionState;

import java.time.Duration;
import java.util.Map;

/**
 * The campaign rules as pure functions, apart from the database and the clock: what a phase's counts
 * mean for the campaign, and what becomes of one device's update. {@link RolloutEngine} loads the
 * facts, asks here, and stores the answer; a new rule is made (and table-tested) here. A rehearsal
 * ({@code backend.rehearsal}) asks the same functions on its virtual clock.
 */
public final class RolloutRules {
    private RolloutRules() {
    }

    /** How a phase's devices stand; {@code failed} counts the timed-out ones too. */
    public record PhaseCounts(int total, int succeeded, int failed, int cancelled) {
        public static PhaseCounts of(int total, Map<ActionState, Integer> counts) {
            return new PhaseCounts(total, counts.getOrDefault(ActionState.SUCCEEDED, 0),
                    counts.getOrDefault(ActionState.FAILED, 0) + counts.getOrDefault(ActionState.TIMED_OUT, 0),
                    counts.getOrDefault(ActionState.CANCELLED, 0));
        }

        /** Devices that are done with this phase, whatever the outcome. */
        public int terminal() {
            return succeeded + failed + cancelled;
        }
    }

    /**
     * A campaign's thresholds as they hold for one phase: {@code errorsIgnored} once an operator resumed
     * the campaign after this phase paused it.
     */
    public record Thresholds(int errorPercent, int successPercent, boolean errorsIgnored) {
    }

    public enum PhaseVerdict {
        /** Devices are still busy: nothing to decide yet. */
        RUNNING,
        /** The phase is done; the next one starts. */
        DONE,
        /** More devices failed than the error threshold allows: the campaign pauses. */
        TOO_MANY_ERRORS,
        /** Every device is done, fewer succeeded than the success threshold asks: the campaign pauses. */
        TOO_FEW_SUCCEEDED
    }

    /**
     * The error threshold is strict (a phase pauses when more than that share failed, not at it), the
     * success threshold is "at least". A phase before the last is done at the success threshold; the
     * last waits for every device, so the campaign completes only when all are done. An empty phase is done.
     */
    public static PhaseVerdict decide(PhaseCounts n, boolean lastPhase, Thresholds t) {
        if (!t.errorsIgnored() && (long) n.failed() * 100 > (long) t.errorPercent() * n.total()) {
            return PhaseVerdict.TOO_MANY_ERRORS;
        }
        boolean allDone = n.terminal() == n.total();
        boolean enough = (long) n.succeeded() * 100 >= (long) t.successPercent() * n.total();
        if (n.total() > 0 && allDone && !enough && !t.errorsIgnored()) {
            return PhaseVerdict.TOO_FEW_SUCCEEDED;
        }
        boolean done = lastPhase ? allDone : enough || allDone;
        return done ? PhaseVerdict.DONE : PhaseVerdict.RUNNING;
    }

    /** The campaign is complete when every device's update has ended, whatever the outcome. */
    public static boolean complete(Map<ActionState, Integer> counts) {
        return counts.keySet().stream().allMatch(ActionState::isTerminal);
    }

    /**
     * One device's update as last seen: the state its device reports, whether anything moved since the
     * last look, how long it has made no progress, and the attempts it has had.
     */
    public record DeviceFacts(ActionState seen, boolean moved, Duration sinceProgress, int attempts) {
    }

    /** A campaign's patience with a device: how long without progress, and how many attempts after the first. */
    public record Budget(Duration timeout, int maxRetries) {
    }

    public enum DeviceVerdict {
        /** Nothing changed. */
        UNCHANGED,
        /** The device moved on: its progress is recorded. */
        FOLLOW,
        /** It failed or is stuck while the campaign does not run: decided when it runs again, so a pause uses up no retries. */
        WAIT_FOR_RUN,
        /** It failed; it gets another attempt. */
        RETRY_FAILED,
        /** It made no progress in time; its download stops and it gets another attempt. */
        RETRY_STUCK,
        /** It failed and has no retries left. */
        FAILED,
        /** It made no progress in time and has no retries left; its download stops. */
        TIMED_OUT;

        /** The device made no progress in time. */
        public boolean stuck() {
            return this == RETRY_STUCK || this == TIMED_OUT;
        }

        public boolean retries() {
            return this == RETRY_FAILED || this == RETRY_STUCK;
        }
    }

    /** A device is stuck when it is in flight and has made no progress for the timeout or longer. */
    public static DeviceVerdict decide(DeviceFacts d, Budget budget, boolean campaignRunning) {
        boolean stuck = d.seen().isInFlight() && d.sinceProgress().compareTo(budget.timeout()) >= 0;
        boolean failed = d.seen() == ActionState.FAILED;
        if (!failed && !stuck) {
            return d.moved() ? DeviceVerdict.FOLLOW : DeviceVerdict.UNCHANGED;
        }
        boolean retriesLeft = d.attempts() <= budget.maxRetries();
        if (!campaignRunning && retriesLeft) {
            return DeviceVerdict.WAIT_FOR_RUN;
        }
        if (retriesLeft) {
            return stuck ? DeviceVerdict.RETRY_STUCK : DeviceVerdict.RETRY_FAILED;
        }
        return stuck ? DeviceVerdict.TIMED_OUT : DeviceVerdict.FAILED;
    }
}
