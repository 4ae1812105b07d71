package nl.fotadesk.backend.files;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * The SHA-256 of a whole image and a CRC-32C of every {@link #BLOCK}-byte block, computed in one
 * sequential pass: the SHA-256 proves a copy is the image, the block checksums (taken from a proven
 * copy) let every later read be checked cheaply.
 */
final class ImageDigest {
    static final int BLOCK = 4096;

    /** What one pass found. */
    record Result(String sha256, long size, int[] blockCrcs) {
    }

    private final MessageDigest sha = newSha256();
    private final CRC32C blockCrc = new CRC32C();
    private int[] crcs = new int[64];
    private int blocks;
    private int inBlock;
    private long size;

    void update(byte[] data, int offset, int length) {
        sha.update(data, offset, length);
        size += length;
        while (length > 0) {
            int n = Math.min(length, BLOCK - inBlock);
            blockCrc.update(data, offset, n);
            offset += n;
            length -= n;
            inBlock += n;
            if (inBlock == BLOCK) {
                endBlock();
            }
        }
    }

    Result finish() {
        if (inBlock > 0) {
            endBlock();
        }
        return new Result(HexFormat.of().formatHex(sha.digest()), size, Arrays.copyOf(crcs, blocks));
    }

    private void endBlock() {
        if (blocks == crcs.length) {
            crcs = Arrays.copyOf(crcs, blocks * 2);
        }
        crcs[blocks++] = (int) blockCrc.getValue();
        blockCrc.reset();
        inBlock = 0;
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
