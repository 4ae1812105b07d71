package nl.fotadesk.backend.store;

import nl.fotadesk.backend.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two transactions that lock two rows in opposite order deadlock; the one the database aborts runs again. */
class RetriedTransactionsTest {
    @TempDir
    Path data;

    @Test
    void aDeadlockOnPostgreSqlEndsWithBothTransactionsDone() throws Exception {
        try (Database db = Database.open(TestPostgres.newDatabase(), TestPostgres.USER, TestPostgres.PASSWORD)) {
            deadlockAndRecover(db);
        }
    }

    @Test
    void aDeadlockOnH2EndsWithBothTransactionsDone() throws Exception {
        try (Database db = Database.inFolder(data)) {
            deadlockAndRecover(db);
        }
    }

    @Test
    void otherFailuresAreNotTriedAgain() {
        try (Database db = Database.inFolder(data)) {
            RetriedTransactions transactions = new RetriedTransactions(db.jdbc());
            AtomicInteger attempts = new AtomicInteger();
            assertThatThrownBy(() -> transactions.run(() -> {
                attempts.incrementAndGet();
                return db.jdbc().update("INSERT INTO cluster_locks (name, expires_at) VALUES (?, CURRENT_TIMESTAMP)",
                        ClusterLocks.ROLLOUT_ENGINE);
            })).isInstanceOf(StoreException.class).matches(e -> ((StoreException) e).isDuplicateKey());
            assertThat(attempts).hasValue(1);
        }
    }

    private static void deadlockAndRecover(Database db) throws Exception {
        RetriedTransactions transactions = new RetriedTransactions(db.jdbc());
        ClusterLocks locks = new ClusterLocks(db.jdbc());
        CyclicBarrier bothHoldTheirFirst = new CyclicBarrier(2);
        AtomicInteger attempts = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> done = threads.invokeAll(List.of(
                    () -> lockBoth(transactions, locks, ClusterLocks.ROLLOUT_ENGINE, ClusterLocks.DEVICE_CLAIMS,
                            bothHoldTheirFirst, attempts),
                    () -> lockBoth(transactions, locks, ClusterLocks.DEVICE_CLAIMS, ClusterLocks.ROLLOUT_ENGINE,
                            bothHoldTheirFirst, attempts)), 60, TimeUnit.SECONDS);
            for (Future<String> f : done) {
                assertThat(f.get()).isEqualTo("done");
            }
            assertThat(attempts.get()).as("attempts of both, one of them aborted and run again").isGreaterThanOrEqualTo(3);
        } finally {
            threads.shutdownNow();
        }
    }

    /** Locks {@code first}, waits (on its first attempt) until the other holds its first, then locks {@code second}. */
    private static String lockBoth(RetriedTransactions transactions, ClusterLocks locks, String first, String second,
                                   CyclicBarrier bothHoldTheirFirst, AtomicInteger attempts) {
        AtomicInteger mine = new AtomicInteger();
        return transactions.run(() -> {
            attempts.incrementAndGet();
            locks.lockUntilCommit(first);
            if (mine.incrementAndGet() == 1) {
                try {
                    bothHoldTheirFirst.await(20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            locks.lockUntilCommit(second);
            return "done";
        });
    }
}
