package nl.fotadesk.backend.store;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The named locks of {@code cluster_locks}, shared by every node on the database: leases held for
 * a while by one node, and mutexes held for one transaction. Lease times come from the database's
 * clock, so nodes whose clocks differ still agree on when a lease has expired.
 */
public final class ClusterLocks {
    /** The lease of the node that runs the rollout engine. */
    public static final String ROLLOUT_ENGINE = "rollout-engine";
    /** The mutex of operations that give devices to a campaign. */
    public static final String DEVICE_CLAIMS = "device-claims";

    private final Jdbc jdbc;

    public ClusterLocks(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes or renews lease {@code name} for {@code holder} until {@code ttl} from now, unless another
     * holder's lease is still running.
     *
     * @return whether {@code holder} holds the lease now
     */
    public boolean lease(String name, String holder, Duration ttl) {
        Instant now = jdbc.one("SELECT CURRENT_TIMESTAMP", rs -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .orElseThrow();
        return jdbc.update("UPDATE cluster_locks SET holder = ?, expires_at = ?"
                + " WHERE name = ? AND (holder = ? OR holder IS NULL OR expires_at <= ?)",
                holder, now.plus(ttl), name, holder, now) == 1;
    }

    /** Gives lease {@code name} up at once, if {@code holder} has it, so another node need not wait for it to expire. */
    public void release(String name, String holder) {
        jdbc.update("UPDATE cluster_locks SET holder = NULL, expires_at = CURRENT_TIMESTAMP WHERE name = ? AND holder = ?",
                name, holder);
    }

    /** Locks mutex {@code name} until the surrounding transaction ends; waits while another has it. */
    public void lockUntilCommit(String name) {
        jdbc.one("SELECT name FROM cluster_locks WHERE name = ? FOR UPDATE", rs -> rs.getString(1), name)
                .orElseThrow(() -> new IllegalStateException("no cluster lock named " + name));
    }
}
