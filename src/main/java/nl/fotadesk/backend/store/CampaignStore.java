package nl.fotadesk.backend.store;

import nl.fotadesk.protocol.api.PhaseState;
import nl.fotadesk.protocol.api.ActionState;
import nl.fotadesk.protocol.api.CampaignState;
import nl.fotadesk.protocol.api.DeviceStatus;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Campaigns, their phases and their per-device actions. */
public final class CampaignStore {
    /** A campaign by id and name, as conflicts and messages name it. */
    public record CampaignRef(String id, String name) {
    }

    private static final String HOLDING = Stream.of(CampaignState.values()).filter(CampaignState::holdsDevices)
            .map(s -> "'" + s.wireName() + "'").collect(Collectors.joining(", "));
    private static final String OPEN_ACTION = Stream.of(ActionState.values()).filter(s -> !s.isTerminal())
            .map(s -> "'" + s.wireName() + "'").collect(Collectors.joining(", "));
    private static final String IN_FLIGHT = Stream.of(ActionState.values()).filter(ActionState::isInFlight)
            .map(s -> "'" + s.wireName() + "'").collect(Collectors.joining(", "));
    private static final String ACTION_SELECT = "SELECT a.*, d.status AS device_status, d.download_id AS device_download,"
            + " d.progress AS device_progress, d.fota_result AS device_result, dl.bytes_served AS device_bytes"
            + " FROM campaign_actions a JOIN devices d ON d.imei = a.imei LEFT JOIN downloads dl ON dl.id = d.download_id";

    private final Jdbc jdbc;

    public CampaignStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(CampaignRow c) {
        jdbc.update("INSERT INTO campaigns (id, name, firmware_id, state, target, success_threshold, error_threshold,"
                        + " device_timeout_s, max_retries, vendor_strict, scheduled_at, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                c.id(), c.name(), c.firmwareId(), c.state().wireName(), c.target(), c.successThreshold(),
                c.errorThreshold(), c.deviceTimeoutSeconds(), c.maxRetries(), c.vendorStrict(), c.scheduledAt(),
                c.createdAt());
    }

    /**
     * Reads the campaign and locks its row until the surrounding transaction ends: every change to a
     * campaign, by an operator or the engine on any node, starts here, so they happen one after another
     * and each decides on the state the previous one left.
     */
    public Optional<CampaignRow> lock(String id) {
        return jdbc.one("SELECT * FROM campaigns WHERE id = ? FOR UPDATE", CampaignStore::campaign, id);
    }

    /** The campaigns that hold a device {@code within} admits, newest first. */
    public List<CampaignRow> list(DeviceFilter within) {
        List<Object> params = new ArrayList<>();
        return jdbc.list("SELECT * FROM campaigns c WHERE " + hasDeviceWithin(within, params) + " ORDER BY c.created_at DESC",
                CampaignStore::campaign, params.toArray());
    }

    /**
     * The campaign, if it holds a device {@code within} admits: one query whether the campaign is unknown
     * or holds none of those devices, so the answer takes as long either way.
     */
    public Optional<CampaignRow> find(String id, DeviceFilter within) {
        List<Object> params = new ArrayList<>(List.of(id));
        return jdbc.one("SELECT * FROM campaigns c WHERE c.id = ? AND " + hasDeviceWithin(within, params),
                CampaignStore::campaign, params.toArray());
    }

    /** The SQL condition that campaign {@code c} holds a device {@code within} admits (always, when it admits all). */
    private static String hasDeviceWithin(DeviceFilter within, List<Object> params) {
        List<String> terms = within.terms(params);
        return terms.isEmpty() ? "1 = 1" : "EXISTS (SELECT 1 FROM campaign_actions a JOIN devices d ON d.imei = a.imei"
                + " WHERE a.campaign_id = c.id" + and(terms) + ")";
    }

    /** The ids of the campaigns in {@code states}, oldest first. */
    public List<String> idsInStates(CampaignState... states) {
        String in = Stream.of(states).map(s -> "'" + s.wireName() + "'").collect(Collectors.joining(", "));
        return jdbc.list("SELECT id FROM campaigns WHERE state IN (" + in + ") ORDER BY created_at", rs -> rs.getString(1));
    }

    public void setState(String id, CampaignState state, StateReason reason, Instant startedAt, Instant finishedAt) {
        jdbc.update("UPDATE campaigns SET state = ?, state_reason = ?, state_reason_code = ?, state_reason_args = ?,"
                + " started_at = COALESCE(started_at, ?), finished_at = ? WHERE id = ?", state.wireName(),
                reason.english(), reason.code(), EventArgs.json(reason.args()), startedAt, finishedAt, id);
    }

    public long usingFirmware(String firmwareId) {
        return jdbc.count("SELECT COUNT(*) FROM campaigns WHERE firmware_id = ?", firmwareId);
    }

    /** The campaigns with this image that hold a device {@code within} admits. */
    public long usingFirmware(String firmwareId, DeviceFilter within) {
        List<Object> params = new ArrayList<>(List.of(firmwareId));
        List<String> terms = within.terms(params);
        if (terms.isEmpty()) {
            return usingFirmware(firmwareId);
        }
        return jdbc.count("SELECT COUNT(DISTINCT a.campaign_id) FROM campaign_actions a"
                + " JOIN campaigns c ON c.id = a.campaign_id JOIN devices d ON d.imei = a.imei"
                + " WHERE c.firmware_id = ? AND " + String.join(" AND ", terms), params.toArray());
    }

    public void insertPhase(String campaignId, int index, int deviceCount) {
        jdbc.update("INSERT INTO campaign_phases (campaign_id, idx, device_count, state, ignore_errors)"
                + " VALUES (?, ?, ?, ?, FALSE)", campaignId, index, deviceCount, PhaseState.WAITING.wireName());
    }

    public List<PhaseRow> phases(String campaignId) {
        return jdbc.list("SELECT * FROM campaign_phases WHERE campaign_id = ? ORDER BY idx", rs -> new PhaseRow(
                rs.getString("campaign_id"), rs.getInt("idx"), rs.getInt("device_count"), PhaseState.fromWire(rs.getString("state")),
                rs.getBoolean("ignore_errors"), Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "finished_at")),
                campaignId);
    }

    /** Sets the phase's state, and its start or finish time when it starts or is done. */
    public void setPhaseState(String campaignId, int index, PhaseState state, Instant now) {
        jdbc.update("UPDATE campaign_phases SET state = ?,"
                        + " started_at = CASE WHEN ? = 'running' THEN ? ELSE started_at END,"
                        + " finished_at = CASE WHEN ? = 'done' THEN ? ELSE finished_at END"
                        + " WHERE campaign_id = ? AND idx = ?",
                state.wireName(), state.wireName(), now, state.wireName(), now, campaignId, index);
    }

    public void ignorePhaseErrors(String campaignId, int index) {
        jdbc.update("UPDATE campaign_phases SET ignore_errors = TRUE WHERE campaign_id = ? AND idx = ?", campaignId, index);
    }

    public void insertAction(String campaignId, String imei, int phase, int position, Instant now) {
        jdbc.update("INSERT INTO campaign_actions (campaign_id, imei, phase_idx, position, state, attempts, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, 0, ?)", campaignId, imei, phase, position, ActionState.WAITING.wireName(), now);
    }

    /** Actions of a campaign, optionally of one phase and/or in given states, in phase order. */
    public List<ActionRow> actions(String campaignId, Integer phase, List<ActionState> states, int offset, int limit) {
        return actions(campaignId, phase, states, DeviceFilter.ALL, offset, limit);
    }

    /** As {@link #actions(String, Integer, List, int, int)}, of the devices {@code within} admits only. */
    public List<ActionRow> actions(String campaignId, Integer phase, List<ActionState> states, DeviceFilter within,
                                   int offset, int limit) {
        List<Object> params = new ArrayList<>();
        params.add(campaignId);
        String where = " WHERE a.campaign_id = ?" + and(within.terms(params));
        if (phase != null) {
            where += " AND a.phase_idx = ?";
            params.add(phase);
        }
        if (states != null && !states.isEmpty()) {
            where += " AND a.state IN (" + states.stream().map(s -> "'" + s.wireName() + "'")
                    .collect(Collectors.joining(", ")) + ")";
        }
        params.add(limit);
        params.add(offset);
        return jdbc.list(ACTION_SELECT + where + " ORDER BY a.position LIMIT ? OFFSET ?", CampaignStore::action,
                params.toArray());
    }

    /** Actions a device is working on (notified or further, not finished), with the device's state. */
    public List<ActionRow> inFlight(String campaignId) {
        return jdbc.list(ACTION_SELECT + " WHERE a.campaign_id = ? AND a.state IN (" + IN_FLIGHT + ")",
                CampaignStore::action, campaignId);
    }

    public void updateAction(ActionRow a, ActionRow.Status s) {
        jdbc.update("UPDATE campaign_actions SET state = ?, attempts = ?, round_first_attempt = ?, download_id = ?, result_code = ?,"
                        + " progress = ?, bytes_served = ?, last_progress_at = ?, updated_at = ?"
                        + " WHERE campaign_id = ? AND imei = ?",
                s.state().wireName(), s.attempts(), s.roundFirstAttempt(), s.downloadId(), s.resultCode(), s.progress(), s.bytesServed(),
                s.lastProgressAt(), s.updatedAt(), a.campaignId(), a.imei());
    }

    /** How many actions are in each state, for the whole campaign ({@code phase} null) or one phase. */
    public Map<ActionState, Integer> counts(String campaignId, Integer phase) {
        return counts(campaignId, phase, DeviceFilter.ALL);
    }

    /** As {@link #counts(String, Integer)}, of the devices {@code within} admits only. */
    public Map<ActionState, Integer> counts(String campaignId, Integer phase, DeviceFilter within) {
        Map<ActionState, Integer> counts = new EnumMap<>(ActionState.class);
        List<Object> params = new ArrayList<>(List.of(campaignId));
        if (phase != null) {
            params.add(phase);
        }
        List<String> terms = within.terms(params);
        String sql = "SELECT a.state, COUNT(*) FROM campaign_actions a"
                + (terms.isEmpty() ? "" : " JOIN devices d ON d.imei = a.imei") + " WHERE a.campaign_id = ?"
                + (phase == null ? "" : " AND a.phase_idx = ?") + and(terms) + " GROUP BY a.state";
        jdbc.list(sql, rs -> counts.put(ActionState.fromWire(rs.getString(1)), rs.getInt(2)), params.toArray());
        return counts;
    }

    /** The campaign that holds a device now, if any. */
    public Optional<CampaignRef> holding(String imei) {
        return jdbc.one("SELECT c.id, c.name FROM campaign_actions a JOIN campaigns c ON c.id = a.campaign_id"
                + " WHERE a.imei = ? AND c.state IN (" + HOLDING + ") AND a.state IN (" + OPEN_ACTION + ")",
                rs -> new CampaignRef(rs.getString(1), rs.getString(2)), imei);
    }

    /** The campaign and phase (0-based) of the device's open action, if a campaign holds it. */
    public Optional<Map.Entry<String, Integer>> heldIn(String imei) {
        return jdbc.one("SELECT a.campaign_id, a.phase_idx FROM campaign_actions a JOIN campaigns c ON c.id = a.campaign_id"
                + " WHERE a.imei = ? AND c.state IN (" + HOLDING + ") AND a.state IN (" + OPEN_ACTION + ")",
                rs -> Map.entry(rs.getString(1), rs.getInt(2)), imei);
    }

    /** Every device held by a campaign now, with that campaign. */
    public Map<String, CampaignRef> held() {
        Map<String, CampaignRef> held = new HashMap<>();
        jdbc.list("SELECT a.imei, c.id, c.name FROM campaign_actions a JOIN campaigns c ON c.id = a.campaign_id"
                + " WHERE c.state IN (" + HOLDING + ") AND a.state IN (" + OPEN_ACTION + ")",
                rs -> held.put(rs.getString(1).trim(), new CampaignRef(rs.getString(2), rs.getString(3))));
        return held;
    }

    /** Each of {@code terms} as " AND term". */
    private static String and(List<String> terms) {
        return terms.stream().map(t -> " AND " + t).collect(Collectors.joining());
    }

    private static CampaignRow campaign(ResultSet rs) throws SQLException {
        return new CampaignRow(rs.getString("id"), rs.getString("name"), rs.getString("firmware_id"),
                CampaignState.fromWire(rs.getString("state")), rs.getString("target"), rs.getInt("success_threshold"),
                rs.getInt("error_threshold"), rs.getLong("device_timeout_s"), rs.getInt("max_retries"),
                rs.getBoolean("vendor_strict"), Jdbc.instant(rs, "scheduled_at"), stateReason(rs),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "finished_at"));
    }

    private static StateReason stateReason(ResultSet rs) throws SQLException {
        String english = rs.getString("state_reason");
        String code = rs.getString("state_reason_code");
        return english == null && code == null ? null
                : new StateReason(english, code, EventArgs.of(rs.getString("state_reason_args")));
    }

    private static ActionRow action(ResultSet rs) throws SQLException {
        long bytes = rs.getLong("bytes_served");
        Long actionBytes = rs.wasNull() ? null : bytes;
        long deviceBytes = rs.getLong("device_bytes");
        Long deviceBytesServed = rs.wasNull() ? null : deviceBytes;
        return new ActionRow(rs.getString("campaign_id"), rs.getString("imei").trim(), rs.getInt("phase_idx"),
                rs.getInt("position"), new ActionRow.Status(ActionState.fromWire(rs.getString("state")),
                rs.getInt("attempts"), rs.getInt("round_first_attempt"), rs.getString("download_id"), Jdbc.nullableInt(rs, "result_code"),
                Jdbc.nullableInt(rs, "progress"), actionBytes, Jdbc.instant(rs, "last_progress_at"),
                Jdbc.instant(rs, "updated_at")),
                new ActionRow.DeviceReport(DeviceStatus.fromWire(rs.getString("device_status")),
                        rs.getString("device_download"), Jdbc.nullableInt(rs, "device_progress"),
                        Jdbc.nullableInt(rs, "device_result"), deviceBytesServed));
    }
}
