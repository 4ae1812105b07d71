package nl.fotadesk.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Crc32HexTest {
    private static final byte[] CHECK_INPUT = "123456789".getBytes(StandardCharsets.US_ASCII);

    @Test
    void computesTheStandardCheckValue() {
        assertThat(Crc32Hex.of(CHECK_INPUT, 0, CHECK_INPUT.length)).isEqualTo("cbf43926");
    }

    @Test
    void readsOnlyTheGivenSlice() {
        byte[] padded = ("xx" + "123456789" + "yy").getBytes(StandardCharsets.US_ASCII);
        assertThat(Crc32Hex.of(padded, 2, 9)).isEqualTo("cbf43926");
    }

    @Test
    void padsToEightDigits() {
        assertThat(Crc32Hex.of(new byte[0], 0, 0)).isEqualTo("00000000");
        assertThat(Crc32Hex.format(0x1234)).isEqualTo("00001234");
        assertThat(Crc32Hex.format(0xFFFF_FFFFL)).isEqualTo("ffffffff");
    }

    @Test
    void formatRejectsValuesOutsideThirtyTwoBits() {
        assertThatThrownBy(() -> Crc32Hex.format(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Crc32Hex.format(0x1_0000_0000L)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leavesTheBufferPositionAlone() {
        ByteBuffer heap = ByteBuffer.wrap(("ab" + "123456789").getBytes(StandardCharsets.US_ASCII));
        heap.position(2);
        assertThat(Crc32Hex.of(heap)).isEqualTo("cbf43926");
        assertThat(heap.position()).isEqualTo(2);

        ByteBuffer direct = ByteBuffer.allocateDirect(9).put(CHECK_INPUT).flip();
        assertThat(Crc32Hex.of(direct)).isEqualTo("cbf43926");
        assertThat(direct.position()).isZero();
        assertThat(direct.remaining()).isEqualTo(9);
    }
}
