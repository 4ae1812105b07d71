package nl.fotadesk.ui.devices;

import nl.fotadesk.protocol.Imei;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the register dialog says about an IMEI as it is typed. */
class ImeiCheckTest {
    static final String VALID = Imei.withCheckDigit("35693803564380");

    @Test
    void guidesWhileTyping() {
        assertThat(ImeiCheck.of("").verdict()).isEqualTo(ImeiCheck.Verdict.EMPTY);
        ImeiCheck partial = ImeiCheck.of("3569380");
        assertThat(partial.verdict()).isEqualTo(ImeiCheck.Verdict.INCOMPLETE);
        assertThat(partial.isError()).as("more typing can fix it").isFalse();
        assertThat(partial.args()).containsExactly(7);
        ImeiCheck almost = ImeiCheck.of(VALID.substring(0, 14));
        assertThat(almost.key()).isEqualTo("devices.imei.almost");
        assertThat(almost.args()).containsExactly(VALID.substring(14));
    }

    @Test
    void namesWhatIsWrong() {
        char wrong = (char) ('0' + (VALID.charAt(14) - '0' + 3) % 10);
        ImeiCheck check = ImeiCheck.of(VALID.substring(0, 14) + wrong);
        assertThat(check.verdict()).isEqualTo(ImeiCheck.Verdict.WRONG_CHECK_DIGIT);
        assertThat(check.args()).containsExactly(VALID.substring(14), String.valueOf(wrong));
        assertThat(check.isError()).isTrue();
        assertThat(ImeiCheck.of("3569O").args()).containsExactly("O", 5);
        assertThat(ImeiCheck.of(VALID + "1").verdict()).isEqualTo(ImeiCheck.Verdict.TOO_LONG);
    }

    @Test
    void acceptsAValidImeiAsCopiedFromALabel() {
        String spaced = VALID.substring(0, 2) + " " + VALID.substring(2, 8) + "-" + VALID.substring(8);
        ImeiCheck check = ImeiCheck.of(spaced);
        assertThat(check.isValid()).isTrue();
        assertThat(check.imei()).isEqualTo(VALID);
    }
}
