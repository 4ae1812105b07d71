package nl.fotadesk.backend.campaign;

import nl.fotadesk.backend.domain.Invalid;
import nl.fotadesk.backend.domain.Limits;
import nl.fotadesk.protocol.api.PhaseSpec;

import java.util.ArrayList;
import java.util.List;

/** Phase sizes from cumulative phase ends (percent of all targeted devices, or a device count). */
public final class PhasePlan {
    private PhasePlan() {
    }

    /** Checks the specs: each names exactly one of percent (1..100) or count (≥ 1), and they grow. */
    public static List<PhaseSpec> validate(List<PhaseSpec> specs) {
        if (specs == null || specs.isEmpty()) {
            return List.of(PhaseSpec.percent(100));
        }
        if (specs.size() > Limits.PHASES) {
            throw new Invalid("invalid_phases", "at most " + Limits.PHASES + " phases");
        }
        for (int i = 0; i < specs.size(); i++) {
            PhaseSpec s = specs.get(i);
            String phase = "phase " + (i + 1);
            if (s == null || (s.percent() == null) == (s.count() == null)) {
                throw new Invalid("invalid_phases", phase + " needs either percent or count");
            }
            if (s.percent() != null && (s.percent() < 1 || s.percent() > Limits.PERCENT_MAX)) {
                throw new Invalid("invalid_phases", phase + ": percent must be from 1 to 100");
            }
            if (s.count() != null && s.count() < 1) {
                throw new Invalid("invalid_phases", phase + ": count must be at least 1");
            }
            if (i > 0) {
                PhaseSpec prev = specs.get(i - 1);
                boolean sameKind = (prev.percent() != null) == (s.percent() != null);
                if (sameKind && (s.percent() != null ? s.percent() <= prev.percent() : s.count() <= prev.count())) {
                    throw new Invalid("invalid_phases", phase + " must reach further than phase " + i
                            + " (phases are cumulative, e.g. 5 %, 25 %, 100 %)");
                }
            }
        }
        return specs;
    }

    /**
     * How many devices each phase gets. When the last phase ends short of all devices, one more phase
     * takes the rest, so every targeted device is covered.
     */
    public static List<Integer> sizes(List<PhaseSpec> specs, int total) {
        List<Integer> sizes = new ArrayList<>();
        int done = 0;
        for (PhaseSpec s : specs) {
            int end = s.percent() != null ? (int) Math.ceil(total * s.percent() / 100.0) : Math.min(total, s.count());
            end = Math.max(end, done);
            sizes.add(end - done);
            done = end;
        }
        if (done < total) {
            sizes.add(total - done);
        }
        return sizes;
    }
}
