package nl.fotadesk.backend.store;

import java.sql.SQLException;
import java.util.Set;

/** A database failure; callers treat it as an internal error, never as the client's fault. */
public class StoreException extends RuntimeException {
    /**
     * A transaction the database aborted for another's sake, which a new attempt resolves: 40001
     * serialization failure (and H2's deadlock), 40P01 PostgreSQL deadlock, 55P03 PostgreSQL lock not
     * available, HYT00 H2 lock timeout.
     */
    private static final Set<String> TRANSIENT = Set.of("40001", "40P01", "55P03", "HYT00");

    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** True when the failure is a unique or primary key violation (SQLSTATE 23505 in H2 and PostgreSQL). */
    public boolean isDuplicateKey() {
        return getCause() instanceof SQLException e && "23505".equals(e.getSQLState());
    }

    /** True when the database aborted the transaction for a concurrent one's sake; trying again resolves it. */
    public boolean isTransient() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null && TRANSIENT.contains(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
