package nl.fotadesk.backend.files;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parts this node may serve without asking the database: per download, what is left of the leases
 * it holds. A lease is served from only while it is valid here, which ends well before the database
 * would let another node take it back, so a stalled node stops serving before its parts can be reused.
 */
final class Allowances {
    private static final class Allowance {
        int remaining;
        boolean used;
        boolean closed;
        long validUntil;
        long generation;
    }

    private final Map<String, Allowance> held = new ConcurrentHashMap<>();
    /** Parts of closed allowances still to give back to the database. */
    private final Map<String, Integer> toRelease = new HashMap<>();
    private volatile long generation;

    /** Takes one part of the download's allowance; false when there is none (ask the database). */
    boolean take(String downloadId) {
        Allowance allowance = held.get(downloadId);
        if (allowance == null) {
            return false;
        }
        synchronized (allowance) {
            if (allowance.closed || allowance.remaining == 0 || System.nanoTime() - allowance.validUntil > 0) {
                return false;
            }
            allowance.remaining--;
            allowance.used = true;
            return true;
        }
    }

    /** Adds parts just leased (committed), valid until {@code validUntil} ({@link System#nanoTime()}). */
    void add(String downloadId, int parts, long validUntil) {
        held.compute(downloadId, (id, allowance) -> {
            // an allowance leaves the map before it is closed, so one found here is open
            Allowance to = allowance == null ? new Allowance() : allowance;
            synchronized (to) {
                to.remaining += parts;
                to.used = true;
                to.validUntil = validUntil;
                to.generation = generation;
            }
            return to;
        });
    }

    /** Stops serving the download here (it ended); what is left is given back at the next reconciliation. */
    void close(String downloadId) {
        Allowance allowance = held.remove(downloadId);
        if (allowance != null) {
            close(downloadId, allowance);
        }
    }

    private void close(String downloadId, Allowance allowance) {
        int left;
        synchronized (allowance) {
            allowance.closed = true;
            left = allowance.remaining;
            allowance.remaining = 0;
        }
        if (left > 0) {
            synchronized (toRelease) {
                toRelease.merge(downloadId, left, Integer::sum);
            }
        }
    }

    /**
     * Starts a reconciliation: closes the allowances not used since the last one (a device that stopped
     * fetching should not keep parts from other nodes) and returns every part to give back. Leases added
     * from now on belong to the next reconciliation.
     */
    Map<String, Integer> startReconciliation() {
        generation++;
        held.forEach((id, allowance) -> {
            boolean idle;
            synchronized (allowance) {
                idle = !allowance.used || allowance.remaining == 0;
                allowance.used = false;
            }
            if (idle && held.remove(id, allowance)) {
                close(id, allowance);
            }
        });
        synchronized (toRelease) {
            Map<String, Integer> release = new HashMap<>(toRelease);
            toRelease.clear();
            return release;
        }
    }

    /** Gives back parts again at the next reconciliation, since this one failed. */
    void releaseLater(Map<String, Integer> release) {
        synchronized (toRelease) {
            release.forEach((id, parts) -> toRelease.merge(id, parts, Integer::sum));
        }
    }

    /**
     * Ends a reconciliation that committed: the leases the database still has for this node, on active
     * downloads, are valid until {@code validUntil}; the others (ended downloads, leases taken back) are
     * closed, except those leased after the reconciliation started.
     */
    void reconciled(Map<String, Boolean> activeByLease, long validUntil) {
        long started = generation;
        held.forEach((id, allowance) -> {
            boolean keep;
            synchronized (allowance) {
                keep = Boolean.TRUE.equals(activeByLease.get(id)) || allowance.generation >= started;
                if (keep && activeByLease.containsKey(id)) {
                    allowance.validUntil = validUntil;
                }
            }
            if (!keep && held.remove(id, allowance)) {
                close(id, allowance);
            }
        });
    }
}
