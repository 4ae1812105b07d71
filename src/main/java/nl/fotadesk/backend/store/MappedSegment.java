package nl.fotadesk.backend.store;

import sun.misc.Unsafe;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One segment of the {@link PartJournal}: a file written whole with zeros at its full length, then
 * mapped into memory and filled from its start. A write is a copy into memory that the operating
 * system keeps however the process ends; {@link #force} makes it survive a power loss too. The mapping
 * is released when the segment is closed, not whenever the garbage collector comes to it, so a deleted
 * segment gives back its disk space at once; nothing may touch the segment after that.
 */
final class MappedSegment implements AutoCloseable {
    /** The one supported way to unmap a buffer before it is collected ({@code jdk.unsupported}). */
    private static final Unsafe UNSAFE = unsafe();
    private static final int ZEROS = 64 * 1024;

    private final FileChannel file;
    private final MappedByteBuffer memory;

    private MappedSegment(FileChannel file, MappedByteBuffer memory) {
        this.file = file;
        this.memory = memory;
    }

    /** Creates (or empties) the file at {@code path} with {@code length} zero bytes, mapped to be written. */
    static MappedSegment create(Path path, int length) throws IOException {
        FileChannel file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        try {
            // written, not just sized: a sparse file on a full disk would fault on a write into the mapping
            ByteBuffer zeros = ByteBuffer.allocate(ZEROS);
            for (long at = 0; at < length; ) {
                zeros.clear().limit((int) Math.min(ZEROS, length - at));
                at += file.write(zeros, at);
            }
            return new MappedSegment(file, file.map(FileChannel.MapMode.READ_WRITE, 0, length));
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** Bytes written so far. */
    int written() {
        return memory.position();
    }

    /** Whether no more is written here (the segment's length is a whole number of records). */
    boolean isFull() {
        return !memory.hasRemaining();
    }

    void append(ByteBuffer bytes) {
        memory.put(bytes);
    }

    /** Forces what was written from byte {@code from} on to the disk. */
    void force(int from) {
        int length = memory.position() - from;
        if (length > 0) {
            memory.force(from, length);
        }
    }

    /** Forces the file's length and zeros to the disk, before any record in it is relied on. */
    void forceMetadata() throws IOException {
        file.force(true);
    }

    @Override
    public void close() throws IOException {
        UNSAFE.invokeCleaner(memory);
        file.close();
    }

    private static Unsafe unsafe() {
        try {
            Field field = Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            return (Unsafe) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
