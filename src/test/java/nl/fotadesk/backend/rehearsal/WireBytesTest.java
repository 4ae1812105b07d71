package nl.fotadesk.backend.rehearsal;

import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.device.Device;
import nl.fotadesk.device.DeviceFaults;
import nl.fotadesk.device.DeviceHttp;
import nl.fotadesk.device.DeviceIdentity;
import nl.fotadesk.device.DeviceSettings;
import nl.fotadesk.device.fleet.FleetStats;
import nl.fotadesk.protocol.Imei;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The rehearsal's byte model against the wire: a real download through the device library from a real
 * server, its bytes counted on the device's sockets, equals {@link UpdateCost}'s HTTP bytes within 2 %.
 */
class WireBytesTest {
    @TempDir
    Path data;

    @Test
    void theModelsHttpBytesOfADownloadAreWithinTwoPercentOfTheWire() throws Exception {
        int imageSize = 150_000; // 293 parts of 512 bytes and 13 uplinks: three connections
        try (TestBackend backend = new TestBackend(data)) {
            String imei = Imei.withCheckDigit("35693803000001");
            backend.registerDevice(imei, "tracker-x", "1.0.0");
            String firmware = backend.uploadFirmware("tracker-x", "2.0.0", new byte[imageSize]);
            CountingSockets sockets = new CountingSockets();
            OkHttpClient http = new OkHttpClient.Builder().socketFactory(sockets).retryOnConnectionFailure(false).build();
            Device device = new Device(new DeviceIdentity(imei, TestBackend.SECRET, "tracker-x", "acme", "1.0.0"),
                    new DeviceHttp(http, backend.url()), DeviceSettings.quick(512), DeviceFaults.NONE, new FleetStats(), 1);
            device.step(); // a routine uplink before the update: not part of it
            backend.setDesired(imei, firmware);
            long sent = sockets.sent.get();
            long received = sockets.received.get();
            int opened = sockets.opened.get();
            for (int i = 0; i < 10_000 && !"2.0.0".equals(device.firmware()); i++) {
                device.step();
            }
            device.step(); // the result uplink
            assertThat(device.firmware()).isEqualTo("2.0.0");
            long wire = sockets.sent.get() - sent + sockets.received.get() - received;

            UpdateCost model = UpdateCost.of(imageSize, 512, Bearer.LAN);
            assertThat(model.parts()).isEqualTo((int) device.partRequests());
            assertThat((double) model.httpBytes()).as("model vs %d bytes on the wire", wire)
                    .isCloseTo(wire, within(wire * 0.02));
            assertThat(sockets.opened.get() - opened).as("a connection per 100 requests, the pickup's included")
                    .isEqualTo(3);
        }
    }
}
