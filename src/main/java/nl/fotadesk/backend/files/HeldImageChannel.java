package nl.fotadesk.backend.files;

import java.nio.ByteBuffer;

/**
 * An image held in memory, its bytes proven by their SHA-256 when they were read in: a part is a copy
 * from memory, with no read from the disk and no check of blocks (memory is not changed under us as a
 * cached file can be).
 */
final class HeldImageChannel extends ImageChannel {
    private final byte[] bytes;

    HeldImageChannel(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public int read(ByteBuffer dst, long at) {
        if (at < 0) {
            throw new IllegalArgumentException("negative position");
        }
        if (at >= bytes.length) {
            return -1;
        }
        int n = (int) Math.min(dst.remaining(), bytes.length - at);
        dst.put(bytes, (int) at, n);
        return n;
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    protected void implCloseChannel() {
        // the bytes go with the last reference
    }
}
