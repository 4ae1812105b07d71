package nl.fotadesk.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ImeiProperties {
    @Provide
    Arbitrary<String> fourteenDigits() {
        return Arbitraries.strings().numeric().ofLength(14);
    }

    @Property
    void withCheckDigitIsAlwaysValid(@ForAll("fourteenDigits") String digits) {
        String imei = Imei.withCheckDigit(digits);
        assertThat(imei).hasSize(15).startsWith(digits);
        assertThat(Imei.isValid(imei)).isTrue();
        assertThat(Imei.requireValid(imei)).isEqualTo(imei);
    }

    @Property
    void changingOneDigitMakesItInvalid(@ForAll("fourteenDigits") String digits,
                                        @ForAll @IntRange(max = 14) int position,
                                        @ForAll @IntRange(min = 1, max = 9) int shift) {
        char[] imei = Imei.withCheckDigit(digits).toCharArray();
        imei[position] = (char) ('0' + (imei[position] - '0' + shift) % 10);
        String changed = new String(imei);
        assertThat(Imei.isValid(changed)).isFalse();
        assertThatThrownBy(() -> Imei.requireValid(changed)).isInstanceOf(InvalidImeiException.class);
    }

    @Property
    void requireValidAgreesWithIsValidAndThrowsOnlyItsOwnError(@ForAll("imeiLike") String s) {
        if (Imei.isValid(s)) {
            assertThat(Imei.requireValid(s)).isEqualTo(s);
        } else {
            assertThatThrownBy(() -> Imei.requireValid(s)).isInstanceOf(InvalidImeiException.class);
        }
    }

    @Property
    void baseNameRoundTrips(@ForAll("fourteenDigits") String digits) {
        String imei = Imei.withCheckDigit(digits);
        assertThat(DeviceUrn.imeiOf(DeviceUrn.of(imei))).isEqualTo(imei);
    }

    @Property
    void imeiOfThrowsOnlyItsOwnError(@ForAll("baseNameLike") String baseName) {
        try {
            String imei = DeviceUrn.imeiOf(baseName);
            assertThat(DeviceUrn.of(imei)).isEqualTo(baseName);
        } catch (InvalidImeiException expected) {
            assertThat(expected).hasMessageContaining("base name");
        }
    }

    /** Mostly near misses: digit strings around 15 long, plus arbitrary text. */
    @Provide
    Arbitrary<String> imeiLike() {
        return Arbitraries.oneOf(
                Arbitraries.strings().numeric().ofMinLength(13).ofMaxLength(17),
                Arbitraries.strings().withChars("0123456789 -+x\u0660").ofMinLength(14).ofMaxLength(16),
                fourteenDigits().map(Imei::withCheckDigit),
                Arbitraries.strings());
    }

    @Provide
    Arbitrary<String> baseNameLike() {
        return Arbitraries.oneOf(
                imeiLike().map(DeviceUrn::of),
                imeiLike().map(s -> "urn:dev:IMEI:" + s),
                imeiLike().map(s -> "URN:dev:IMEI:" + s + ":"),
                Arbitraries.strings().withChars("urn:devIMEI0123456789").ofMaxLength(40),
                Arbitraries.strings());
    }
}
