package nl.fotadesk.backend.store;

import nl.fotadesk.backend.secrets.SealedText;
import nl.fotadesk.backend.secrets.SecretBox;
import nl.fotadesk.protocol.api.DeviceStatus;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Devices; their secrets, and their downloads' tokens, are sealed with the master key in the database. */
public final class DeviceStore {
    private static final String SELECT = "SELECT d.*, f.version AS desired_version, f.size AS desired_size,"
            + " f.sha256 AS desired_sha256, dl.token, dl.token_expires_at, dl.bytes_served, dl.vendor_strict"
            + " FROM devices d LEFT JOIN firmware f ON f.id = d.desired_firmware_id"
            + " LEFT JOIN downloads dl ON dl.id = d.download_id";

    /** Rows sealed per transaction when clear values of an older version are sealed at start. */
    private static final int SEAL_BATCH = 500;

    private final Jdbc jdbc;
    private final SecretBox box;

    public DeviceStore(Jdbc jdbc, SecretBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    /** @throws StoreException with {@link StoreException#isDuplicateKey()} when the IMEI exists */
    public void insert(String imei, String deviceType, String client, String secret, String firmware, Instant now) {
        jdbc.update("INSERT INTO devices (imei, device_type, client, secret, reported_firmware, status, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", imei, deviceType, client, box.seal(secret, secretContext(imei)),
                firmware, DeviceStatus.IN_SYNC.wireName(), now);
    }

    /** Keeps a download's token (sealed) and its expiry, so the same token is sent again until it is renewed. */
    public void saveDownloadToken(String downloadId, String token, Instant expiresAt) {
        jdbc.update("UPDATE downloads SET token = ?, token_expires_at = ? WHERE id = ?",
                box.seal(token, tokenContext(downloadId)), expiresAt, downloadId);
    }

    /**
     * Seals the device secrets and download tokens an older version stored in clear. Each row is
     * replaced only while it still holds the clear value, so nodes starting together do not collide.
     *
     * @return how many values were sealed
     */
    public int sealClearValues() {
        return sealClear("SELECT imei, secret FROM devices WHERE secret NOT LIKE ? ORDER BY imei",
                "UPDATE devices SET secret = ? WHERE imei = ? AND secret = ?", DeviceStore::secretContext)
                + sealClear("SELECT id, token FROM downloads WHERE token IS NOT NULL AND token NOT LIKE ? ORDER BY id",
                "UPDATE downloads SET token = ? WHERE id = ? AND token = ?", DeviceStore::tokenContext);
    }

    private int sealClear(String select, String update, UnaryOperator<String> context) {
        int sealed = 0;
        List<String[]> batch;
        do {
            batch = jdbc.list(select + " LIMIT " + SEAL_BATCH, rs -> new String[]{rs.getString(1), rs.getString(2)},
                    SecretBox.SEALED_LIKE);
            List<String[]> rows = batch;
            sealed += jdbc.inTransaction(() -> rows.stream().mapToInt(r -> jdbc.update(update,
                    box.seal(r[1], context.apply(r[0])), r[0], r[1])).sum());
        } while (batch.size() == SEAL_BATCH);
        return sealed;
    }

    private static String secretContext(String imei) {
        return "device-secret/" + imei;
    }

    private static String tokenContext(String downloadId) {
        return "download-token/" + downloadId;
    }

    public Optional<DeviceRow> find(String imei) {
        return jdbc.one(SELECT + " WHERE d.imei = ?", this::map, imei);
    }

    public List<DeviceRow> page(DeviceFilter filter, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = filter.where(params);
        params.add(limit);
        params.add(offset);
        return jdbc.list(SELECT + where + " ORDER BY d.imei LIMIT ? OFFSET ?", this::map, params.toArray());
    }

    /** Every device that matches, in IMEI order. */
    public List<DeviceRow> all(DeviceFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = filter.where(params);
        return jdbc.list(SELECT + where + " ORDER BY d.imei", this::map, params.toArray());
    }

    public long count(DeviceFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = filter.where(params);
        return jdbc.count("SELECT COUNT(*) FROM devices d" + where, params.toArray());
    }

    /**
     * Stores what an uplink reported, unless the device's update changed since {@code read} was read
     * (a new desired firmware, a timeout): then nothing is written and the caller reads again. The
     * check-in interval is kept in the same row update ({@link CheckinInterval}).
     */
    public boolean recordUplink(DeviceRow read, String reportedFirmware, DeviceStatus status, Integer progress,
                                String fotaState, Integer fotaResult, String telemetry, Instant lastSeen) {
        Duration interval = CheckinInterval.next(read.reported(), fotaState, lastSeen);
        return jdbc.update("UPDATE devices SET reported_firmware = ?, status = ?, progress = ?, fota_state = ?,"
                        + " fota_result = ?, telemetry = ?, last_seen = ?, checkin_interval_ms = ?"
                        + " WHERE imei = ? AND status = ? AND download_id IS NOT DISTINCT FROM ?",
                reportedFirmware, status.wireName(), progress, fotaState, fotaResult, telemetry, lastSeen,
                interval == null ? null : interval.toMillis(), read.imei(),
                read.status().wireName(), read.download().id()) == 1;
    }

    /** Points the device at a new desired firmware and download (null when nothing is to be done). */
    public void setDesired(String imei, String firmwareId, String downloadId, DeviceStatus status) {
        jdbc.update("UPDATE devices SET desired_firmware_id = ?, download_id = ?, status = ?, progress = NULL,"
                + " fota_result = NULL WHERE imei = ?", firmwareId, downloadId, status.wireName(), imei);
    }

    public void setStatus(String imei, DeviceStatus status) {
        jdbc.update("UPDATE devices SET status = ? WHERE imei = ?", status.wireName(), imei);
    }

    /** Moves the device to {@code to} only while its update {@code downloadId} is in state {@code from}. */
    public void advance(String imei, String downloadId, DeviceStatus from, DeviceStatus to) {
        jdbc.update("UPDATE devices SET status = ? WHERE imei = ? AND download_id = ? AND status = ?",
                to.wireName(), imei, downloadId, from.wireName());
    }

    private static Duration checkinInterval(ResultSet rs) throws SQLException {
        long ms = rs.getLong("checkin_interval_ms");
        return rs.wasNull() ? null : Duration.ofMillis(ms);
    }

    private DeviceRow map(ResultSet rs) throws SQLException {
        long size = rs.getLong("desired_size");
        Long desiredSize = rs.wasNull() ? null : size;
        long served = rs.getLong("bytes_served");
        Long bytesServed = rs.wasNull() ? null : served;
        String downloadId = rs.getString("download_id");
        return new DeviceRow(rs.getString("imei"), rs.getString("device_type"), rs.getString("client"),
                new SealedText(box, rs.getString("secret"), secretContext(rs.getString("imei"))),
                DeviceStatus.fromWire(rs.getString("status")), Jdbc.nullableInt(rs, "progress"),
                new DeviceRow.Reported(rs.getString("reported_firmware"), rs.getString("fota_state"),
                        Jdbc.nullableInt(rs, "fota_result"), rs.getString("telemetry"), Jdbc.instant(rs, "last_seen"),
                        checkinInterval(rs)),
                new DeviceRow.Desired(rs.getString("desired_firmware_id"), rs.getString("desired_version"), desiredSize,
                        rs.getString("desired_sha256")),
                new DeviceRow.Download(downloadId, new SealedText(box, rs.getString("token"), tokenContext(downloadId)),
                        Jdbc.instant(rs, "token_expires_at"), bytesServed, rs.getBoolean("vendor_strict")),
                Jdbc.instant(rs, "created_at"));
    }
}
