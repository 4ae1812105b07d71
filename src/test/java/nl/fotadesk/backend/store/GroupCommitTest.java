package nl.fotadesk.backend.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupCommitTest {
    @TempDir
    Path data;
    private Database database;
    private Jdbc jdbc;
    private final ExecutorService answers = Executors.newFixedThreadPool(4);
    private GroupCommit writes;

    @BeforeEach
    void open() {
        database = Database.inFolder(data);
        jdbc = database.jdbc();
        jdbc.update("CREATE TABLE notes (id INT PRIMARY KEY, text VARCHAR(16) NOT NULL)");
        writes = new GroupCommit(jdbc, answers, 16);
    }

    @AfterEach
    void close() throws Exception {
        writes.close();
        answers.shutdownNow();
        database.close();
    }

    @Test
    void completesEachUnitOnlyOnceItsBatchIsCommittedAndVisibleToOthers() throws Exception {
        CountDownLatch writerBusy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> blocker = writes.submit(() -> {
            writerBusy.countDown();
            await(release);
            return insert(0);
        });
        assertThat(writerBusy.await(10, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<Long>> seen = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            int id = i;
            // Completed on another thread, which reads through its own connection: the row must be there.
            seen.add(writes.submit(() -> insert(id)).thenApplyAsync(
                    x -> jdbc.count("SELECT COUNT(*) FROM notes WHERE id = ?", id), answers));
        }
        assertThat(jdbc.count("SELECT COUNT(*) FROM notes")).as("nothing is committed before the batch").isZero();
        release.countDown();
        assertThat(blocker.get(10, TimeUnit.SECONDS)).isZero();
        for (CompletableFuture<Long> count : seen) {
            assertThat(count.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
    }

    @Test
    void aFailingUnitFailsAloneAndTheRestOfItsBatchIsCommitted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> blocker = writes.submit(() -> {
            await(release);
            return insert(0);
        });
        CompletableFuture<Integer> before = writes.submit(() -> insert(1));
        CompletableFuture<Integer> bad = writes.submit(() -> {
            insert(2);
            throw new IllegalStateException("refused after writing");
        });
        CompletableFuture<Integer> duplicate = writes.submit(() -> insert(1));
        CompletableFuture<Integer> after = writes.submit(() -> insert(3));
        release.countDown();

        assertThat(blocker.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(before.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(after.get(10, TimeUnit.SECONDS)).isEqualTo(3);
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> duplicate.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(StoreException.class).matches(e -> ((StoreException) e).isDuplicateKey());
        assertThat(jdbc.list("SELECT id FROM notes ORDER BY id", rs -> rs.getInt(1))).containsExactly(0, 1, 3);
    }

    @Test
    void runsTheInputsOfOneKindTogetherInOrder() throws Exception {
        CountDownLatch writerBusy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        writes.submit(() -> {
            writerBusy.countDown();
            await(release);
            return 0;
        });
        assertThat(writerBusy.await(10, TimeUnit.SECONDS)).isTrue();
        List<List<String>> calls = new ArrayList<>();
        GroupCommit.Kind<String, String> upper = inputs -> {
            calls.add(List.copyOf(inputs));
            return inputs.stream().map(String::toUpperCase).toList();
        };
        CompletableFuture<String> a = writes.submit(upper, "a");
        CompletableFuture<String> b = writes.submit(upper, "b");
        CompletableFuture<String> c = writes.submit(upper, "c");
        release.countDown();
        assertThat(List.of(a.get(10, TimeUnit.SECONDS), b.get(10, TimeUnit.SECONDS), c.get(10, TimeUnit.SECONDS)))
                .containsExactly("A", "B", "C");
        assertThat(calls).containsExactly(List.of("a", "b", "c"));
    }

    @Test
    void refusesAtOnceWhenTheQueueIsFullAndAcceptsAgainOnceItDrains() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> blocker = writes.submit(() -> {
            await(release);
            return 0;
        });
        List<CompletableFuture<Integer>> queued = new ArrayList<>();
        Supplier<Integer> one = () -> 1;
        assertThatThrownBy(() -> {
            while (true) {
                queued.add(writes.submit(one));
            }
        }).isInstanceOf(GroupCommit.Full.class);
        assertThat(queued).hasSizeBetween(15, 16);
        release.countDown();
        blocker.get(10, TimeUnit.SECONDS);
        for (CompletableFuture<Integer> f : queued) {
            assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(writes.submit(one).get(10, TimeUnit.SECONDS)).isEqualTo(1);
    }

    @Test
    void commitsWhatIsQueuedWhenClosedAndRefusesLaterWork() throws Exception {
        List<CompletableFuture<Integer>> queued = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int id = i;
            queued.add(writes.submit(() -> insert(id)));
        }
        writes.close();
        for (CompletableFuture<Integer> f : queued) {
            assertThat(f.get(10, TimeUnit.SECONDS)).isNotNull();
        }
        assertThat(jdbc.count("SELECT COUNT(*) FROM notes")).isEqualTo(10);
        assertThatThrownBy(() -> writes.submit(() -> 1)).isInstanceOf(GroupCommit.Full.class);
    }

    private int insert(int id) {
        jdbc.update("INSERT INTO notes (id, text) VALUES (?, ?)", id, "note " + id);
        return id;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
