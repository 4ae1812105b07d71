package nl.fotadesk.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeviceUrnTest {
    private static final String IMEI = "490154203237518";

    @Test
    void buildsTheBaseName() {
        assertThat(DeviceUrn.of(IMEI)).isEqualTo("urn:dev:IMEI:490154203237518:");
    }

    @Test
    void readsTheImei() {
        assertThat(DeviceUrn.imeiOf("urn:dev:IMEI:490154203237518:")).isEqualTo(IMEI);
    }

    @Test
    void requiresTheTrailingColon() {
        assertThatThrownBy(() -> DeviceUrn.imeiOf("urn:dev:IMEI:490154203237518"))
                .isInstanceOf(InvalidImeiException.class)
                .hasMessage("base name \"urn:dev:IMEI:490154203237518\" must end with \":\" after the IMEI");
        assertThatThrownBy(() -> DeviceUrn.imeiOf("urn:dev:IMEI:"))
                .isInstanceOf(InvalidImeiException.class)
                .hasMessage("base name \"urn:dev:IMEI:\" must end with \":\" after the IMEI");
    }

    @Test
    void requiresTheExactPrefix() {
        assertThatThrownBy(() -> DeviceUrn.imeiOf("urn:dev:imei:490154203237518:"))
                .isInstanceOf(InvalidImeiException.class)
                .hasMessage("base name \"urn:dev:imei:490154203237518:\" must start with \"urn:dev:IMEI:\"");
        assertThatThrownBy(() -> DeviceUrn.imeiOf(" urn:dev:IMEI:490154203237518:"))
                .isInstanceOf(InvalidImeiException.class);
        assertThatThrownBy(() -> DeviceUrn.imeiOf("urn:dev:ow:10e2073a01080063:"))
                .isInstanceOf(InvalidImeiException.class);
    }

    @Test
    void requiresAValidImei() {
        assertThatThrownBy(() -> DeviceUrn.imeiOf("urn:dev:IMEI:490154203237517:"))
                .isInstanceOf(InvalidImeiException.class)
                .hasMessage("base name \"urn:dev:IMEI:490154203237517:\": "
                        + "IMEI 490154203237517 has check digit 7, expected 8");
        assertThatThrownBy(() -> DeviceUrn.imeiOf("urn:dev:IMEI:49015420323751:"))
                .isInstanceOf(InvalidImeiException.class)
                .hasMessageEndingWith("IMEI must be 15 digits, got 14");
        assertThatThrownBy(() -> DeviceUrn.imeiOf("urn:dev:IMEI:490154203237518::"))
                .isInstanceOf(InvalidImeiException.class)
                .hasMessageEndingWith("IMEI must be 15 digits, got 16");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> DeviceUrn.imeiOf(null)).isInstanceOf(InvalidImeiException.class)
                .hasMessage("base name is missing");
    }

    @Test
    void quotesUntrustedInputSafely() {
        assertThatThrownBy(() -> DeviceUrn.imeiOf("x\n\"" + "y".repeat(200)))
                .isInstanceOf(InvalidImeiException.class)
                .hasMessage("base name \"x\\u000a\\\"" + "y".repeat(77) + "...\" must start with \"urn:dev:IMEI:\"");
    }
}
