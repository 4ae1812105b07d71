package nl.fotadesk.backend.store;

import java.sql.SQLException;

/** A database failure; callers treat it as an internal error, never as the client's fault. */
public class StoreException extends RuntimeException {
    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** True when the failure is a unique or primary key violation (SQLSTATE 23505 in H2 and PostgreSQL). */
    public boolean isDuplicateKey() {
        return getCause() instanceof SQLException e && "23505".equals(e.getSQLState());
    }
}
