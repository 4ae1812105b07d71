package nl.fotadesk.device;

import com.fasterxml.jackson.databind.JsonNode;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.client.HttpFotaDeskClient;
import nl.fotadesk.device.fleet.FaultPlan;
import nl.fotadesk.device.fleet.Fleet;
import nl.fotadesk.device.fleet.FleetGenerator;
import nl.fotadesk.device.fleet.FleetRegistration;
import nl.fotadesk.protocol.UpdateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The real backend and 200 simulated devices with faults, all over HTTP on loopback. */
class FleetEndToEndTest {
    @TempDir
    Path data;

    @Test
    void everyDeviceThatCanSucceedRunsTheNewImageAndTheOthersFailWithTheirResultCode() throws Exception {
        byte[] image = new byte[20_000];
        new Random(2).nextBytes(image);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image));
        List<DeviceIdentity> identities = FleetGenerator.generate(200, 7);
        FaultPlan faults = FaultPlan.parse("corrupt=0.02,drop=0.02,reboot=0.1,install=0.05,flash=0.03");

        try (TestBackend backend = new TestBackend(data);
             Fleet fleet = new Fleet(backend.url(), identities, DeviceSettings.quick(512), faults, 7, 16)) {
            assertThat(FleetRegistration.register(new HttpFotaDeskClient(backend.url(), TestBackend.API_KEY), identities))
                    .isEqualTo(200);
            fleet.start(Duration.ofMillis(200));
            Map<String, String> firmwareByType = new HashMap<>();
            for (FleetGenerator.DeviceModel model : FleetGenerator.MODELS) {
                firmwareByType.put(model.deviceType(), backend.uploadFirmware(model.deviceType(), "9.9.9", image));
            }
            for (DeviceIdentity d : identities) {
                backend.setDesired(d.imei(), firmwareByType.get(d.deviceType()));
            }

            // every device has finished its update, and the server has heard how
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                    fleet.devices().stream().noneMatch(d -> d.lastResult() == UpdateResult.INITIAL)
                            && unfinished(backend) == 0);

            backend.server().countServedParts();
            int succeeded = 0;
            int failed = 0;
            for (Device device : fleet.devices()) {
                JsonNode view = backend.apiJson("GET", "/api/v1/devices/" + device.imei(), null, 200);
                assertThat(device.installedSha256()).as("never an image with another SHA-256")
                        .satisfiesAnyOf(s -> assertThat(s).isEmpty(), s -> assertThat(s).contains(sha256));
                assertThat(view.get("bytesServed").asLong()).as("bytes served to " + device.imei())
                        .isEqualTo(device.bytesSentToMe());
                DeviceFaults f = device.faults();
                if (f.flashBytes() > 0) {
                    assertThat(view.get("status").asText()).isEqualTo("failed");
                    assertThat(view.get("fotaResult").asInt()).isEqualTo(2);
                    failed++;
                } else if (f.installFails()) {
                    assertThat(view.get("status").asText()).isEqualTo("failed");
                    assertThat(view.get("fotaResult").asInt()).isEqualTo(8);
                    assertThat(device.firmware()).isNotEqualTo("9.9.9");
                    failed++;
                } else {
                    assertThat(view.get("status").asText()).as(device.imei() + " " + device.firmware() + " "
                            + backend.apiJson("GET", "/api/v1/devices/" + device.imei() + "/history", null, 200))
                            .isEqualTo("succeeded");
                    assertThat(view.get("reportedFirmware").asText()).isEqualTo("9.9.9");
                    assertThat(device.installedSha256()).contains(sha256);
                    assertThat(view.get("bytesServed").asLong()).isGreaterThanOrEqualTo(image.length);
                    succeeded++;
                }
            }
            assertThat(succeeded).isGreaterThan(150);
            assertThat(failed).isGreaterThan(0);
            assertThat(fleet.stats().retries()).as("faults were injected").isGreaterThan(0);
            assertThat(fleet.devices().stream().filter(d -> d.faults().rebootAt() >= 0)).isNotEmpty();
        }
    }

    /** Devices whose update the server still sees under way. */
    private static long unfinished(TestBackend backend) throws Exception {
        JsonNode page = backend.apiJson("GET", "/api/v1/devices?limit=1000", null, 200);
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .map(d -> d.get("status").asText())
                .filter(s -> !s.equals("succeeded") && !s.equals("failed")).count();
    }
}
