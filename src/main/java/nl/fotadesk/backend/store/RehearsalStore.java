package nl.fotadesk.backend.store;

import nl.fotadesk.protocol.api.ActionState;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a rehearsal reads (the twin's devices, the outcomes of past campaigns) and the forecasts it keeps. */
public final class RehearsalStore {
    private final Jdbc jdbc;

    public RehearsalStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A device as the twin needs it: type, reported firmware, and check-in interval in ms (null: not seen yet). */
    public record TwinRow(String deviceType, String firmware, Long checkinMillis) {
    }

    /** The twin facts of every device, by IMEI: one query, however many devices a campaign targets. */
    public Map<String, TwinRow> twins() {
        Map<String, TwinRow> rows = new HashMap<>();
        jdbc.list("SELECT imei, device_type, reported_firmware, checkin_interval_ms FROM devices", rs -> {
            long ms = rs.getLong(4);
            rows.put(rs.getString(1), new TwinRow(rs.getString(2), rs.getString(3), rs.wasNull() ? null : ms));
            return null;
        });
        return rows;
    }

    /**
     * The ended updates of past campaigns for one device type and image version, in one final state:
     * how many, their attempts, and how many needed more than one.
     */
    public record Outcomes(String deviceType, String version, ActionState state, long actions, long attempts,
                           long retried) {
    }

    /** Every campaign's ended updates (succeeded, failed, timed out), per image device type, version and state. */
    public List<Outcomes> outcomes() {
        return jdbc.list("SELECT f.device_type, f.version, a.state, COUNT(*), SUM(a.attempts),"
                        + " SUM(CASE WHEN a.attempts > 1 THEN 1 ELSE 0 END)"
                        + " FROM campaign_actions a JOIN campaigns c ON c.id = a.campaign_id"
                        + " JOIN firmware f ON f.id = c.firmware_id WHERE a.state IN (?, ?, ?)"
                        + " GROUP BY f.device_type, f.version, a.state",
                rs -> new Outcomes(rs.getString(1), rs.getString(2), ActionState.fromWire(rs.getString(3)),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6)),
                ActionState.SUCCEEDED.wireName(), ActionState.FAILED.wireName(), ActionState.TIMED_OUT.wireName());
    }

    /** Keeps the latest forecast of a campaign (JSON), replacing an earlier one. */
    public void saveForecast(String campaignId, String json, Instant at) {
        jdbc.inTransaction(() -> {
            jdbc.update("DELETE FROM campaign_forecasts WHERE campaign_id = ?", campaignId);
            jdbc.update("INSERT INTO campaign_forecasts (campaign_id, forecast, created_at) VALUES (?, ?, ?)",
                    campaignId, json, at);
            return null;
        });
    }

    public record StoredForecast(String json, Instant at) {
    }

    public Optional<StoredForecast> forecast(String campaignId) {
        return jdbc.one("SELECT forecast, created_at FROM campaign_forecasts WHERE campaign_id = ?",
                rs -> new StoredForecast(rs.getString(1), Jdbc.instant(rs, "created_at")), campaignId);
    }

    /** Firmware bytes served for the last attempt of each of a campaign's devices. */
    public long bytesServed(String campaignId) {
        return jdbc.count("SELECT COALESCE(SUM(bytes_served), 0) FROM campaign_actions WHERE campaign_id = ?",
                campaignId);
    }
}
