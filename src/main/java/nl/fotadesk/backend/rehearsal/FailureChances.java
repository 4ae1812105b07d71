package nl.fotadesk.backend.rehearsal;

import nl.fotadesk.backend.store.RehearsalStore.Outcomes;
import nl.fotadesk.protocol.api.ActionState;
import nl.fotadesk.protocol.api.Forecast;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How likely an update attempt goes wrong, per device type and image version, learned from the ended
 * updates of past campaigns each time a rehearsal runs (so a finished campaign counts at once):
 * {@code failed} and {@code silent} are the chances that a first attempt fails with a result or goes
 * silent (its device times out), {@code again} that a retry after a failure fails the same way. With fewer
 * than {@link #MIN_ATTEMPTS} attempts seen for a version, the device type's figures count; without those,
 * {@link #DEFAULT}.
 */
record FailureChances(double failed, double silent, double again, long attemptsSeen, String source) {
    /** Assumed without history: 2 % of attempts fail, 0.5 % go silent, and half of the retries fail again. */
    static final FailureChances DEFAULT = new FailureChances(0.02, 0.005, 0.5, 0, "default");
    static final int MIN_ATTEMPTS = 20;

    Forecast.FailureChance view(String deviceType, String firmware) {
        return new Forecast.FailureChance(deviceType, firmware, failed, silent, again, (int) attemptsSeen, source);
    }

    /** The figures learned from {@code outcomes}, looked up per device type and version. */
    static final class Learned {
        private final Map<String, FailureChances> byVersion = new HashMap<>();
        private final Map<String, FailureChances> byType = new HashMap<>();

        Learned(List<Outcomes> outcomes) {
            Map<String, Tally> versions = new HashMap<>();
            Map<String, Tally> types = new HashMap<>();
            for (Outcomes o : outcomes) {
                versions.computeIfAbsent(o.deviceType() + "\n" + o.version(), k -> new Tally()).add(o);
                types.computeIfAbsent(o.deviceType(), k -> new Tally()).add(o);
            }
            versions.forEach((k, t) -> t.chances("history").ifPresent(c -> byVersion.put(k, c)));
            types.forEach((k, t) -> t.chances("device_type").ifPresent(c -> byType.put(k, c)));
        }

        FailureChances of(String deviceType, String version) {
            FailureChances c = byVersion.get(deviceType + "\n" + version);
            if (c != null) {
                return c;
            }
            return byType.getOrDefault(deviceType, DEFAULT);
        }
    }

    /** Ended updates counted together. */
    private static final class Tally {
        long actions;
        long firstFailed;
        long silentEnds;
        long failedEnds;
        long retries;
        long failedRetries;

        void add(Outcomes o) {
            actions += o.actions();
            long extra = o.attempts() - o.actions(); // attempts after the first
            retries += extra;
            if (o.state() == ActionState.SUCCEEDED) {
                firstFailed += o.retried();
                failedRetries += extra - o.retried(); // every retry but the one that succeeded failed
            } else {
                firstFailed += o.actions();
                failedRetries += extra;
                if (o.state() == ActionState.TIMED_OUT) {
                    silentEnds += o.actions();
                } else {
                    failedEnds += o.actions();
                }
            }
        }

        java.util.Optional<FailureChances> chances(String source) {
            long attempts = actions + retries;
            if (attempts < MIN_ATTEMPTS) {
                return java.util.Optional.empty();
            }
            double first = (double) firstFailed / actions;
            long ends = silentEnds + failedEnds;
            double silentShare = ends == 0 ? DEFAULT.silent / (DEFAULT.silent + DEFAULT.failed)
                    : (double) silentEnds / ends;
            double again = retries == 0 ? DEFAULT.again : (double) failedRetries / retries;
            return java.util.Optional.of(new FailureChances(first * (1 - silentShare), first * silentShare, again,
                    attempts, source));
        }
    }
}
