package nl.fotadesk.backend.files;

import nl.fotadesk.backend.store.GroupCommit;
import nl.fotadesk.backend.store.Jdbc;
import nl.fotadesk.backend.store.PartJournal;
import nl.fotadesk.backend.store.PartLeaseStore;
import nl.fotadesk.backend.store.RetriedTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Durable part counting without a database write per part (docs/durability.md). A node serves a part
 * from an allowance it leased from the database, records it in its journal on disk before the answer,
 * and every {@link #EVERY} adds its journal to the database in one transaction that also gives back idle
 * allowances, renews its leases, takes back other nodes' expired ones and re-reads whether its leased
 * downloads are still active. At start the journal is counted before anything is served.
 */
public final class PartCounting implements AutoCloseable {
    /** How often the journal is counted and leased downloads re-checked: twice within the promised second. */
    public static final Duration EVERY = Duration.ofMillis(500);
    /**
     * How long a lease lives in the database without renewal before any node may take it back (by the
     * database's clock).
     */
    public static final Duration LEASE_TTL = Duration.ofSeconds(30);
    /** How long this node serves from a lease after its last renewal: well inside {@link #LEASE_TTL}. */
    static final Duration VALID_HERE = Duration.ofSeconds(20);
    private static final Logger LOG = LoggerFactory.getLogger(PartCounting.class);

    private final String nodeId;
    private final Jdbc jdbc;
    private final PartLeaseStore leases;
    private final RetriedTransactions transactions;
    private final PartJournal journal;
    private final Allowances allowances = new Allowances();
    private final ScheduledExecutorService schedule;

    private PartCounting(String nodeId, Jdbc jdbc, PartJournal journal) {
        this.nodeId = nodeId;
        this.jdbc = jdbc;
        this.leases = new PartLeaseStore(jdbc);
        this.transactions = new RetriedTransactions(jdbc);
        this.journal = journal;
        this.schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "part-counting");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens the journal in {@code folder} (of this node's own), counts what it holds beyond the database,
     * gives back the leases this node held before, and starts counting every {@link #EVERY}.
     *
     * @param answers where answers waiting for the journal are released
     */
    public static PartCounting start(Path folder, Jdbc jdbc, Executor answers) throws IOException {
        PartJournal journal = new PartJournal(folder, jdbc.isPostgres(), answers, GroupCommit.DEFAULT_CAPACITY);
        PartCounting counting;
        try {
            counting = new PartCounting(nodeId(folder), jdbc, journal);
            counting.replay();
        } catch (IOException | RuntimeException e) {
            closeQuietly(journal);
            throw e;
        }
        long every = EVERY.toMillis();
        counting.schedule.scheduleWithFixedDelay(counting::reconcileScheduled, every, every, TimeUnit.MILLISECONDS);
        return counting;
    }

    /** Counts the records a crash left uncounted (those after the last reconciliation) exactly once. */
    private void replay() throws IOException {
        long reconciled = leases.reconciledSeq(nodeId);
        Map<String, PartJournal.Delta> deltas = new TreeMap<>();
        long last = reconciled;
        for (PartJournal.Part part : journal.recovered()) {
            if (part.seq() > reconciled) {
                deltas.merge(part.downloadId(), new PartJournal.Delta(1, part.bytes()), PartJournal.Delta::plus);
                last = Math.max(last, part.seq());
            }
        }
        long counted = last;
        transactions.run(() -> {
            deltas.forEach((id, delta) -> leases.count(nodeId, id, delta.requests(), delta.bytes()));
            leases.saveReconciledSeq(nodeId, counted);
            leases.releaseAll(nodeId);
            return null;
        });
        if (!deltas.isEmpty()) {
            LOG.info("Counted {} parts served before the last stop from the journal", deltas.values().stream()
                    .mapToInt(PartJournal.Delta::requests).sum());
        }
        journal.deleteCounted(counted);
    }

    /** Takes a part of this node's allowance of the download; false when it has none (lease more). */
    boolean take(String downloadId) {
        return allowances.take(downloadId);
    }

    /**
     * Leases {@code parts} of a download whose row is locked in the current transaction; of them,
     * {@code spare} become this node's allowance once it commits.
     */
    void lease(String downloadId, int parts, int spare) {
        long validUntil = System.nanoTime() + VALID_HERE.toNanos();
        leases.grant(nodeId, downloadId, parts, leases.now().plus(LEASE_TTL));
        if (spare > 0) {
            jdbc.afterCommit(() -> allowances.add(downloadId, spare, validUntil));
        }
    }

    /**
     * Records a part taken from a lease; the future completes once it is on disk.
     *
     * @throws GroupCommit.Full when too many wait already (the part goes back to the database)
     */
    CompletableFuture<Void> record(String downloadId, long bytes) {
        try {
            return journal.append(downloadId, bytes);
        } catch (GroupCommit.Full e) {
            allowances.releaseLater(Map.of(downloadId, 1));
            throw e;
        }
    }

    /** Stops serving an ended download here at once (other nodes notice within {@link #EVERY}). */
    void ended(String downloadId) {
        allowances.close(downloadId);
    }

    private void reconcileScheduled() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again
            LOG.error("Could not count served parts; will try again", e);
        }
    }

    /** One reconciliation (run every {@link #EVERY}; tests call it to see counts at once). */
    public synchronized void reconcile() {
        long started = System.nanoTime();
        Map<String, Integer> release = allowances.startReconciliation();
        PartJournal.Pending pending = journal.takePending();
        Map<String, Boolean> held;
        try {
            held = transactions.run(() -> {
                // downloads in id order, so nodes lock their rows in the same order
                Set<String> ids = new TreeSet<>(pending.deltas().keySet());
                ids.addAll(release.keySet());
                for (String id : ids) {
                    PartJournal.Delta delta = pending.deltas().get(id);
                    if (delta != null) {
                        leases.count(nodeId, id, delta.requests(), delta.bytes());
                    }
                    Integer unused = release.get(id);
                    if (unused != null) {
                        leases.release(nodeId, id, unused);
                    }
                }
                Instant now = leases.now();
                leases.renew(nodeId, now, now.plus(LEASE_TTL));
                leases.saveReconciledSeq(nodeId, pending.lastSeq());
                return leases.held(nodeId);
            });
        } catch (RuntimeException e) {
            journal.restore(pending);
            allowances.releaseLater(release);
            throw e;
        }
        allowances.reconciled(held, started + VALID_HERE.toNanos());
        try {
            journal.deleteCounted(pending.lastSeq());
        } catch (IOException e) {
            LOG.warn("Could not delete counted segments of the part journal; they stay until the next try", e);
        }
    }

    /** Counts what is journaled, gives back all leases and closes the journal (after the servers stopped). */
    @Override
    public void close() throws Exception {
        schedule.shutdown();
        schedule.awaitTermination(10, TimeUnit.SECONDS);
        journal.close();
        try {
            reconcile();
            transactions.run(() -> {
                leases.releaseAll(nodeId);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not count the last served parts at stop; they are counted at the next start", e);
        }
    }

    /** This node's name in the database, kept in its journal folder (a new folder is a new node). */
    private static String nodeId(Path folder) throws IOException {
        Path file = folder.resolve("node-id");
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        }
        String id = UUID.randomUUID().toString();
        Path temporary = folder.resolve("node-id.new");
        Files.writeString(temporary, id, StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        return id;
    }

    private static void closeQuietly(PartJournal journal) {
        try {
            journal.close();
        } catch (Exception e) {
            LOG.warn("Could not close the part journal", e);
        }
    }
}
