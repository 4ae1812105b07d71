package nl.fotadesk.backend.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The part journal on a real folder: what it acknowledged is there when it is opened again. */
class PartJournalTest {
    @TempDir
    Path folder;
    private final ExecutorService answers = Executors.newFixedThreadPool(2);
    private final String one = UUID.randomUUID().toString();
    private final String two = UUID.randomUUID().toString();

    @AfterEach
    void stop() {
        answers.shutdownNow();
    }

    @ParameterizedTest(name = "forced to disk: {0}")
    @ValueSource(booleans = {true, false})
    void everyAcknowledgedPartIsReadBackInOrderAndTotalledPerDownload(boolean force) throws Exception {
        PartJournal journal = new PartJournal(folder, force, answers, 1024);
        List<CompletableFuture<Void>> written = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            written.add(journal.append(i % 2 == 0 ? one : two, i));
        }
        CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).get();
        PartJournal.Pending pending = journal.takePending();
        assertThat(pending.lastSeq()).isEqualTo(50);
        assertThat(pending.deltas()).isEqualTo(Map.of(one, new PartJournal.Delta(25, 600), two, new PartJournal.Delta(25, 625)));
        // and from many threads at once, as the HTTP server's threads append
        List<CompletableFuture<Void>> together = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            together.add(CompletableFuture.supplyAsync(() -> journal.append(one, 3), answers).thenCompose(w -> w));
        }
        CompletableFuture.allOf(together.toArray(CompletableFuture[]::new)).get();
        assertThat(journal.takePending()).isEqualTo(new PartJournal.Pending(Map.of(one, new PartJournal.Delta(400, 1200)), 450));
        assertThat(journal.takePending().deltas()).as("handed over once").isEmpty();
        journal.close();

        PartJournal again = new PartJournal(folder, force, answers, 64);
        assertThat(again.recovered()).hasSize(450);
        assertThat(again.recovered().get(49)).isEqualTo(new PartJournal.Part(50, two, 49));
        assertThat(again.recovered().stream().map(PartJournal.Part::seq)).as("each number once, in order")
                .isEqualTo(LongStream.rangeClosed(1, 450).boxed().toList());
        again.append(one, 7).get();
        assertThat(again.takePending().lastSeq()).as("numbers go on after the recovered records").isEqualTo(451);
        again.close();
    }

    @ParameterizedTest(name = "forced to disk: {0}")
    @ValueSource(booleans = {true, false})
    void aRecordCutShortByACrashIsIgnored(boolean force) throws Exception {
        PartJournal journal = new PartJournal(folder, force, answers, 64);
        journal.append(one, 512).get();
        journal.close();
        // the next record begun but not finished: its first 20 bytes written, the rest still zeros
        try (FileChannel segment = FileChannel.open(segments().get(0), StandardOpenOption.WRITE)) {
            segment.write(ByteBuffer.wrap(new byte[]{0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 1, 0, 36, 'a', 'b', 'c'}),
                    RECORD_BYTES);
        }

        PartJournal again = new PartJournal(folder, force, answers, 64);
        assertThat(again.recovered()).containsExactly(new PartJournal.Part(1, one, 512));
        again.append(two, 4).get();
        again.close();
        assertThat(recoveredSeqs()).containsExactly(1L, 2L);
    }

    @ParameterizedTest(name = "forced to disk: {0}")
    @ValueSource(booleans = {true, false})
    void onlySegmentsWhoseRecordsAreAllCountedAreDeleted(boolean force) throws Exception {
        PartJournal journal = new PartJournal(folder, force, answers, 64, 2);
        journal.append(one, 1).get();
        journal.append(one, 1).get();
        journal.append(two, 1).get();
        assertThat(segments()).as("two records fill a segment").hasSize(2);
        journal.deleteCounted(1);
        assertThat(segments()).as("record 2 is not counted yet").hasSize(2);
        journal.deleteCounted(3);
        assertThat(segments()).as("records 1 and 2 counted: their segment goes, not the one written to").hasSize(1);
        journal.close();
        assertThat(recoveredSeqs()).containsExactly(3L);
    }

    @ParameterizedTest(name = "forced to disk: {0}")
    @ValueSource(booleans = {true, false})
    void recordsFillSegmentAfterSegmentAndAreAllReadBack(boolean force) throws Exception {
        PartJournal journal = new PartJournal(folder, force, answers, 1024, 7);
        List<CompletableFuture<Void>> written = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            written.add(journal.append(i % 3 == 0 ? one : two, i));
        }
        CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).get();
        journal.close();
        assertThat(segments()).as("100 records in segments of 7").hasSize(15);
        assertThat(segments()).allSatisfy(segment -> assertThat(Files.size(segment)).isEqualTo(7L * RECORD_BYTES));
        assertThat(recoveredSeqs()).isEqualTo(LongStream.rangeClosed(1, 100).boxed().toList());
    }

    @Test
    void aSecondServerOnTheSameFolderIsRefused() throws Exception {
        try (PartJournal journal = new PartJournal(folder, true, answers, 64)) {
            assertThatThrownBy(() -> new PartJournal(folder, true, answers, 64))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("data folder of its own");
            assertThat(journal.recovered()).isEmpty();
        }
    }

    /** A record's length on disk: 8 (number) + 8 (bytes) + 1 (id length) + 36 (id) + 4 (CRC-32). */
    private static final int RECORD_BYTES = 57;

    private List<Long> recoveredSeqs() throws Exception {
        try (PartJournal journal = new PartJournal(folder, true, answers, 64)) {
            return journal.recovered().stream().map(PartJournal.Part::seq).toList();
        }
    }

    private List<Path> segments() throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".journal")).sorted().toList();
        }
    }
}
