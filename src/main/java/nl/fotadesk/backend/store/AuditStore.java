package nl.fotadesk.backend.store;

import nl.fotadesk.protocol.api.AuditEntry;
import nl.fotadesk.protocol.api.AuditQuery;
import nl.fotadesk.protocol.api.Role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail: appended in the transaction of the change it records, read newest first. A line
 * without a role (an unknown name's refused sign-in) holds '' in the role column, which V8 made NOT NULL.
 */
public final class AuditStore {
    private static final String NO_ROLE = "";

    private final Jdbc jdbc;

    public AuditStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void append(AuditEntry entry) {
        jdbc.update("INSERT INTO audit_log (at, actor, role, action, object, detail, source, outcome)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Instant.parse(entry.time()), entry.actor(),
                entry.role() == null ? NO_ROLE : entry.role().wireName(),
                entry.action(), entry.object(), entry.detail(), entry.source(), entry.outcome());
    }

    public List<AuditEntry> page(AuditQuery query, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(query, params);
        params.add(limit);
        params.add(offset);
        return jdbc.list("SELECT at, actor, role, action, object, detail, source, outcome FROM audit_log" + where
                        + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?",
                rs -> new AuditEntry(Jdbc.instant(rs, "at").toString(), rs.getString("actor"), role(rs.getString("role")),
                        rs.getString("action"), rs.getString("object"), rs.getString("detail"), rs.getString("source"),
                        rs.getString("outcome")), params.toArray());
    }

    private static Role role(String stored) {
        return stored.equals(NO_ROLE) ? null : Role.fromWire(stored);
    }

    public long count(AuditQuery query) {
        List<Object> params = new ArrayList<>();
        return jdbc.count("SELECT COUNT(*) FROM audit_log" + where(query, params), params.toArray());
    }

    private static String where(AuditQuery query, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        if (query.actor() != null) {
            conditions.add("actor = ?");
            params.add(query.actor());
        }
        if (query.action() != null) {
            conditions.add("action = ?");
            params.add(query.action());
        }
        if (query.object() != null) {
            conditions.add("object LIKE ? ESCAPE '\\'");
            params.add(query.object().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (query.since() != null) {
            conditions.add("at >= ?");
            params.add(query.since());
        }
        if (query.until() != null) {
            conditions.add("at < ?");
            params.add(query.until());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }
}
