package nl.fotadesk.backend.rehearsal;

import nl.fotadesk.protocol.api.CampaignWindow;
import nl.fotadesk.protocol.api.Forecast;

import java.time.Instant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * The runs of a rehearsal summed up: medians and 90th percentiles of times, means of counts and bytes, and
 * the runs over time.
 */
final class Runs {
    /** The most moments a forecast's timeline has: enough for a chart, small in JSON. */
    static final int TIMELINE_POINTS = 200;
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

    /** The window of a campaign that started at {@code start}: when it closes on the running campaign, and the waits. */
    Forecast.Window window(CampaignWindow spec, Instant start) {
        List<RunResult> closedOn = runs.stream().filter(r -> r.windowClosedAt() >= 0).toList();
        Long closes = closedOn.isEmpty() ? null : closedOn.get(0).windowClosedAt(); // the same start, the same closing
        return new Forecast.Window(spec, start.toString(), closes == null ? null : start.plusMillis(closes).toString(),
                closes == null ? null : round(closes / 1000.0), closedOn.size(),
                spread(runs.stream().map(r -> r.waitedMillis() / 1000.0).toList()));
    }

    /**
     * The runs over time at {@link #TIMELINE_POINTS} moments at most (none closer than a tick), from the
     * start until the last run ended: each run's trace read as a step function, summed up per moment.
     */
    Forecast.Timeline timeline(int errorThreshold, long tickMillis) {
        long end = runs.stream().mapToLong(RunResult::endMillis).max().orElse(0);
        int points = (int) Math.max(2, Math.min(TIMELINE_POINTS, end / Math.max(1, tickMillis) + 1));
        List<Double> seconds = new ArrayList<>(points);
        Band updated = new Band(points);
        Band failed = new Band(points);
        double[] u = new double[runs.size()];
        double[] f = new double[runs.size()];
        for (int i = 0; i < points; i++) {
            long at = Math.round((double) end * i / (points - 1));
            for (int r = 0; r < u.length; r++) {
                Trace trace = runs.get(r).trace();
                int k = trace.indexAt(at);
                u[r] = trace.updated(k);
                f[r] = trace.failedPercent(k);
            }
            seconds.add(round(at / 1000.0));
            updated.add(u);
            failed.add(f);
        }
        return new Forecast.Timeline(seconds, updated.view(), failed.view(), errorThreshold);
    }

    /** The 10th percentile, median and 90th percentile of a quantity, moment by moment. */
    private record Band(List<Double> p10, List<Double> median, List<Double> p90) {
        Band(int points) {
            this(new ArrayList<>(points), new ArrayList<>(points), new ArrayList<>(points));
        }

        void add(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            p10.add(round(nearestRank(sorted, 0.1)));
            median.add(round(Runs.median(sorted)));
            p90.add(round(nearestRank(sorted, 0.9)));
        }

        Forecast.Band view() {
            return new Forecast.Band(p10, median, p90);
        }
    }

    /** Median and 90th percentile (nearest rank); nulls when there is nothing to sum up. */
    static Forecast.Spread spread(List<Double> values) {
        if (values.isEmpty()) {
            return new Forecast.Spread(null, null);
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Forecast.Spread(round(median(sorted)), round(nearestRank(sorted, 0.9)));
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The {@code q} quantile by nearest rank: the smallest value with at least that share of them at or below it. */
    private static double nearestRank(double[] sorted, double q) {
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
