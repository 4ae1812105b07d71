package nl.fotadesk.protocol.api;

import java.time.Instant;

/**
 * Which audit lines to read ({@code GET /api/v1/audit}); null fields select everything. {@code object}
 * matches a prefix (e.g. {@code device/} for every device); {@code since} is inclusive, {@code until} not.
 */
public record AuditQuery(String actor, String action, String object, Instant since, Instant until) {
    public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null);

    public AuditQuery byActor(String onlyActor) {
        return new AuditQuery(onlyActor, action, object, since, until);
    }
}
