package nl.fotadesk.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImeiTest {
    @Test
    void acceptsTheTestVector() {
        assertThat(Imei.isValid("490154203237518")).isTrue();
        assertThat(Imei.requireValid("490154203237518")).isEqualTo("490154203237518");
    }

    @Test
    void computesTheCheckDigit() {
        assertThat(Imei.checkDigit("49015420323751")).isEqualTo(8);
        assertThat(Imei.withCheckDigit("49015420323751")).isEqualTo("490154203237518");
        assertThat(Imei.withCheckDigit("35693803564380")).isEqualTo("356938035643809");
        assertThat(Imei.checkDigit("00000000000000")).isZero();
    }

    @Test
    void rejectsAWrongCheckDigit() {
        assertThat(Imei.isValid("490154203237517")).isFalse();
        assertThatThrownBy(() -> Imei.requireValid("490154203237517"))
                .isInstanceOf(InvalidImeiException.class)
                .hasMessage("IMEI 490154203237517 has check digit 7, expected 8");
    }

    @Test
    void rejectsAWrongLength() {
        assertThat(Imei.isValid("49015420323751")).isFalse();
        assertThat(Imei.isValid("4901542032375180")).isFalse();
        assertThat(Imei.isValid("")).isFalse();
        assertThatThrownBy(() -> Imei.requireValid("49015420323751"))
                .isInstanceOf(InvalidImeiException.class)
                .hasMessage("IMEI must be 15 digits, got 14");
    }

    @Test
    void rejectsNonDigits() {
        assertThat(Imei.isValid("49015420323751a")).isFalse();
        assertThat(Imei.isValid("-90154203237518")).isFalse();
        assertThat(Imei.isValid("४90154203237518")).isFalse(); // a Devanagari digit is not a digit here
        assertThatThrownBy(() -> Imei.requireValid("4901542x3237518"))
                .isInstanceOf(InvalidImeiException.class)
                .hasMessage("IMEI \"4901542x3237518\" must be 15 digits, has \"x\" at position 8");
    }

    @Test
    void rejectsNull() {
        assertThat(Imei.isValid(null)).isFalse();
        assertThatThrownBy(() -> Imei.requireValid(null)).isInstanceOf(InvalidImeiException.class)
                .hasMessage("IMEI is missing");
    }

    @Test
    void checkDigitNeedsFourteenDigits() {
        assertThatThrownBy(() -> Imei.checkDigit("4901542032375"))
                .isInstanceOf(InvalidImeiException.class)
                .hasMessage("the check digit needs exactly 14 digits, got \"4901542032375\"");
        assertThatThrownBy(() -> Imei.checkDigit("4901542032375a")).isInstanceOf(InvalidImeiException.class);
        assertThatThrownBy(() -> Imei.withCheckDigit(null)).isInstanceOf(InvalidImeiException.class);
    }
}
