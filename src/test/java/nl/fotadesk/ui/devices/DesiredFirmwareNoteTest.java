package nl.fotadesk.ui.devices;

import nl.fotadesk.protocol.api.DeviceStatus;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.FirmwareView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What setting a firmware as desired will do, decided without a screen; versions in firmware order. */
class DesiredFirmwareNoteTest {
    @ParameterizedTest(name = "runs {0}, wants {1} ({2}), chosen {3} -> {4}")
    @CsvSource(nullValues = "-", value = {
            "1.0.0, -, -, 1.0.0, RUNS",
            "1.2.0, -, -, 1.10.0, UPDATE",     // numeric segments: 1.10 is newer than 1.2
            "1.10.0, -, -, 1.2.0, DOWNGRADE",
            "1.0.0, -, -, 1.0.0-rc1, DOWNGRADE", // a pre-release comes before its release
            "1.0.0-rc1, -, -, 1.0.0, UPDATE",
            "-, -, -, 1.0.0, UPDATE",           // never reported: nothing to go down from
            "1.0.0, 1.2.0, downloading, 1.2.0, RESTART",
            "1.0.0, 1.2.0, failed, 1.2.0, UPDATE",
            "1.2.0, 1.0.0, downloading, 1.0.0, DOWNGRADE",
    })
    void saysWhatSettingWillDo(String reported, String desired, String status, String chosen,
                               DesiredFirmwareNote expected) {
        DeviceView device = device(reported, desired,
                status == null ? DeviceStatus.IN_SYNC : DeviceStatus.fromWire(status));
        assertThat(DesiredFirmwareNote.of(device, firmware(chosen))).isEqualTo(expected);
    }

    @Test
    void nothingToSayWithoutADeviceAndNoChoiceWithoutFirmware() {
        assertThat(DesiredFirmwareNote.of(null, firmware("1.0.0"))).isEqualTo(DesiredFirmwareNote.NONE);
        assertThat(DesiredFirmwareNote.of(device("1.0.0", null, DeviceStatus.IN_SYNC), null))
                .isEqualTo(DesiredFirmwareNote.NO_FIRMWARE);
    }

    private static DeviceView device(String reported, String desired, DeviceStatus status) {
        return new DeviceView("350000000000011", "tracker-x", "acme", reported, desired,
                desired == null ? null : "id-" + desired, status, null, null, null, null, null, null);
    }

    private static FirmwareView firmware(String version) {
        return new FirmwareView("id-" + version, "tracker-x", version, 1, "", "", "", 0, 0);
    }
}
