package nl.fotadesk.backend.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Group commit: units of work queued by many concurrent requests run on one writer thread in one
 * transaction, and each unit's future completes only once that transaction has committed. A request
 * answered from its future is therefore answered after what it acknowledges is stored, at the cost of
 * one commit per batch rather than one per request.
 * <p>
 * When a batch fails, its units run again one by one, each in its own transaction, so a bad unit fails
 * alone. The queue is bounded: when it is full, {@link #submit} throws {@link Full} and no caller ever
 * waits for room.
 */
public final class GroupCommit implements AutoCloseable {
    /**
     * Work of one kind that runs for many requests at once inside the batch's transaction, e.g. all part
     * counts of a batch lock their download rows with one statement.
     */
    @FunctionalInterface
    public interface Kind<I, O> {
        /** @return one result per input, in the order of the inputs */
        List<O> run(List<I> inputs);
    }

    /** The queue is full (or the writer stopped): the caller asks its client to come back later. */
    public static final class Full extends RuntimeException {
        Full() {
            super("too many writes are waiting", null, false, false);
        }
    }

    public static final int DEFAULT_CAPACITY = 8192;
    private static final int MAX_BATCH = 1024;
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    /** Units with nothing to share: each runs its own supplier. */
    private static final Kind<Supplier<?>, Object> EACH = inputs -> {
        List<Object> results = new ArrayList<>(inputs.size());
        for (Supplier<?> work : inputs) {
            results.add(work.get());
        }
        return results;
    };

    private static final class Unit<I, O> {
        final Kind<I, O> kind;
        final I input;
        final CompletableFuture<O> result = new CompletableFuture<>();

        Unit(Kind<I, O> kind, I input) {
            this.kind = kind;
            this.input = input;
        }

        @SuppressWarnings("unchecked")
        void answer(BatchWriter<?> writer, Object value, Throwable failure) {
            writer.answer(result, (O) value, failure);
        }

        Object runAlone() {
            return kind.run(List.of(input)).get(0);
        }
    }

    /** Batches run again when the database aborts them for another transaction's sake (a deadlock with the engine). */
    private final RetriedTransactions transactions;
    private final BatchWriter<Unit<?, ?>> writer;

    /**
     * @param answers where futures are completed, so the writer goes on with the next batch while the
     *                answers of the last one are sent (e.g. the HTTP server's thread pool)
     */
    public GroupCommit(Jdbc jdbc, Executor answers, int capacity) {
        this.transactions = new RetriedTransactions(jdbc);
        this.writer = new BatchWriter<>("group-commit", capacity, MAX_BATCH, answers, this::commit);
    }

    /**
     * Queues {@code input} for {@code kind}; the future completes with its result once it is committed.
     *
     * @throws Full when the queue is full or the writer stopped
     */
    public <I, O> CompletableFuture<O> submit(Kind<I, O> kind, I input) {
        Unit<I, O> unit = new Unit<>(kind, input);
        if (!writer.offer(unit)) {
            throw new Full();
        }
        return unit.result;
    }

    /**
     * Queues {@code work} on its own; the future completes with its result once it is committed.
     *
     * @throws Full when the queue is full or the writer stopped
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> CompletableFuture<T> submit(Supplier<T> work) {
        return (CompletableFuture<T>) submit((Kind) EACH, work);
    }

    private void commit(List<Unit<?, ?>> batch) {
        Object[] results;
        try {
            results = transactions.run(() -> runByKind(batch));
        } catch (RuntimeException | Error e) {
            if (batch.size() == 1) {
                batch.get(0).answer(writer, null, e);
            } else {
                LOG.debug("A batch of {} writes failed; running them one by one", batch.size(), e);
                batch.forEach(this::commitAlone);
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).answer(writer, results[i], null);
        }
    }

    private void commitAlone(Unit<?, ?> unit) {
        Object result;
        try {
            result = transactions.run(unit::runAlone);
        } catch (RuntimeException | Error e) {
            unit.answer(writer, null, e);
            return;
        }
        unit.answer(writer, result, null);
    }

    /** Runs every kind once with all its inputs of the batch; the results in the order of the batch. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object[] runByKind(List<Unit<?, ?>> batch) {
        Map<Kind<?, ?>, List<Integer>> byKind = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            byKind.computeIfAbsent(batch.get(i).kind, k -> new ArrayList<>()).add(i);
        }
        Object[] results = new Object[batch.size()];
        for (Map.Entry<Kind<?, ?>, List<Integer>> group : byKind.entrySet()) {
            List<Integer> positions = group.getValue();
            List<Object> inputs = new ArrayList<>(positions.size());
            for (int i : positions) {
                inputs.add(batch.get(i).input);
            }
            List<?> outputs = ((Kind) group.getKey()).run(inputs);
            for (int j = 0; j < positions.size(); j++) {
                results[positions.get(j)] = outputs.get(j);
            }
        }
        return results;
    }

    /** Commits what is queued, then stops; later submissions throw {@link Full}. */
    @Override
    public void close() throws InterruptedException {
        for (Unit<?, ?> late : writer.close()) {
            late.result.completeExceptionally(new Full());
        }
    }
}
