package nl.fotadesk.device.fleet;

import nl.fotadesk.device.Device;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs many devices on a few threads: one timer thread hands each due step to a bounded pool of
 * workers, and a device's next step is scheduled when its current one returns. A device therefore
 * never runs two steps at once, and a fleet of thousands needs no more threads than the pool.
 */
public final class FleetRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FleetRunner.class);
    private final ScheduledExecutorService timer;
    private final ExecutorService workers;
    private volatile boolean closed;

    public FleetRunner(int workerThreads) {
        timer = Executors.newSingleThreadScheduledExecutor(named("fleet-timer"));
        workers = Executors.newFixedThreadPool(workerThreads, named("fleet-worker"));
    }

    /** Starts a device; its first step comes after {@code delay}. */
    public void start(Device device, Duration delay) {
        schedule(device, delay);
    }

    private void schedule(Device device, Duration delay) {
        if (closed) {
            return;
        }
        if (delay.isZero()) {
            workers.execute(() -> run(device));
        } else {
            timer.schedule(() -> workers.execute(() -> run(device)), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void run(Device device) {
        if (closed) {
            return;
        }
        Duration next;
        try {
            next = device.step();
        } catch (RuntimeException e) {
            LOG.error("Device {} failed a step; it stops", device.imei(), e);
            return;
        }
        try {
            schedule(device, next);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the runner is closing
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        timer.shutdownNow();
        workers.shutdown();
        if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
            workers.shutdownNow();
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
