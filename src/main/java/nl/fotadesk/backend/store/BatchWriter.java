package nl.fotadesk.backend.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One writer thread that takes what many request threads queue, as many as wait (up to a maximum) at
 * a time, and writes them as one batch: the shape of both the group commit and the part journal. The
 * queue is bounded, so a full one refuses at once and no caller ever waits for room.
 */
final class BatchWriter<T> {
    private final BlockingQueue<T> queue;
    private final int maxBatch;
    private final Consumer<List<T>> write;
    private final Executor answers;
    private final Thread writer;
    private volatile boolean closed;

    /**
     * @param answers where the futures of a written batch are completed, each in its own task, so the
     *                writer goes on with the next batch while they are answered (measured faster than
     *                handing a batch's answers over in a few larger tasks)
     */
    BatchWriter(String name, int capacity, int maxBatch, Executor answers, Consumer<List<T>> write) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        this.answers = answers;
        this.write = write;
        this.writer = new Thread(this::run, name);
        writer.setDaemon(true);
        writer.start();
    }

    /** @return false when the queue is full or the writer stopped */
    boolean offer(T item) {
        return !closed && queue.offer(item);
    }

    /** Completes {@code future} on the answering executor (here, when that no longer takes tasks). */
    <R> void answer(CompletableFuture<R> future, R result, Throwable failure) {
        Runnable complete = failure == null ? () -> future.complete(result) : () -> future.completeExceptionally(failure);
        try {
            answers.execute(complete);
        } catch (RejectedExecutionException e) {
            complete.run();
        }
    }

    private void run() {
        List<T> batch = new ArrayList<>();
        while (true) {
            T first;
            try {
                // a timed poll rather than an interrupt to stop: an interrupt closes a FileChannel, and
                // inside JDBC can close H2's file
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                if (closed) {
                    return;
                }
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, maxBatch - 1);
            write.accept(batch);
            batch.clear();
        }
    }

    /**
     * Writes what is queued, then stops.
     *
     * @return what was queued too late to be written
     */
    List<T> close() throws InterruptedException {
        closed = true;
        writer.join();
        List<T> late = new ArrayList<>();
        queue.drainTo(late);
        return late;
    }
}
