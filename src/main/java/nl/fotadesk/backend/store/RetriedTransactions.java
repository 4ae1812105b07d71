package nl.fotadesk.backend.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Transactions that are run again when the database aborted them for the sake of another one
 * (deadlock, serialization failure, lock wait timeout): with several nodes on one database this is
 * a normal outcome of contention, never an error to show. Call outside any transaction.
 */
public final class RetriedTransactions {
    private static final Logger LOG = LoggerFactory.getLogger(RetriedTransactions.class);
    private static final int ATTEMPTS = 8;

    private final Jdbc jdbc;

    public RetriedTransactions(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public <T> T run(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbc.inTransaction(work);
            } catch (StoreException e) {
                if (attempt == ATTEMPTS || !e.isTransient()) {
                    throw e;
                }
                LOG.debug("Transaction aborted by the database ({}); trying again", e.getMessage());
                // a short random pause, growing with each attempt, so the two sides do not collide again
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1, 10L << attempt) * 1_000_000);
            }
        }
    }
}
