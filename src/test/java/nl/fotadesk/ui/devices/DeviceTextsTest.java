package nl.fotadesk.ui.devices;

import nl.fotadesk.protocol.api.DeviceStatus;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.ui.FakeFotaDeskClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How much of its image a device was served, in words: never more than the image when parts were sent again, a dash for nothing. */
class DeviceTextsTest {
    @ParameterizedTest(name = "{0} bytes served of an image of {1}: {2}")
    @CsvSource(nullValues = "-", delimiter = '|', value = {
            "-       | 204800 | \u2014",
            "0       | 98304  | \u2014",
            "102400  | 204800 | 100 KiB of 200 KiB",
            "204800  | 204800 | 200 KiB of 200 KiB",
            "207360  | 204800 | 200 KiB of 200 KiB (202.5 KiB sent, retries included)",
            "102400  | -      | 100 KiB",
    })
    void saysWhatWasServedOfTheImage(Long served, Long size, String expected) {
        DeviceTexts texts = new DeviceTexts(FakeFotaDeskClient.context(new FakeFotaDeskClient()));
        DeviceView d = new DeviceView("350000000000011", "tracker-x", "acme", "1.0.0", "2.0.0", "t20",
                DeviceStatus.DOWNLOADING, 50, served, null, null, null, null);
        FirmwareView image = size == null ? null : new FirmwareView("t20", "tracker-x", "2.0.0", size, "", "", "", 0, 0);
        assertThat(texts.served(d, image)).isEqualTo(expected);
    }
}
