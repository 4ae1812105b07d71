package nl.fotadesk.protocol;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.zip.CRC32;

/** The {@code Digest: crc32=<crc>} value: IEEE CRC-32 (as {@link CRC32}) as 8 lowercase hex digits. */
public final class Crc32Hex {
    private static final HexFormat HEX = HexFormat.of();

    private Crc32Hex() {
    }

    public static String of(byte[] b, int off, int len) {
        CRC32 crc = new CRC32();
        crc.update(b, off, len);
        return format(crc.getValue());
    }

    /** The CRC of the buffer's remaining bytes; the buffer's position is left as it was. */
    public static String of(ByteBuffer buf) {
        CRC32 crc = new CRC32();
        crc.update(buf.duplicate());
        return format(crc.getValue());
    }

    /** Always 8 digits (zero-padded), so a device can compare the value as text. */
    public static String format(long crc) {
        if (crc < 0 || crc > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a CRC-32 is 0 to 0xffffffff, got " + crc);
        }
        return HEX.toHexDigits((int) crc);
    }
}
