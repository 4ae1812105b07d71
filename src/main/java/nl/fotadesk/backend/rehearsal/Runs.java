package nl.fotadesk.backend.rehearsal;

import nl.fotadesk.protocol.api.Forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/** The runs of a rehearsal summed up: medians and 90th percentiles of times, means of counts and bytes. */
final class Runs {
    private final List<RunResult> runs;

    Runs(List<RunResult> runs) {
        this.runs = runs;
    }

    /** Phase {@code p}'s duration from its start to the tick it was done, over the runs that finished it. */
    Forecast.Phase phase(int p, int devices) {
        List<Double> seconds = new ArrayList<>();
        for (RunResult r : runs) {
            if (r.phaseDone()[p] >= 0) {
                seconds.add((r.phaseDone()[p] - r.phaseStarted()[p]) / 1000.0);
            }
        }
        return new Forecast.Phase(p, devices, seconds.size(), spread(seconds));
    }

    int completed() {
        return (int) runs.stream().filter(RunResult::completed).count();
    }

    Forecast.Spread duration() {
        return spread(runs.stream().filter(RunResult::completed).map(r -> r.endMillis() / 1000.0).toList());
    }

    double mean(ToLongFunction<RunResult> f) {
        return runs.stream().mapToLong(f).average().orElse(0);
    }

    Forecast.Pause pause() {
        Map<Integer, Integer> byPhase = new TreeMap<>();
        List<Double> at = new ArrayList<>();
        for (RunResult r : runs) {
            if (r.pausedPhase() >= 0) {
                byPhase.merge(r.pausedPhase(), 1, Integer::sum);
                at.add(r.endMillis() / 1000.0);
            }
        }
        return new Forecast.Pause(at.size(), runs.isEmpty() ? 0 : (double) at.size() / runs.size(), byPhase, spread(at));
    }

    Forecast.Data data(int devices, double pricePerMb) {
        long payload = Math.round(mean(RunResult::payloadBytes));
        long http = Math.round(mean(RunResult::httpBytes));
        long tcp = Math.round(mean(RunResult::tcpBytes));
        long total = payload + http + tcp;
        double cost = total / 1e6 * pricePerMb;
        return new Forecast.Data(payload, http, tcp, Math.round(mean(RunResult::retryBytes)), total,
                devices == 0 ? 0 : total / devices, round(cost), devices == 0 ? 0 : round(cost / devices));
    }

    /** Median and 90th percentile (nearest rank); nulls when there is nothing to sum up. */
    static Forecast.Spread spread(List<Double> values) {
        if (values.isEmpty()) {
            return new Forecast.Spread(null, null);
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        double p90 = sorted.get((int) Math.ceil(0.9 * n) - 1);
        return new Forecast.Spread(round(median), round(p90));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
