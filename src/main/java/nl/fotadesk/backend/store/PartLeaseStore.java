package nl.fotadesk.backend.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Parts of downloads leased to nodes, and what each node's journal added to the counts. The invariant
 * {@code request_count + leased <= limit} is kept by every statement here: a node only serves parts it
 * holds a lease on, so the limit holds across nodes without a database write per part.
 */
public final class PartLeaseStore {
    /** A download's row as a lease is decided, locked until the transaction ends. */
    public record Allowance(boolean active, int requestCount, int leased) {
    }

    /** A lease not renewed in time, to be taken back. */
    private record Expired(String nodeId, String downloadId, int parts) {
    }

    private final Jdbc jdbc;

    public PartLeaseStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The database's clock, which every lease's expiry is measured by (node clocks may differ). */
    public Instant now() {
        return jdbc.one("SELECT CURRENT_TIMESTAMP", rs -> rs.getObject(1, OffsetDateTime.class).toInstant()).orElseThrow();
    }

    public Optional<Allowance> lock(String downloadId) {
        return jdbc.one("SELECT active, request_count, leased FROM downloads WHERE id = ? FOR UPDATE",
                rs -> new Allowance(rs.getBoolean("active"), rs.getInt("request_count"), rs.getInt("leased")),
                downloadId);
    }

    /** Leases {@code parts} more of a download (its row locked by {@link #lock}) to the node. */
    public void grant(String nodeId, String downloadId, int parts, Instant expiresAt) {
        jdbc.update("UPDATE downloads SET leased = leased + ? WHERE id = ?", parts, downloadId);
        if (jdbc.update("UPDATE part_leases SET parts = parts + ?, expires_at = ? WHERE node_id = ? AND download_id = ?",
                parts, expiresAt, nodeId, downloadId) == 0) {
            jdbc.update("INSERT INTO part_leases (node_id, download_id, parts, expires_at) VALUES (?, ?, ?, ?)",
                    nodeId, downloadId, parts, expiresAt);
        }
    }

    /**
     * Counts parts the node served from its lease: they leave the lease for the download's counts. Parts
     * of a lease taken back meanwhile (the node was stalled past its expiry) are counted all the same.
     */
    public void count(String nodeId, String downloadId, int requests, long bytes) {
        boolean fromLease = jdbc.update("UPDATE part_leases SET parts = parts - ? WHERE node_id = ? AND download_id = ?"
                + " AND parts >= ?", requests, nodeId, downloadId, requests) == 1;
        jdbc.update("UPDATE downloads SET request_count = request_count + ?, bytes_served = bytes_served + ?,"
                + " leased = leased - ? WHERE id = ?", requests, bytes, fromLease ? requests : 0, downloadId);
    }

    /** Gives back {@code parts} of the node's lease that it will not serve. */
    public void release(String nodeId, String downloadId, int parts) {
        if (jdbc.update("UPDATE part_leases SET parts = parts - ? WHERE node_id = ? AND download_id = ? AND parts >= ?",
                parts, nodeId, downloadId, parts) == 1) {
            jdbc.update("UPDATE downloads SET leased = leased - ? WHERE id = ?", parts, downloadId);
        }
    }

    /** Gives back all the node holds (at its start, after its journal was counted, and when it stops). */
    public void releaseAll(String nodeId) {
        List<Expired> held = jdbc.list("SELECT node_id, download_id, parts FROM part_leases WHERE node_id = ?"
                + " ORDER BY download_id", PartLeaseStore::expired, nodeId);
        held.forEach(this::takeBack);
    }

    /** Extends the node's leases, drops those used up, and takes back every node's expired leases. */
    public void renew(String nodeId, Instant now, Instant expiresAt) {
        jdbc.update("DELETE FROM part_leases WHERE node_id = ? AND parts = 0", nodeId);
        jdbc.update("UPDATE part_leases SET expires_at = ? WHERE node_id = ?", expiresAt, nodeId);
        List<Expired> expired = jdbc.list("SELECT node_id, download_id, parts FROM part_leases WHERE expires_at < ?"
                + " ORDER BY download_id", PartLeaseStore::expired, now);
        expired.forEach(this::takeBack);
    }

    private void takeBack(Expired lease) {
        if (jdbc.update("DELETE FROM part_leases WHERE node_id = ? AND download_id = ? AND parts = ?",
                lease.nodeId, lease.downloadId, lease.parts) == 1) {
            jdbc.update("UPDATE downloads SET leased = leased - ? WHERE id = ?", lease.parts, lease.downloadId);
        }
    }

    /** The downloads the node holds leases on, each with whether it is still active. */
    public Map<String, Boolean> held(String nodeId) {
        return jdbc.list("SELECT pl.download_id, d.active FROM part_leases pl JOIN downloads d ON d.id = pl.download_id"
                        + " WHERE pl.node_id = ?", rs -> Map.entry(rs.getString(1), rs.getBoolean(2)), nodeId)
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The last record of the node's journal that is counted, 0 when none is. */
    public long reconciledSeq(String nodeId) {
        return jdbc.one("SELECT reconciled_seq FROM part_journals WHERE node_id = ?", rs -> rs.getLong(1), nodeId)
                .orElse(0L);
    }

    public void saveReconciledSeq(String nodeId, long seq) {
        if (jdbc.update("UPDATE part_journals SET reconciled_seq = ? WHERE node_id = ?", seq, nodeId) == 0) {
            jdbc.update("INSERT INTO part_journals (node_id, reconciled_seq) VALUES (?, ?)", nodeId, seq);
        }
    }

    private static Expired expired(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Expired(rs.getString("node_id"), rs.getString("download_id"), rs.getInt("parts"));
    }
}
