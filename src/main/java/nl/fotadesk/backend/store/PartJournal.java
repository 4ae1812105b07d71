package nl.fotadesk.backend.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The node's append-only journal of parts served. A part is answered only once its record is on disk.
 * Records are written into a segment file mapped into memory: a record costs a copy of its bytes and
 * no system call, and the operating system holds what was written however the process ends. Where the
 * database promises to survive a power loss, one writer thread writes the records of many concurrent
 * requests and forces them to disk with one {@code msync}, then releases their answers; where it
 * promises only to survive a killed process, the request's own thread writes its record. What is on
 * disk and not yet counted in the database is kept in memory as per-download totals until
 * {@link #takePending()} hands it to the reconciliation.
 * <p>
 * The journal is a folder of segments named by their first record's sequence number, each made whole
 * (zeros written, so a full disk shows as an error when a segment is made, never as a fault while a
 * record is written) for {@value #SEGMENT_RECORDS} records; segments whose records are all counted are
 * deleted. A record is {@value #RECORD} bytes with its own CRC-32, so a record cut short by a crash, or
 * the zeros after the last, end what is read back (such a record's request was never answered).
 */
public final class PartJournal implements AutoCloseable {
    /** One part served: its download and the bytes of its body. */
    public record Part(long seq, String downloadId, long bytes) {
    }

    /** A download's parts not yet counted in the database. */
    public record Delta(int requests, long bytes) {
        public Delta plus(Delta other) {
            return new Delta(requests + other.requests, bytes + other.bytes);
        }
    }

    /** What the journal holds beyond the database: totals per download, up to record {@code lastSeq}. */
    public record Pending(Map<String, Delta> deltas, long lastSeq) {
    }

    private static final int ID_BYTES = 36;
    private static final int RECORD = 8 + 8 + 1 + ID_BYTES + 4;
    private static final int MAX_BATCH = 1024;
    /** Records per segment: a segment of 0.9 MiB is made once per 16,384 parts served. */
    static final int SEGMENT_RECORDS = 16_384;
    private static final String SUFFIX = ".journal";
    private static final byte[] PADDING = new byte[ID_BYTES];
    private static final CompletableFuture<Void> WRITTEN = CompletableFuture.completedFuture(null);

    private record Entry(String downloadId, long bytes, CompletableFuture<Void> written) {
    }

    private final Path folder;
    private final boolean force;
    private final FileChannel lockFile;
    private final FileLock lock;
    /** The batching writer of a journal that forces its records to disk; null where each request writes its own. */
    private final BatchWriter<Entry> writer;
    private final List<Part> recovered;
    private final Object pendingLock = new Object();
    private Map<String, Delta> pending = new HashMap<>();
    private long pendingSeq;
    private final int segmentRecords;
    /** Guarded by {@code this}: the segment written to, and the next record's number. */
    private MappedSegment segment;
    private long nextSeq;
    private final ByteBuffer single = ByteBuffer.allocate(RECORD);
    private final CRC32 crc = new CRC32();
    private volatile boolean closed;

    /**
     * Opens the journal in {@code folder}, reading what it holds ({@link #recovered()}), to append after it.
     *
     * @param force whether each batch is forced to the disk ({@code fsync}) before its answers, so it
     *              survives a power loss, or only handed to the operating system, so it survives a
     *              killed process: as durable as the database it is counted in (docs/durability.md)
     * @param answers  where a forced batch's answers are completed (unused without {@code force})
     * @param capacity how many records may wait for a forced batch (unused without {@code force})
     * @throws IllegalStateException when another server uses the same folder
     */
    public PartJournal(Path folder, boolean force, Executor answers, int capacity) throws IOException {
        this(folder, force, answers, capacity, SEGMENT_RECORDS);
    }

    PartJournal(Path folder, boolean force, Executor answers, int capacity, int segmentRecords) throws IOException {
        this.force = force;
        this.segmentRecords = segmentRecords;
        this.folder = Files.createDirectories(folder);
        this.lockFile = FileChannel.open(folder.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = null;
        try {
            held = lockFile.tryLock();
        } catch (OverlappingFileLockException e) {
            // another server in this JVM holds it
        }
        if (held == null) {
            lockFile.close();
            throw new IllegalStateException("the data folder " + folder.getParent()
                    + " is used by another server; every node needs a data folder of its own");
        }
        this.lock = held;
        List<Path> files = segments(folder);
        this.recovered = read(files);
        // the newest segment's name carries the next number even when all its records were deleted
        long next = files.isEmpty() ? 1 : firstSeq(files.get(files.size() - 1));
        this.nextSeq = recovered.isEmpty() ? next : Math.max(next, recovered.get(recovered.size() - 1).seq + 1);
        this.pendingSeq = nextSeq - 1;
        openSegment();
        this.writer = force ? new BatchWriter<>("part-journal", capacity, MAX_BATCH, answers, this::write) : null;
    }

    /** The records found when the journal was opened, in order, without one cut short by a crash. */
    public List<Part> recovered() {
        return recovered;
    }

    private static List<Part> read(List<Path> files) throws IOException {
        List<Part> parts = new ArrayList<>();
        for (Path file : files) {
            ByteBuffer all = ByteBuffer.wrap(Files.readAllBytes(file));
            while (all.remaining() >= RECORD) {
                Part part = decode(all);
                if (part == null) {
                    break;
                }
                parts.add(part);
            }
        }
        return parts;
    }

    /**
     * Queues a part for the journal; the future completes once its record is on disk.
     *
     * @throws GroupCommit.Full when too many records wait already or the journal is closed
     */
    public CompletableFuture<Void> append(String downloadId, long bytes) {
        if (writer == null) {
            return appendNow(downloadId, bytes);
        }
        Entry entry = new Entry(downloadId, bytes, new CompletableFuture<>());
        if (!writer.offer(entry)) {
            throw new GroupCommit.Full();
        }
        return entry.written;
    }

    /** Hands over what is on disk and not yet counted; give it back with {@link #restore} if counting fails. */
    public Pending takePending() {
        synchronized (pendingLock) {
            Pending taken = new Pending(pending, pendingSeq);
            pending = new HashMap<>();
            return taken;
        }
    }

    public void restore(Pending taken) {
        synchronized (pendingLock) {
            taken.deltas().forEach((id, delta) -> pending.merge(id, delta, Delta::plus));
        }
    }

    /** Deletes the segments whose records are all counted (up to {@code reconciledSeq}), but the one written to. */
    public synchronized void deleteCounted(long reconciledSeq) throws IOException {
        List<Path> files = segments(folder);
        for (int i = 0; i + 1 < files.size(); i++) {
            if (firstSeq(files.get(i + 1)) - 1 <= reconciledSeq) {
                Files.delete(files.get(i));
            }
        }
    }

    /** A segment named by the next number: one found with that name holds no whole record, so it starts empty. */
    private void openSegment() throws IOException {
        segment = MappedSegment.create(folder.resolve(String.format("%020d", nextSeq) + SUFFIX), segmentRecords * RECORD);
        if (force) {
            segment.forceMetadata(); // its name and length survive a power loss before any record relies on them
        }
    }

    private void write(List<Entry> batch) {
        IOException failure = null;
        try {
            appendAll(batch);
        } catch (IOException e) {
            failure = e;
        }
        for (Entry entry : batch) {
            writer.answer(entry.written, null, failure == null ? null : new UncheckedIOException(failure));
        }
    }

    private synchronized void appendAll(List<Entry> batch) throws IOException {
        // A batch that fails is answered 500; any of its records that reached the disk are counted at the
        // next start, which the guarantee allows (a count is at most the requests received).
        int from = segment.written();
        for (Entry entry : batch) {
            if (segment.isFull()) {
                segment.force(from);
                nextSegment();
                from = 0;
            }
            writeRecord(entry.downloadId, entry.bytes);
        }
        segment.force(from);
        synchronized (pendingLock) {
            for (Entry entry : batch) {
                pending.merge(entry.downloadId, new Delta(1, entry.bytes), Delta::plus);
            }
            pendingSeq = nextSeq - 1;
        }
    }

    /** One record, written by the calling thread: complete when it returns, or failed. */
    private synchronized CompletableFuture<Void> appendNow(String downloadId, long bytes) {
        if (closed) {
            throw new GroupCommit.Full();
        }
        try {
            if (segment.isFull()) {
                nextSegment();
            }
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new UncheckedIOException(e));
        }
        writeRecord(downloadId, bytes);
        synchronized (pendingLock) {
            pending.merge(downloadId, new Delta(1, bytes), Delta::plus);
            pendingSeq = nextSeq - 1;
        }
        return WRITTEN;
    }

    private void nextSegment() throws IOException {
        segment.close();
        openSegment();
    }

    private void writeRecord(String downloadId, long bytes) {
        single.clear();
        encode(single, downloadId, bytes);
        segment.append(single.flip());
    }

    /** Appends the next record; call holding this journal's lock (it numbers the record and uses {@link #crc}). */
    private void encode(ByteBuffer to, String downloadId, long bytes) {
        int start = to.position();
        int length = downloadId.length();
        to.putLong(nextSeq++).putLong(bytes).put((byte) length);
        for (int i = 0; i < length; i++) {
            to.put((byte) downloadId.charAt(i)); // ids are ASCII (UUIDs)
        }
        to.put(PADDING, 0, ID_BYTES - length);
        crc.reset();
        crc.update(to.array(), start, RECORD - 4);
        to.putInt((int) crc.getValue());
    }

    /** The next record, or null when it is damaged (the end of what was written). */
    private static Part decode(ByteBuffer from) {
        int start = from.position();
        CRC32 crc = new CRC32();
        crc.update(from.array(), start, RECORD - 4);
        long seq = from.getLong();
        long bytes = from.getLong();
        int length = from.get();
        byte[] id = new byte[ID_BYTES];
        from.get(id);
        int stored = from.getInt();
        if (stored != (int) crc.getValue() || length < 1 || length > ID_BYTES) {
            return null;
        }
        return new Part(seq, new String(id, 0, length, StandardCharsets.US_ASCII), bytes);
    }

    private static List<Path> segments(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
    }

    private static long firstSeq(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
    }

    /** Writes what is queued, then stops; later appends throw {@link GroupCommit.Full}. */
    @Override
    public void close() throws InterruptedException, IOException {
        if (writer != null) {
            for (Entry late : writer.close()) {
                late.written.completeExceptionally(new GroupCommit.Full());
            }
        }
        synchronized (this) {
            closed = true;
            segment.close();
        }
        lock.release();
        lockFile.close();
    }
}
