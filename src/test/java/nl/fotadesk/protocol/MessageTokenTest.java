package nl.fotadesk.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageTokenTest {
    private static final byte[] BODY = "[{\"bn\":\"device-name\",\"n\":\"humidity\",\"vd\":\"aG9paG9pAA\"}]"
            .getBytes(StandardCharsets.UTF_8);
    private static final String SECRET = "MYKEY2";
    private static final String TOKEN = "4d53c667486bb4679922b901dd733a936a07983f73275941abfb3068a0ba8748";

    @Test
    void headerName() {
        assertThat(MessageToken.HEADER).isEqualTo("Things-Message-Token");
    }

    @Test
    void computesTheVendorTestVector() {
        assertThat(MessageToken.compute(BODY, SECRET)).isEqualTo(TOKEN);
    }

    @Test
    void hashesTheSecretAsUtf8AfterTheBody() {
        // SHA-256("abc") with the whole input split between body and secret.
        String sha256OfAbc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assertThat(MessageToken.compute("ab".getBytes(StandardCharsets.UTF_8), "c")).isEqualTo(sha256OfAbc);
        assertThat(MessageToken.compute(new byte[0], "abc")).isEqualTo(sha256OfAbc);
        assertThat(MessageToken.compute(new byte[0], "é"))
                .isEqualTo(MessageToken.compute(new byte[] {(byte) 0xc3, (byte) 0xa9}, ""));
    }

    @Test
    void verifiesLowerAndUpperCaseHex() {
        assertThat(MessageToken.verify(BODY, SECRET, TOKEN)).isTrue();
        assertThat(MessageToken.verify(BODY, SECRET, TOKEN.toUpperCase())).isTrue();
    }

    @Test
    void rejectsAWrongToken() {
        String lastDigitChanged = TOKEN.substring(0, 63) + "9";
        assertThat(MessageToken.verify(BODY, SECRET, lastDigitChanged)).isFalse();
        assertThat(MessageToken.verify(BODY, "MYKEY3", TOKEN)).isFalse();
        byte[] changedBody = BODY.clone();
        changedBody[10] ^= 1;
        assertThat(MessageToken.verify(changedBody, SECRET, TOKEN)).isFalse();
    }

    @Test
    void rejectsMalformedTokens() {
        assertThat(MessageToken.verify(BODY, SECRET, null)).isFalse();
        assertThat(MessageToken.verify(BODY, SECRET, "")).isFalse();
        assertThat(MessageToken.verify(BODY, SECRET, TOKEN.substring(2))).isFalse();
        assertThat(MessageToken.verify(BODY, SECRET, TOKEN + "00")).isFalse();
        assertThat(MessageToken.verify(BODY, SECRET, "zz" + TOKEN.substring(2))).isFalse();
        assertThat(MessageToken.verify(BODY, SECRET, " " + TOKEN.substring(1))).isFalse();
    }

    @Test
    void rejectsAMissingBodyOrSecret() {
        assertThat(MessageToken.verify(null, SECRET, TOKEN)).isFalse();
        assertThat(MessageToken.verify(BODY, null, TOKEN)).isFalse();
    }
}
