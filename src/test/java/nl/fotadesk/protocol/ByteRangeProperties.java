package nl.fotadesk.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class ByteRangeProperties {
    @Property
    void closedRangeIsServedClampedToTheEnd(@ForAll @LongRange(max = 1L << 40) long first,
                                            @ForAll @LongRange(max = 1L << 40) long extra,
                                            @ForAll @LongRange(min = 1, max = 1L << 40) long size) {
        Assume.that(first < size);
        long last = first + extra;
        ByteRange range = ByteRange.resolve("bytes=" + first + "-" + last, size).orElseThrow();
        assertThat(range.first()).isEqualTo(first);
        assertThat(range.last()).isEqualTo(Math.min(last, size - 1));
        assertThat(range.length()).isBetween(1L, size);
        assertThat(range.contentRange(size)).isEqualTo("bytes " + first + "-" + range.last() + "/" + size);
    }

    @Property
    void suffixRangeEndsAtTheLastByte(@ForAll @LongRange(min = 1, max = 1L << 40) long suffix,
                                      @ForAll @LongRange(min = 1, max = 1L << 40) long size) {
        ByteRange range = ByteRange.resolve("bytes=-" + suffix, size).orElseThrow();
        assertThat(range.last()).isEqualTo(size - 1);
        assertThat(range.length()).isEqualTo(Math.min(suffix, size));
    }

    @Property
    void firstAtOrPastTheEndIsUnsatisfiable(@ForAll @LongRange(max = 1L << 40) long size,
                                            @ForAll @LongRange(max = 1L << 40) long beyond) {
        String header = "bytes=" + (size + beyond) + "-";
        assertThatThrownBy(() -> ByteRange.resolve(header, size))
                .isInstanceOf(ByteRangeException.class)
                .hasMessageStartingWith("Range \"" + header + "\": ");
    }

    /** Whatever the header, the answer is a range inside the file, no range, or the parser's own error. */
    @Property(tries = 3000)
    void anyHeaderGivesAValidRangeOrItsOwnError(@ForAll("headers") String header,
                                                @ForAll @LongRange(max = 5000) long size) {
        try {
            Optional<ByteRange> range = ByteRange.resolve(header, size);
            range.ifPresent(r -> assertThat(r.last()).isLessThan(size));
        } catch (ByteRangeException expected) {
            assertThat(expected.getMessage()).startsWith("Range \"");
        }
    }

    @Provide
    Arbitrary<String> headers() {
        Arbitrary<String> specChars = Arbitraries.strings().withChars("0123456789-=, \t+.eExbytesBYTES")
                .ofMaxLength(30);
        Arbitrary<String> numbers = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(25);
        return Arbitraries.oneOf(
                Arbitraries.strings(),
                specChars,
                specChars.map(s -> "bytes=" + s),
                Arbitraries.strings().map(s -> "bytes=" + s),
                numbers.flatMap(a -> numbers.map(b -> "bytes=" + a + "-" + b)),
                numbers.map(n -> "bytes=-" + n),
                numbers.map(n -> "bytes=" + n + "-"));
    }
}
