package nl.fotadesk.backend.accounts;

import nl.fotadesk.backend.store.AuditStore;
import nl.fotadesk.protocol.api.AuditEntry;
import nl.fotadesk.protocol.api.AuditQuery;
import nl.fotadesk.protocol.api.Page;
import nl.fotadesk.protocol.api.Role;

import java.time.Clock;
import java.util.List;

/**
 * Who did what: every change is recorded with its actor, in the transaction of the change itself, so
 * the trail holds exactly what happened. Operators read all of it, others their own actions.
 */
public final class AuditTrail {
    private final AuditStore store;
    private final Clock clock;

    public AuditTrail(AuditStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Records a change {@code actor} made; call it inside the change's transaction. */
    public void done(Principal actor, String action, String object, String detail) {
        append(actor.username(), actor.role(), actor.source(), action, object, detail, AuditEntry.OK);
    }

    /** Records an attempt that was refused (a failed sign-in, a forbidden change). */
    public void refused(Principal actor, String action, String object, String detail) {
        append(actor.username(), actor.role(), actor.source(), action, object, detail, AuditEntry.REFUSED);
    }

    /** Records a refused attempt in the name of no user (a sign-in as an unknown username): it has no role. */
    public void refusedUnknown(String name, String source, String action, String object, String detail) {
        append(name, null, source, action, object, detail, AuditEntry.REFUSED);
    }

    /**
     * A page of what {@code reader} may read: operators all, others their own actions, so another actor's
     * lines are an empty page to them.
     */
    public Page<AuditEntry> page(Principal reader, AuditQuery query, int offset, int limit) {
        if (!reader.isOperator() && query.actor() != null && !query.actor().equals(reader.username())) {
            return new Page<>(List.of(), 0, offset, limit);
        }
        AuditQuery allowed = reader.isOperator() ? query : query.byActor(reader.username());
        return new Page<>(store.page(allowed, offset, limit), store.count(allowed), offset, limit);
    }

    private void append(String actor, Role role, String source, String action, String object, String detail,
                        String outcome) {
        store.append(new AuditEntry(clock.instant().toString(), actor, role, action, object,
                detail == null ? null : shortened(detail), source, outcome));
    }

    private static String shortened(String detail) {
        return detail.length() <= 1024 ? detail : detail.substring(0, 1023) + "…";
    }
}
