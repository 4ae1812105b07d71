package nl.fotadesk.backend.rehearsal;

import nl.fotadesk.backend.campaign.MaintenanceWindow;
import nl.fotadesk.backend.campaign.RolloutRules;
import nl.fotadesk.backend.campaign.RolloutRules.DeviceFacts;
import nl.fotadesk.backend.campaign.RolloutRules.DeviceVerdict;
import nl.fotadesk.backend.campaign.RolloutRules.PhaseCounts;
import nl.fotadesk.device.DeviceSettings;
import nl.fotadesk.protocol.api.ActionState;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * One run of a campaign on the twin: a discrete-event simulation on a virtual clock, without threads,
 * sleeps or database. The engine acts at its ticks, as the real one does: it gives a phase's devices their
 * download, learns at the first tick after a device's uplink how it stands, and decides through
 * {@link RolloutRules} (the device's verdict: follow, retry, failed, timed out; the phase's: running,
 * done, paused). A device picks its download up at its next check-in (the downlink rides on the uplink's
 * answer), downloads it part by part over its bearer ({@link UpdateCost}, corrupt parts fetched again),
 * installs, reboots and reports. Each attempt is worked out when it is given, so the queue holds at most
 * one event per device: the tick at which the engine sees how the attempt ended. Outside the campaign's
 * maintenance window, as in the engine, no phase starts and no device gets a download or a retry (those
 * given theirs carry on); the first tick after the window opens takes them up.
 */
final class Simulation {
    private static final int DEVICE_BITS = 20;
    /** Devices one run can hold (each event packs its device into the low bits). */
    static final int MAX_DEVICES = 1 << DEVICE_BITS;
    private static final long NEVER = Long.MAX_VALUE / 4;

    /** How an attempt ends, as the engine will see it. */
    private static final byte SUCCEEDED = 0;
    private static final byte FAILED = 1;
    /** Picked the download up, then fell silent (or stalled) until the timeout. */
    private static final byte STALLED = 2;
    /** Did not check in before the timeout. */
    private static final byte NOT_PICKED_UP = 3;

    /** What the last attempt's device did wrong, for the chance that a retry does it again. */
    private static final byte NO_FAULT = 0;
    private static final byte FAULT_FAILED = 1;
    private static final byte FAULT_SILENT = 2;

    /** A campaign to run on a twin whose devices are in phase order, from {@code start} on the wall clock. */
    record Setup(Twin[] twins, List<Integer> phaseSizes, RolloutRules.Budget budget,
                 RolloutRules.Thresholds thresholds, Duration tick, DeviceSettings device,
                 Optional<MaintenanceWindow> window, Instant start) {
    }

    private final Setup setup;
    private final Twin[] twins;
    private final SplittableRandom random;
    private final long tick;
    private final long offset;
    private final long timeout;
    private final double jitterShare;

    private final int[] phaseOf;
    private final int[] phaseFrom;
    private final int[] attempts;
    private final byte[] ending;
    private final byte[] fault;
    private final long[] nextCheckin;
    private final LongHeap events = new LongHeap();
    private final WindowTimes window;
    /** Devices whose retry waits for the window to open. */
    private int[] held = new int[16];
    private int heldCount;
    /** The tick at which the window opens on what waits for it; −1 when nothing does. */
    private long wakeTick = -1;
    private long waitingSince = -1;
    /** When something began to wait for a window that never opens again (it ended for good); -1 while none did. */
    private long endedWaiting = -1;
    private long waited;
    private final Trace trace = new Trace();

    private final long[] phaseStarted;
    private final long[] phaseDone;
    private final int[] succeeded;
    private final int[] failed;
    private final int[] timedOut;
    private int current;
    private int ended;
    private long payload;
    private long http;
    private long tcp;
    private long retryBytes;

    private Simulation(Setup setup, long seed) {
        this.setup = setup;
        this.twins = setup.twins();
        this.random = new SplittableRandom(seed);
        this.tick = Math.max(1, setup.tick().toMillis());
        this.offset = 1 + random.nextLong(tick); // the first tick after the start, wherever the engine's schedule is
        this.timeout = setup.budget().timeout().toMillis();
        this.window = new WindowTimes(setup.window(), setup.start());
        DeviceSettings d = setup.device();
        this.jitterShare = d.uplinkInterval().isZero() ? 0
                : (double) d.jitter().toMillis() / d.uplinkInterval().toMillis();
        int n = twins.length;
        int phases = setup.phaseSizes().size();
        phaseOf = new int[n];
        phaseFrom = new int[phases + 1];
        for (int p = 0, i = 0; p < phases; p++) {
            phaseFrom[p] = i;
            for (int k = 0; k < setup.phaseSizes().get(p); k++) {
                phaseOf[i++] = p;
            }
            phaseFrom[p + 1] = i;
        }
        attempts = new int[n];
        ending = new byte[n];
        fault = new byte[n];
        nextCheckin = new long[n];
        Arrays.fill(nextCheckin, -1);
        phaseStarted = new long[phases];
        phaseDone = new long[phases];
        Arrays.fill(phaseStarted, -1);
        Arrays.fill(phaseDone, -1);
        succeeded = new int[phases];
        failed = new int[phases];
        timedOut = new int[phases];
    }

    static RunResult run(Setup setup, long seed) {
        if (setup.twins().length > MAX_DEVICES) {
            throw new IllegalArgumentException("at most " + MAX_DEVICES + " devices per run");
        }
        return new Simulation(setup, seed).run();
    }

    private RunResult run() {
        trace.add(0, 0, 0);
        startPhase(0, 0); // the start begins the first phase at once; the engine's ticks follow
        if ((events.isEmpty() || events.peek() >>> DEVICE_BITS > 0) && evaluated(at(0))) {
            return result(at(0));
        }
        while (!events.isEmpty() || wakeTick >= 0) {
            long k = events.isEmpty() ? wakeTick : wakeTick < 0 ? events.peek() >>> DEVICE_BITS
                    : Math.min(wakeTick, events.peek() >>> DEVICE_BITS);
            long now = at(k);
            if (k == wakeTick) {
                wake(now);
            }
            while (!events.isEmpty() && events.peek() >>> DEVICE_BITS == k) {
                decide((int) (events.poll() & (MAX_DEVICES - 1)), now);
            }
            if (evaluated(now)) {
                return result(now);
            }
        }
        if (endedWaiting >= 0) { // as the engine, which pauses the campaign once its window has ended
            return result(endedWaiting);
        }
        throw new IllegalStateException("the simulated campaign neither completed nor paused");
    }

    /** Something waits at {@code now} for the window: the engine's first tick after it opens takes it up. */
    private void waitForWindow(long now) {
        long opens = window.opensAt(now);
        if (opens >= WindowTimes.NEVER) {
            endedWaiting = endedWaiting < 0 ? now : endedWaiting;
        } else if (waitingSince < 0) {
            waitingSince = now;
            wakeTick = tickAtOrAfter(opens);
        }
    }

    /** The window has opened: the retries held back are decided again (a phase waiting starts in the evaluation). */
    private void wake(long now) {
        waited += now - waitingSince;
        waitingSince = -1;
        wakeTick = -1;
        int[] devices = Arrays.copyOf(held, heldCount);
        heldCount = 0;
        for (int i : devices) {
            decide(i, now);
        }
    }

    /** The time of tick {@code k}. */
    private long at(long k) {
        return offset + k * tick;
    }

    /** The first tick at or after {@code t}. */
    private long tickAtOrAfter(long t) {
        return t <= offset ? 0 : (t - offset + tick - 1) / tick;
    }

    /** Starts phase {@code p}, unless the window is closed: then the first tick after it opens does. */
    private void startPhase(int p, long now) {
        if (!window.open(now)) {
            waitForWindow(now);
            return;
        }
        phaseStarted[p] = now;
        for (int i = phaseFrom[p]; i < phaseFrom[p + 1]; i++) {
            give(i, now);
        }
    }

    /** Gives device {@code i} a download at {@code now}: works out the attempt and queues the tick that sees its end. */
    private void give(int i, long now) {
        Twin twin = twins[i];
        UpdateCost cost = twin.cost();
        FailureChances chances = twin.chances();
        attempts[i]++;
        boolean retry = attempts[i] > 1;
        long pickup = pickup(i, now);
        long deadline = tickAtOrAfter(now + timeout);
        long before = payload + http + tcp;
        long seenAt;
        if (pickup > at(deadline)) {
            ending[i] = NOT_PICKED_UP;
            nextCheckin[i] = pickup;
            seenAt = deadline;
        } else {
            http += cost.pickupHttp();
            tcp += cost.pickupTcp();
            byte outcome = outcome(i, chances);
            if (outcome == FAULT_SILENT) {
                fault[i] = FAULT_SILENT;
                nextCheckin[i] = NEVER;
                ending[i] = STALLED;
                seenAt = tickAtOrAfter(at(tickAtOrAfter(pickup)) + timeout);
            } else {
                double corrupt = corruptParts(cost);
                double downloadMillis = cost.downloadMillis() + Math.abs(corrupt);
                boolean fails = outcome == FAULT_FAILED || corrupt < 0;
                payload += cost.payload();
                http += cost.restHttp();
                tcp += cost.restTcp();
                long updating = pickup + Math.round(cost.pickupMillis() + downloadMillis);
                long reported = updating + setup.device().installTime().toMillis()
                        + (fails ? 0 : setup.device().rebootTime().toMillis()) + Math.round(cost.resultMillis());
                fault[i] = fails ? FAULT_FAILED : NO_FAULT;
                nextCheckin[i] = reported + checkinGap(twin);
                long stalledAt = tickAtOrAfter(at(tickAtOrAfter(updating)) + timeout);
                if (at(stalledAt) < reported) {
                    ending[i] = STALLED; // installing and rebooting take longer than the device timeout
                    seenAt = stalledAt;
                } else {
                    ending[i] = fails ? FAILED : SUCCEEDED;
                    seenAt = tickAtOrAfter(reported);
                }
            }
        }
        if (retry) {
            retryBytes += payload + http + tcp - before;
        }
        events.add(seenAt << DEVICE_BITS | i);
    }

    /** When device {@code i} next checks in after {@code now} (never, while it is silent). */
    private long pickup(int i, long now) {
        long interval = Math.max(1, twins[i].checkinMillis());
        long next = nextCheckin[i];
        if (next == NEVER) {
            if (random.nextDouble() < twins[i].chances().again()) {
                return NEVER;
            }
            fault[i] = NO_FAULT; // it came back
            next = -1;
        }
        if (next < 0) {
            return now + random.nextLong(interval); // a device checks in at any moment of its interval
        }
        while (next < now) {
            next += Math.round(interval * (1 + jitterShare * (2 * random.nextDouble() - 1)));
        }
        return next;
    }

    private long checkinGap(Twin twin) {
        return Math.max(1, Math.round(twin.checkinMillis() * (1 + jitterShare * (2 * random.nextDouble() - 1))));
    }

    /** Whether this attempt fails, goes silent or works; a retry repeats the last fault at the chance {@code again}. */
    private byte outcome(int i, FailureChances chances) {
        if (fault[i] != NO_FAULT) {
            return random.nextDouble() < chances.again() ? fault[i] : NO_FAULT;
        }
        double r = random.nextDouble();
        return r < chances.failed() ? FAULT_FAILED : r < chances.failed() + chances.silent() ? FAULT_SILENT : NO_FAULT;
    }

    /**
     * Draws the corrupt parts of one download (each fetched again after the device's backoff, until it
     * gives up) and adds their bytes; returns the time they add, negated when the device gave up.
     */
    private double corruptParts(UpdateCost cost) {
        double q = cost.corruptChance();
        if (q <= 0) {
            return 0;
        }
        DeviceSettings d = setup.device();
        double added = 0;
        double logKeep = Math.log1p(-q);
        long part = -1;
        while (true) {
            part += 1 + (long) Math.floor(Math.log(1 - random.nextDouble()) / logKeep);
            if (part >= cost.parts()) {
                return added;
            }
            int tries = 0;
            do {
                tries++;
                if (tries > d.maxRetries()) {
                    return -(added + 1);
                }
                added += cost.partMillis() + Math.min(30_000, d.retryBackoff().toMillis() << Math.min(tries - 1, 16));
                payload += cost.partPayload();
                http += cost.partHttp();
                tcp += cost.partTcp();
                retryBytes += cost.partPayload() + cost.partHttp() + cost.partTcp();
            } while (random.nextDouble() < q);
        }
    }

    /** The engine sees at {@code now} how device {@code i}'s attempt ended, and decides through the rules. */
    private void decide(int i, long now) {
        DeviceFacts facts = switch (ending[i]) {
            case SUCCEEDED -> new DeviceFacts(ActionState.SUCCEEDED, true, Duration.ZERO, attempts[i]);
            case FAILED -> new DeviceFacts(ActionState.FAILED, true, Duration.ZERO, attempts[i]);
            case STALLED -> new DeviceFacts(ActionState.DOWNLOADING, false, setup.budget().timeout(), attempts[i]);
            default -> new DeviceFacts(ActionState.PENDING, false, setup.budget().timeout(), attempts[i]);
        };
        DeviceVerdict verdict = RolloutRules.decide(facts, setup.budget(), window.open(now));
        int p = phaseOf[i];
        switch (verdict) {
            case WAIT_FOR_RUN -> {
                if (heldCount == held.length) {
                    held = Arrays.copyOf(held, heldCount * 2);
                }
                held[heldCount++] = i;
                waitForWindow(now);
            }
            case FOLLOW -> {
                succeeded[p]++;
                ended++;
            }
            case RETRY_FAILED, RETRY_STUCK -> give(i, now);
            case FAILED -> {
                failed[p]++;
                ended++;
            }
            case TIMED_OUT -> {
                timedOut[p]++;
                ended++;
            }
            default -> throw new IllegalStateException("a running campaign got " + verdict);
        }
    }

    /** {@link #evaluate}, and the trace of how the run stands after it. */
    private boolean evaluated(long now) {
        boolean over = evaluate(now);
        int p = Math.min(current, phaseStarted.length - 1);
        int devices = phaseFrom[p + 1] - phaseFrom[p];
        trace.add(now, IntStream.of(succeeded).sum(), devices == 0 ? 0 : 100.0 * (failed[p] + timedOut[p]) / devices);
        return over;
    }

    /** The engine's step over the phases at {@code now}; true when the run is over (completed or paused). */
    private boolean evaluate(long now) {
        int phases = phaseStarted.length;
        while (current < phases) {
            if (phaseStarted[current] < 0) {
                startPhase(current, now);
            }
            PhaseCounts n = new PhaseCounts(phaseFrom[current + 1] - phaseFrom[current], succeeded[current],
                    failed[current] + timedOut[current], 0);
            switch (RolloutRules.decide(n, current == phases - 1, setup.thresholds())) {
                case RUNNING -> {
                    return false;
                }
                case TOO_MANY_ERRORS, TOO_FEW_SUCCEEDED -> {
                    return true;
                }
                case DONE -> phaseDone[current++] = now;
            }
        }
        return RolloutRules.complete(counts());
    }

    /** The campaign's devices per action state, as the engine counts them (states with none left out). */
    private Map<ActionState, Integer> counts() {
        Map<ActionState, Integer> counts = new EnumMap<>(ActionState.class);
        put(counts, ActionState.SUCCEEDED, IntStream.of(succeeded).sum());
        put(counts, ActionState.FAILED, IntStream.of(failed).sum());
        put(counts, ActionState.TIMED_OUT, IntStream.of(timedOut).sum());
        put(counts, ActionState.PENDING, twins.length - ended);
        return counts;
    }

    private static void put(Map<ActionState, Integer> counts, ActionState state, int n) {
        if (n > 0) {
            counts.put(state, n);
        }
    }

    private RunResult result(long now) {
        boolean paused = current < phaseStarted.length;
        long closes = window.exists() ? window.closesAt(window.opensAt(0)) : WindowTimes.NEVER;
        return new RunResult(!paused, now, phaseStarted, phaseDone, IntStream.of(succeeded).sum(),
                IntStream.of(failed).sum(), IntStream.of(timedOut).sum(), paused ? current : -1, payload, http,
                tcp, retryBytes, trace, closes < now ? closes : -1, waited);
    }
}
