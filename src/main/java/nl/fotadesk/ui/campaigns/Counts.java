package nl.fotadesk.ui.campaigns;

import nl.fotadesk.protocol.api.ActionState;

import java.util.Map;

/** A campaign's or phase's devices per action state, summed the ways the views show them. */
record Counts(int total, int waiting, int inFlight, int succeeded, int failed, int cancelled) {
    static Counts of(Map<String, Integer> counts, int total) {
        int waiting = 0;
        int inFlight = 0;
        int succeeded = 0;
        int failed = 0;
        int cancelled = 0;
        if (counts != null) {
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                ActionState s;
                try {
                    s = ActionState.fromWire(e.getKey());
                } catch (IllegalArgumentException unknown) {
                    continue;
                }
                int n = e.getValue() == null ? 0 : e.getValue();
                if (s == ActionState.WAITING) {
                    waiting += n;
                } else if (s == ActionState.SUCCEEDED) {
                    succeeded += n;
                } else if (s.isFailure()) {
                    failed += n;
                } else if (s == ActionState.CANCELLED) {
                    cancelled += n;
                } else {
                    inFlight += n;
                }
            }
        }
        return new Counts(total, waiting, inFlight, succeeded, failed, cancelled);
    }

    static int get(Map<String, Integer> counts, ActionState state) {
        Integer n = counts == null ? null : counts.get(state.wireName());
        return n == null ? 0 : n;
    }

    /** Devices that got an outcome, updated or failed; a cancelled device never did, so a cancelled campaign is not "done". */
    int done() {
        return succeeded + failed;
    }

    /** Share of devices done, 0..1. */
    double doneFraction() {
        return total == 0 ? 0 : Math.min(1, (double) done() / total);
    }

    /** Whole percent of devices done, rounded down so 100 % means all. */
    int donePercent() {
        return total == 0 ? 0 : (int) (100L * done() / total);
    }
}
