package nl.fotadesk.ui.devices;

import nl.fotadesk.protocol.api.DeviceView;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** All the lines of a short list, without a screen: sorted with IMEI order breaking ties, each device keeping its line. */
class SortedDeviceLinesTest {
    @Test
    void keepsEachDevicesLineAndSortsByTheColumnThenByImei() {
        SortedDeviceLines lines = new SortedDeviceLines();
        lines.merge(List.of(device("350000000000029", "acme"), device("350000000000011", "globex"),
                device("350000000000037", "acme")));
        assertThat(imeis(lines)).containsExactly("350000000000011", "350000000000029", "350000000000037");
        DeviceTableLine first = lines.lines().get(0);

        lines.sort(Comparator.comparing(l -> l.view().client()));
        assertThat(imeis(lines)).as("acme first, in IMEI order").containsExactly("350000000000029",
                "350000000000037", "350000000000011");

        lines.merge(List.of(device("350000000000011", "acme"), device("350000000000037", "acme"),
                device("350000000000045", "acme")));
        assertThat(imeis(lines)).as("one gone, one new, one moved by its change")
                .containsExactly("350000000000011", "350000000000037", "350000000000045");
        assertThat(lines.lines().get(0)).as("the same line object, updated").isSameAs(first);
        assertThat(lines.indexOf("350000000000045")).isEqualTo(2);
        assertThat(lines.indexOf("350000000000029")).isEqualTo(-1);

        lines.sort(null);
        lines.clear();
        assertThat(lines.lines()).isEmpty();
    }

    private static List<String> imeis(SortedDeviceLines lines) {
        return lines.lines().stream().map(DeviceTableLine::imei).toList();
    }

    private static DeviceView device(String imei, String client) {
        return FakeDeviceServer.device(imei, client);
    }
}
