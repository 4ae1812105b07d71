package nl.fotadesk.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DownlinkTest {
    private static final String BN = "urn:dev:IMEI:490154203237518:";
    private static final String URL = "http://10.0.0.1:8080/f/v1/5f0c6a8e-6a3e-4d33-9a8f-0d2f5c1b7a11";
    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0OTAxNTQyMDMyMzc1MTgifQ.c2lnbmF0dXJl";
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final Downlink FULL = new Downlink(BN, URL, TOKEN, "3.0.3", 183424L, SHA);

    private static String json(Downlink d) {
        return new String(d.toJson(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writesTheFullDownlinkExactly() {
        assertThat(json(FULL)).isEqualTo("[{\"bn\":\"" + BN + "\"},{\"n\":\"url\",\"vs\":\"" + URL + "\"},"
                + "{\"n\":\"token\",\"vs\":\"" + TOKEN + "\"},{\"n\":\"fotaVersion\",\"vs\":\"3.0.3\"},"
                + "{\"n\":\"fotaSize\",\"v\":183424},{\"n\":\"fotaSha256\",\"vs\":\"" + SHA + "\"}]");
    }

    @Test
    void vendorStrictHasNoExtensionRecords() {
        Downlink strict = Downlink.vendorStrict(BN, URL, TOKEN);
        assertThat(strict).isEqualTo(new Downlink(BN, URL, TOKEN, null, null, null));
        assertThat(json(strict)).isEqualTo("[{\"bn\":\"" + BN + "\"},{\"n\":\"url\",\"vs\":\"" + URL + "\"},"
                + "{\"n\":\"token\",\"vs\":\"" + TOKEN + "\"}]");
    }

    @Test
    void leavesOutEachMissingExtensionField() {
        assertThat(json(new Downlink(BN, URL, TOKEN, "3.0.3", null, SHA)))
                .contains("fotaVersion", "fotaSha256").doesNotContain("fotaSize");
        assertThat(json(new Downlink(BN, URL, TOKEN, "3.0.3", 10L, null)))
                .endsWith("{\"n\":\"fotaVersion\",\"vs\":\"3.0.3\"},{\"n\":\"fotaSize\",\"v\":10}]");
    }

    @Test
    void escapesStrings() {
        Downlink odd = new Downlink(BN, "http://h/\"q\"\\", "t\n\u0001", "é", 0L, null);
        assertThat(json(odd)).contains("\"vs\":\"http://h/\\\"q\\\"\\\\\"", "\"vs\":\"t\\n\\u0001\"", "\"vs\":\"é\"");
        assertThat(Downlink.parse(odd.toJson(), BN)).contains(odd);
    }

    @Test
    void aLoneSurrogateIsEscapedAndRoundTrips() {
        Downlink odd = Downlink.vendorStrict(BN, "http://h/\ud800", TOKEN);
        assertThat(json(odd)).contains("\"vs\":\"http://h/\\uD800\"");
        assertThat(Downlink.parse(odd.toJson(), BN)).contains(odd);
    }

    @Test
    void reproducesTheBaseNameAsGiven() {
        String bn = "urn:dev:IMEI:490154203237518:";
        assertThat(json(Downlink.vendorStrict(bn, URL, TOKEN))).startsWith("[{\"bn\":\"" + bn + "\"},");
    }

    @Test
    void roundTrips() {
        assertThat(Downlink.parse(FULL.toJson(), BN)).contains(FULL);
        Downlink strict = Downlink.vendorStrict(BN, URL, TOKEN);
        assertThat(Downlink.parse(strict.toJson(), BN)).contains(strict);
    }

    @Test
    void readsTheProtocolExampleWithWhitespaceAndOtherOrder() {
        String body = """
                [ {"bn": "urn:dev:IMEI:490154203237518:"},
                  {"n": "token", "vs": "jwt"},
                  {"n": "url", "vs": "http://h:1/f/v1/id"},
                  {"n": "fotaSize", "v": 5} ]
                """;
        assertThat(Downlink.parse(utf8(body), BN))
                .contains(new Downlink(BN, "http://h:1/f/v1/id", "jwt", null, 5L, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"urn:dev:imei:490154203237518:", "urn:dev:IMEI:490154203237518", "urn:dev:IMEI:490154203237519:",
            "urn:dev:IMEI:490154203237518: ", "URN:DEV:IMEI:490154203237518:"})
    void anotherBaseNameIsNotForThisDevice(String expected) {
        assertThat(Downlink.parse(FULL.toJson(), expected)).isEmpty();
    }

    @Test
    void aPackWithoutBaseNameIsNotForThisDevice() {
        assertThat(Downlink.parse(utf8("[{\"n\":\"url\",\"vs\":\"u\"},{\"n\":\"token\",\"vs\":\"t\"}]"), BN)).isEmpty();
    }

    @Test
    void anEmptyBodyIsNoDownlink() {
        assertThat(Downlink.parse(new byte[0], BN)).isEmpty();
        assertThat(Downlink.parse(utf8(" \r\n"), BN)).isEmpty();
        assertThat(Downlink.parse(null, BN)).isEmpty();
    }

    @Test
    void urlAndTokenAreRequired() {
        assertThat(Downlink.parse(utf8("[{\"bn\":\"" + BN + "\"},{\"n\":\"url\",\"vs\":\"u\"}]"), BN)).isEmpty();
        assertThat(Downlink.parse(utf8("[{\"bn\":\"" + BN + "\"},{\"n\":\"token\",\"vs\":\"t\"}]"), BN)).isEmpty();
        assertThat(Downlink.parse(utf8("[{\"bn\":\"" + BN + "\"}]"), BN)).isEmpty();
    }

    @Test
    void urlAndTokenAreReadFromVsOnly() {
        String body = "[{\"bn\":\"" + BN + "\"},{\"n\":\"url\",\"vd\":\"u\"},{\"n\":\"token\",\"vs\":\"t\"}]";
        assertThat(Downlink.parse(utf8(body), BN)).isEmpty();
    }

    @Test
    void fieldsUnderAnotherBaseNameDoNotCount() {
        String body = "[{\"bn\":\"" + BN + "\"},{\"n\":\"url\",\"vs\":\"u\"},{\"bn\":\"other:\",\"n\":\"token\",\"vs\":\"t\"}]";
        assertThat(Downlink.parse(utf8(body), BN)).isEmpty();
    }

    @Test
    void malformedBodyIsAnError() {
        assertThatThrownBy(() -> Downlink.parse(utf8("[{\"bn\":\"" + BN + "\"},"), BN))
                .isInstanceOf(SenmlException.class).hasMessageStartingWith("not valid JSON: ");
        assertThatThrownBy(() -> Downlink.parse(utf8("<html>"), BN)).isInstanceOf(SenmlException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1.5", "1e300"})
    void fotaSizeMustBeAByteCount(String size) {
        String body = "[{\"bn\":\"" + BN + "\"},{\"n\":\"url\",\"vs\":\"u\"},{\"n\":\"token\",\"vs\":\"t\"},"
                + "{\"n\":\"fotaSize\",\"v\":" + size + "}]";
        assertThatThrownBy(() -> Downlink.parse(utf8(body), BN)).isInstanceOf(SenmlException.class)
                .hasMessageEndingWith(" is not a number of bytes");
    }

    @Test
    void requiresBaseNameUrlAndToken() {
        assertThatThrownBy(() -> new Downlink(null, URL, TOKEN, null, null, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Downlink.vendorStrict(BN, null, TOKEN)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Downlink.vendorStrict(BN, URL, null)).isInstanceOf(NullPointerException.class);
    }
}
