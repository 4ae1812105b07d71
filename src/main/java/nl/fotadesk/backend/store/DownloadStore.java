package nl.fotadesk.backend.store;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

public final class DownloadStore {
    /** What changes about a download as it is served. */
    public record Counters(boolean active, int requestCount, long bytesServed) {
    }

    private final Jdbc jdbc;

    public DownloadStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String id, String imei, String firmwareId, boolean vendorStrict, Instant now) {
        jdbc.update("INSERT INTO downloads (id, imei, firmware_id, active, vendor_strict, request_count, bytes_served,"
                + " created_at) VALUES (?, ?, ?, TRUE, ?, 0, 0, ?)", id, imei, firmwareId, vendorStrict, now);
    }

    public Optional<DownloadRow> find(String id) {
        return jdbc.one("SELECT dl.id, dl.imei, dl.active, dl.request_count, dl.bytes_served,"
                + " f.id AS fid, f.device_type, f.version, f.size, f.sha256, f.crc32, f.uploaded_at"
                + " FROM downloads dl JOIN firmware f ON f.id = dl.firmware_id WHERE dl.id = ?", rs -> new DownloadRow(
                rs.getString("id"), rs.getString("imei"), rs.getBoolean("active"), rs.getInt("request_count"),
                rs.getLong("bytes_served"), new FirmwareRow(rs.getString("fid"), rs.getString("device_type"),
                rs.getString("version"), rs.getLong("size"), rs.getString("sha256"), rs.getString("crc32"),
                Jdbc.instant(rs, "uploaded_at"))), id);
    }

    /**
     * The counters of the downloads {@code ids} (those that exist), their rows locked until the current
     * transaction ends, in id order so that two writers locking overlapping sets do not deadlock.
     */
    public Map<String, Counters> lockCounters(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Counters> counters = new HashMap<>();
        jdbc.list("SELECT id, active, request_count, bytes_served FROM downloads WHERE id IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ") ORDER BY id FOR UPDATE",
                rs -> Map.entry(rs.getString("id"), new Counters(rs.getBoolean("active"),
                        rs.getInt("request_count"), rs.getLong("bytes_served"))), ids.toArray())
                .forEach(row -> counters.put(row.getKey(), row.getValue()));
        return counters;
    }

    public void deactivate(String id) {
        jdbc.update("UPDATE downloads SET active = FALSE WHERE id = ?", id);
    }

    public void saveToken(String id, String token, Instant expiresAt) {
        jdbc.update("UPDATE downloads SET token = ?, token_expires_at = ? WHERE id = ?", token, expiresAt, id);
    }

    public void saveCounters(String id, int requestCount, long bytesServed) {
        jdbc.update("UPDATE downloads SET request_count = ?, bytes_served = ? WHERE id = ?",
                requestCount, bytesServed, id);
    }
}
