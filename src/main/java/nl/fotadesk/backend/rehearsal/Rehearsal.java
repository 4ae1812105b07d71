package nl.fotadesk.backend.rehearsal;

import nl.fotadesk.backend.campaign.CampaignPlan;
import nl.fotadesk.backend.store.RehearsalStore.TwinRow;
import nl.fotadesk.device.DeviceSettings;
import nl.fotadesk.protocol.api.Forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * A rehearsal apart from where its facts come from: builds the twin of a plan's devices and runs the
 * campaign on it several times ({@link Simulation}), each with its own seed drawn from the given one, so
 * the same request gives the same forecast.
 */
final class Rehearsal {
    /** What the request sets, and when the campaign would start if it is not scheduled ({@code now}). */
    record Options(Map<String, Bearer> bearers, Bearer defaultBearer, double pricePerMb, int runs, long seed,
                   int partSize, DeviceSettings device, Duration tick, Instant now) {
        Bearer bearer(String deviceType) {
            return bearers.getOrDefault(deviceType, defaultBearer);
        }
    }

    private Rehearsal() {
    }

    /**
     * @param devices  the twin facts of the plan's devices, in the plan's order
     * @param goOn     asked before each run after the first: false stops with the runs done so far
     */
    static Forecast forecast(CampaignPlan plan, List<TwinRow> devices, FailureChances.Learned learned,
                             Options options, BooleanSupplier goOn) {
        long size = plan.image().size();
        Map<Bearer, UpdateCost> costs = new EnumMap<>(Bearer.class);
        Map<Bearer, Integer> perBearer = new EnumMap<>(Bearer.class);
        Map<String, FailureChances> chances = new TreeMap<>();
        Map<String, String> bearers = new TreeMap<>();
        Twin[] twins = new Twin[devices.size()];
        long defaultCheckin = options.device().uplinkInterval().toMillis();
        for (int i = 0; i < twins.length; i++) {
            TwinRow d = devices.get(i);
            Bearer bearer = options.bearer(d.deviceType());
            UpdateCost cost = costs.computeIfAbsent(bearer, b -> UpdateCost.of(size, options.partSize(), b));
            perBearer.merge(bearer, 1, Integer::sum);
            bearers.put(d.deviceType(), bearer.name());
            FailureChances c = chances.computeIfAbsent(d.deviceType() + "\n" + plan.image().version(),
                    k -> learned.of(d.deviceType(), plan.image().version()));
            twins[i] = new Twin(d.checkinMillis() == null ? defaultCheckin : d.checkinMillis(), cost, c);
        }
        // a campaign scheduled for later starts then; otherwise when it is started, as if now
        Instant start = plan.scheduledAt() != null && plan.scheduledAt().isAfter(options.now()) ? plan.scheduledAt()
                : options.now();
        Simulation.Setup setup = new Simulation.Setup(twins, plan.phaseSizes(), plan.budget(), plan.thresholds(),
                options.tick(), options.device(), plan.window(), start);
        SplittableRandom seeds = new SplittableRandom(options.seed());
        List<RunResult> results = new ArrayList<>();
        for (int r = 0; r < options.runs() && (r == 0 || goOn.getAsBoolean()); r++) {
            results.add(Simulation.run(setup, seeds.nextLong()));
        }
        Runs runs = new Runs(results);
        List<Forecast.Phase> phases = new ArrayList<>();
        for (int p = 0; p < plan.phaseSizes().size(); p++) {
            phases.add(runs.phase(p, plan.phaseSizes().get(p)));
        }
        List<Forecast.FailureChance> assumed = new ArrayList<>();
        chances.forEach((k, c) -> assumed.add(c.view(k.substring(0, k.indexOf('\n')), plan.image().version())));
        return new Forecast(twins.length, results.size(), options.seed(), options.tick().toMillis() / 1000.0,
                options.partSize(), plan.image().version(), size, new LinkedHashMap<>(bearers), options.pricePerMb(),
                phases, runs.duration(), runs.completed(), runs.mean(RunResult::succeeded), runs.mean(RunResult::failed),
                runs.mean(RunResult::timedOut), runs.pause(), runs.data(twins.length, options.pricePerMb()),
                PartSizeAdvice.of(size, options.partSize(), perBearer, options.device()), assumed,
                runs.timeline(plan.errorThreshold(), options.tick().toMillis()),
                plan.window().map(w -> runs.window(w.spec(), start)).orElse(null), null);
    }
}
