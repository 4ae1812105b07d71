package nl.fotadesk.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class Crc32HexProperties {
    @Property
    void matchesJavaUtilZipCrc32(@ForAll @Size(max = 2000) byte[] bytes,
                                 @ForAll @IntRange(max = 2000) int a, @ForAll @IntRange(max = 2000) int b) {
        int off = Math.min(a, bytes.length);
        int len = Math.min(b, bytes.length - off);
        CRC32 expected = new CRC32();
        expected.update(bytes, off, len);
        String hex = Crc32Hex.of(bytes, off, len);

        assertThat(hex).hasSize(8).matches("[0-9a-f]{8}");
        assertThat(Long.parseLong(hex, 16)).isEqualTo(expected.getValue());
        assertThat(Crc32Hex.of(ByteBuffer.wrap(bytes, off, len))).isEqualTo(hex);
        ByteBuffer direct = ByteBuffer.allocateDirect(len).put(bytes, off, len).flip();
        assertThat(Crc32Hex.of(direct)).isEqualTo(hex);
    }

    @Property
    void formatIsZeroPaddedLowercaseHex(@ForAll @LongRange(max = 0xFFFF_FFFFL) long crc) {
        assertThat(Crc32Hex.format(crc)).isEqualTo(String.format("%08x", crc));
    }
}
