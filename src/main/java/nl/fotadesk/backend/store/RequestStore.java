package nl.fotadesk.backend.store;

import nl.fotadesk.protocol.api.RequestState;
import nl.fotadesk.protocol.api.Role;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Update requests, their history and comments (one ordered list of events), and their devices' old versions. */
public final class RequestStore {
    /**
     * One entry of a request's events: a state change ({@code state} set) or a comment ({@code state} null);
     * a state change the server describes has its {@code code} and {@code args} (a JSON array) beside the text.
     */
    public record EventRow(Instant at, String actor, String actorName, Role role, RequestState state, String text,
                           String code, String args) {
    }

    private final Jdbc jdbc;

    public RequestStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(RequestRow r) {
        jdbc.update("INSERT INTO update_requests (id, state, requested_by, requester, client, device_type, version,"
                        + " release_notes, target, wished_window, contact, file_name, sha256, size, crc32, device_count,"
                        + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(), r.state().wireName(), r.requestedBy(), r.requester(), r.client(), r.deviceType(), r.version(),
                r.releaseNotes(), r.target(), r.wishedWindow(), r.contact(), r.fileName(), r.sha256(), r.size(),
                r.crc32(), r.deviceCount(), r.createdAt(), r.updatedAt());
    }

    public Optional<RequestRow> find(String id) {
        return jdbc.one("SELECT * FROM update_requests WHERE id = ?", RequestStore::request, id);
    }

    /** Reads the request and locks it until the transaction ends, so its transitions happen one at a time. */
    public Optional<RequestRow> lock(String id) {
        return jdbc.one("SELECT * FROM update_requests WHERE id = ? FOR UPDATE", RequestStore::request, id);
    }

    /** Requests, newest first, optionally in one state. */
    public List<RequestRow> list(RequestState state) {
        return state == null
                ? jdbc.list("SELECT * FROM update_requests ORDER BY created_at DESC, id", RequestStore::request)
                : jdbc.list("SELECT * FROM update_requests WHERE state = ? ORDER BY created_at DESC, id",
                RequestStore::request, state.wireName());
    }

    public void setState(String id, RequestState state, String reason, String campaignId, Instant now) {
        jdbc.update("UPDATE update_requests SET state = ?, reason = COALESCE(?, reason),"
                + " campaign_id = COALESCE(?, campaign_id), updated_at = ? WHERE id = ?",
                state.wireName(), reason, campaignId, now, id);
    }

    public void touch(String id, Instant now) {
        jdbc.update("UPDATE update_requests SET updated_at = ? WHERE id = ?", now, id);
    }

    public void addEvent(String requestId, EventRow e) {
        jdbc.update("INSERT INTO request_events (request_id, at, actor, actor_name, role, state, text, code, args)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", requestId, e.at(), e.actor(), e.actorName(),
                e.role().wireName(), e.state() == null ? null : e.state().wireName(), e.text(), e.code(), e.args());
    }

    public List<EventRow> events(String requestId) {
        return jdbc.list("SELECT * FROM request_events WHERE request_id = ? ORDER BY id", rs -> new EventRow(
                Jdbc.instant(rs, "at"), rs.getString("actor"), rs.getString("actor_name"),
                Role.fromWire(rs.getString("role")), rs.getString("state") == null ? null
                : RequestState.fromWire(rs.getString("state")), rs.getString("text"), rs.getString("code"),
                rs.getString("args")), requestId);
    }

    /** Records the version each device runs as the request is approved (the report's "old version"). */
    public void insertDevices(String requestId, Map<String, String> oldVersions) {
        List<Object[]> rows = new ArrayList<>();
        oldVersions.forEach((imei, version) -> rows.add(new Object[]{requestId, imei, version}));
        jdbc.batch("INSERT INTO request_devices (request_id, imei, old_version) VALUES (?, ?, ?)", rows);
    }

    /** The approved request's devices in IMEI order, each with its old version (null when it reported none). */
    public List<Map.Entry<String, String>> devices(String requestId) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        jdbc.list("SELECT imei, old_version FROM request_devices WHERE request_id = ? ORDER BY imei",
                rs -> out.add(new AbstractMap.SimpleImmutableEntry<>(rs.getString(1).trim(), rs.getString(2))),
                requestId);
        return out;
    }

    private static RequestRow request(ResultSet rs) throws SQLException {
        return new RequestRow(rs.getString("id"), RequestState.fromWire(rs.getString("state")),
                rs.getString("requested_by"), rs.getString("requester"), rs.getString("client"),
                rs.getString("device_type"), rs.getString("version"), rs.getString("release_notes"),
                rs.getString("target"), rs.getString("wished_window"), rs.getString("contact"), rs.getString("file_name"),
                rs.getString("sha256"), rs.getLong("size"), rs.getString("crc32").trim(), rs.getInt("device_count"),
                rs.getString("reason"), rs.getString("campaign_id"), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "updated_at"));
    }
}
