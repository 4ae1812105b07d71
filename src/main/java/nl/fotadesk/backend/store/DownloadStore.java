package nl.fotadesk.backend.store;

import java.time.Instant;
import java.util.Optional;

public final class DownloadStore {
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

    public void deactivate(String id) {
        jdbc.update("UPDATE downloads SET active = FALSE WHERE id = ?", id);
    }

    /** Sets a download's counts (tests start a download near its limit with it). */
    public void saveCounters(String id, int requestCount, long bytesServed) {
        jdbc.update("UPDATE downloads SET request_count = ?, bytes_served = ? WHERE id = ?",
                requestCount, bytesServed, id);
    }
}
