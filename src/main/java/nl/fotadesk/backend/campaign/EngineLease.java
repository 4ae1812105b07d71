package nl.fotadesk.backend.campaign;

import nl.fotadesk.backend.store.ClusterLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;

/**
 * Which node of a cluster runs the rollout engine's scheduled ticks: the one holding a lease in the
 * database, renewed on each tick. When that node dies, another takes over once the lease expires
 * (a few seconds); when it stops cleanly it gives the lease up at once. Correctness does not rest on
 * the lease (every change locks its campaign): it keeps the other nodes from doing the same work.
 */
public final class EngineLease {
    private static final Logger LOG = LoggerFactory.getLogger(EngineLease.class);
    /** How long a lease outlives its last renewal, at least; long enough for a slow tick to renew it in time. */
    static final Duration MIN_TTL = Duration.ofSeconds(5);

    private final ClusterLocks locks;
    private final Duration ttl;
    private final String node;
    private volatile boolean held;

    /** @param tick how often the holder renews the lease */
    public EngineLease(ClusterLocks locks, Duration tick) {
        this.locks = locks;
        Duration threeTicks = tick.multipliedBy(3);
        this.ttl = threeTicks.compareTo(MIN_TTL) > 0 ? threeTicks : MIN_TTL;
        // pid@host names the process in logs and in cluster_locks; the suffix tells two servers in one JVM apart
        this.node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Takes or renews the lease: whether this node runs the engine until the next call. */
    public boolean hold() {
        boolean now = locks.lease(ClusterLocks.ROLLOUT_ENGINE, node, ttl);
        if (now != held) {
            LOG.info(now ? "This node ({}) runs the rollout engine" : "Node {} lost the rollout engine's lease to another node",
                    node);
        }
        held = now;
        return now;
    }

    /** Gives the lease up, if this node has it, so another node takes over without waiting. */
    public void release() {
        if (held) {
            held = false;
            locks.release(ClusterLocks.ROLLOUT_ENGINE, node);
        }
    }
}
