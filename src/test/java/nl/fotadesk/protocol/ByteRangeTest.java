package nl.fotadesk.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {
    private static final long SIZE = 1000;

    private static ByteRange resolve(String header) {
        return ByteRange.resolve(header, SIZE).orElseThrow();
    }

    @Test
    void closedRange() {
        assertThat(resolve("bytes=0-99")).isEqualTo(new ByteRange(0, 99));
        assertThat(resolve("bytes=0-99").length()).isEqualTo(100);
        assertThat(resolve("bytes=999-999")).isEqualTo(new ByteRange(999, 999));
    }

    @Test
    void openRangeRunsToTheEnd() {
        assertThat(resolve("bytes=100-")).isEqualTo(new ByteRange(100, 999));
        assertThat(resolve("bytes=0-")).isEqualTo(new ByteRange(0, 999));
    }

    @Test
    void lastPastTheEndIsClamped() {
        assertThat(resolve("bytes=900-1099")).isEqualTo(new ByteRange(900, 999));
        assertThat(resolve("bytes=0-" + Long.MAX_VALUE)).isEqualTo(new ByteRange(0, 999));
    }

    @Test
    void suffixRangeIsTheLastBytes() {
        assertThat(resolve("bytes=-100")).isEqualTo(new ByteRange(900, 999));
        assertThat(resolve("bytes=-1")).isEqualTo(new ByteRange(999, 999));
    }

    @Test
    void suffixAtLeastTheSizeIsTheWholeFile() {
        assertThat(resolve("bytes=-1000")).isEqualTo(new ByteRange(0, 999));
        assertThat(resolve("bytes=-5000")).isEqualTo(new ByteRange(0, 999));
    }

    @Test
    void unitIsCaseInsensitiveAndWhitespaceAroundTheSpecIsAllowed() {
        assertThat(resolve("Bytes=1-2")).isEqualTo(new ByteRange(1, 2));
        assertThat(resolve("BYTES=1-2")).isEqualTo(new ByteRange(1, 2));
        assertThat(resolve("  bytes= 1-2 \t")).isEqualTo(new ByteRange(1, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "items=0-9", "pages=1-", "none", "foo=bar", "bytes=0-1,5-9", "bytes=-1, 0-0",
            "bytes=0-1,"})
    void headersToIgnoreServeTheWholeFile(String header) {
        assertThat(ByteRange.resolve(header, SIZE)).isEmpty();
    }

    @Test
    void noHeaderServesTheWholeFile() {
        assertThat(ByteRange.resolve(null, SIZE)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "bytes=1000-       | Range \"bytes=1000-\": the first byte 1000 is not below the file size 1000",
            "bytes=1000-1001   | Range \"bytes=1000-1001\": the first byte 1000 is not below the file size 1000",
            "bytes=100-99      | Range \"bytes=100-99\": the last byte 99 is before the first byte 100",
            "bytes=-0          | Range \"bytes=-0\": the suffix length is 0",
            "bytes=            | Range \"bytes=\": no range after bytes=",
            "bytes             | Range \"bytes\": missing '=' after bytes",
            "bytes 0-99        | Range \"bytes 0-99\": missing '=' after bytes",
            "bytes=0           | Range \"bytes=0\": missing '-' in the range",
            "bytes=-           | Range \"bytes=-\": a byte position is missing",
            "bytes=a-b         | Range \"bytes=a-b\": \"a\" is not a byte position",
            "bytes=0-b         | Range \"bytes=0-b\": \"b\" is not a byte position",
            "bytes=--5         | Range \"bytes=--5\": \"-5\" is not a byte position",
            "bytes=1--5        | Range \"bytes=1--5\": \"-5\" is not a byte position",
            "bytes=+1-5        | Range \"bytes=+1-5\": \"+1\" is not a byte position",
            "bytes=0 - 99      | Range \"bytes=0 - 99\": \"0 \" is not a byte position",
            "bytes=1.5-2       | Range \"bytes=1.5-2\": \"1.5\" is not a byte position",
            "bytes=9223372036854775808-  | Range \"bytes=9223372036854775808-\": the first byte 9223372036854775807 is not below the file size 1000",
    })
    void unsatisfiableOrMalformedRangesAreErrors(String header, String message) {
        assertThatThrownBy(() -> ByteRange.resolve(header, SIZE))
                .isInstanceOf(ByteRangeException.class)
                .hasMessage(message);
    }

    @Test
    void aLastPositionOfAnySizeIsClampedToTheEnd() {
        assertThat(ByteRange.resolve("bytes=990-99999999999999999999", SIZE)).contains(new ByteRange(990, SIZE - 1));
        assertThat(ByteRange.resolve("bytes=-99999999999999999999", SIZE)).contains(new ByteRange(0, SIZE - 1));
    }

    @Test
    void nothingIsSatisfiableInAnEmptyFile() {
        assertThatThrownBy(() -> ByteRange.resolve("bytes=0-0", 0)).isInstanceOf(ByteRangeException.class)
                .hasMessage("Range \"bytes=0-0\": the file is empty, so no range of it exists");
        assertThatThrownBy(() -> ByteRange.resolve("bytes=-5", 0)).isInstanceOf(ByteRangeException.class);
        assertThatThrownBy(() -> ByteRange.resolve("bytes=0-", 0)).isInstanceOf(ByteRangeException.class);
        assertThat(ByteRange.resolve(null, 0)).isEmpty();
    }

    @Test
    void largestPositionsStillWork() {
        long huge = Long.MAX_VALUE;
        assertThat(ByteRange.resolve("bytes=" + (huge - 1) + "-", huge).orElseThrow())
                .isEqualTo(new ByteRange(huge - 1, huge - 1));
        assertThat(ByteRange.resolve("bytes=-" + huge, huge).orElseThrow()).isEqualTo(new ByteRange(0, huge - 1));
    }

    @Test
    void contentRangeHeaders() {
        assertThat(new ByteRange(0, 99).contentRange(183424)).isEqualTo("bytes 0-99/183424");
        assertThat(ByteRange.unsatisfiedContentRange(183424)).isEqualTo("bytes */183424");
    }

    @Test
    void aRangeIsNeverEmptyOrNegative() {
        assertThatThrownBy(() -> new ByteRange(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ByteRange(-1, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNegativeSizeIsAProgrammingError() {
        assertThatThrownBy(() -> ByteRange.resolve("bytes=0-1", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
