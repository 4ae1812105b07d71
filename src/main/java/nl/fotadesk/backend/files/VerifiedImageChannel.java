package nl.fotadesk.backend.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * A read-only channel on a cached image that checks every byte it returns: each read covers whole
 * {@link ImageDigest#BLOCK}-byte blocks of the file and compares their CRC-32C with those taken when
 * the file was proven by SHA-256. A block that differs (the file was damaged or changed after it was
 * checked) makes the store fetch the image again, so a corrupt cache is never served. Shared by all
 * requests; positional reads are thread-safe.
 */
final class VerifiedImageChannel extends ImageChannel {
    private static final int BLOCK = ImageDigest.BLOCK;
    /** Bytes read from the file per system call: whole blocks. */
    private static final int SEGMENT = 16 * BLOCK;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private record Scratch(ByteBuffer buffer, CRC32C crc) {
        Scratch() {
            this(ByteBuffer.allocate(SEGMENT), new CRC32C());
        }
    }

    private final ImageStore store;
    private final String sha256;
    private final long size;
    private final int[] blockCrcs;
    private volatile FileChannel file;

    VerifiedImageChannel(ImageStore store, String sha256, ImageDigest.Result proven, FileChannel file) {
        this.store = store;
        this.sha256 = sha256;
        this.size = proven.size();
        this.blockCrcs = proven.blockCrcs();
        this.file = file;
    }

    @Override
    public int read(ByteBuffer dst, long at) throws IOException {
        if (at < 0) {
            throw new IllegalArgumentException("negative position");
        }
        if (at >= size) {
            return -1;
        }
        int wanted = (int) Math.min(dst.remaining(), size - at);
        long end = at + wanted;
        for (long next = at; next < end; ) {
            long blockStart = next - next % BLOCK;
            int span = (int) Math.min(SEGMENT, Math.min(size, roundUp(end)) - blockStart);
            ByteBuffer segment = readVerified(blockStart, span);
            int from = (int) (next - blockStart);
            int n = (int) Math.min(span - from, end - next);
            dst.put(segment.array(), from, n);
            next += n;
        }
        return wanted;
    }

    /** {@code span} bytes of whole blocks from {@code blockStart}, each block checked. */
    private ByteBuffer readVerified(long blockStart, int span) throws IOException {
        Scratch scratch = SCRATCH.get();
        boolean fetchedAgain = false;
        while (true) {
            FileChannel current = file;
            ByteBuffer buffer = scratch.buffer().clear().limit(span);
            try {
                readFully(current, buffer, blockStart);
            } catch (ClosedByInterruptException e) {
                reopen(current, false);
                throw e;
            } catch (ClosedChannelException e) {
                if (!isOpen()) {
                    throw e;
                }
                reopen(current, false);
                continue;
            }
            if (!buffer.hasRemaining() && blocksMatch(scratch, blockStart, span)) {
                return buffer;
            }
            if (fetchedAgain) {
                throw new IOException("firmware image " + sha256 + " cannot be verified: its fetched copy differs"
                        + " from the SHA-256-proven one at byte " + blockStart);
            }
            reopen(current, true);
            fetchedAgain = true;
        }
    }

    /** Fills {@code buffer} from {@code at}, or less when the file ends early (then its blocks do not match). */
    private static void readFully(FileChannel from, ByteBuffer buffer, long at) throws IOException {
        int start = buffer.position();
        while (buffer.hasRemaining()) {
            if (from.read(buffer, at + buffer.position() - start) < 0) {
                return;
            }
        }
    }

    private boolean blocksMatch(Scratch scratch, long blockStart, int span) {
        byte[] bytes = scratch.buffer().array();
        int first = (int) (blockStart / BLOCK);
        CRC32C crc = scratch.crc();
        for (int offset = 0, block = first; offset < span; offset += BLOCK, block++) {
            crc.reset();
            crc.update(bytes, offset, Math.min(BLOCK, span - offset));
            if ((int) crc.getValue() != blockCrcs[block]) {
                return false;
            }
        }
        return true;
    }

    /** Replaces the file under this channel once, however many readers found it bad at the same time. */
    private synchronized void reopen(FileChannel failed, boolean corrupt) throws IOException {
        if (file != failed) {
            return;
        }
        file = store.reopen(sha256, corrupt);
        failed.close();
    }

    private static long roundUp(long offset) {
        return (offset + BLOCK - 1) / BLOCK * BLOCK;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    protected void implCloseChannel() throws IOException {
        file.close();
    }
}
