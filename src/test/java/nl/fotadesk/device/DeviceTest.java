package nl.fotadesk.device;

import com.fasterxml.jackson.databind.JsonNode;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.protocol.FotaState;
import nl.fotadesk.protocol.UpdateResult;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** One device against the real backend over HTTP. */
class DeviceTest {
    static final String IMEI = "490154203237518";
    static final int SIZE = 64 * 1024;
    static final int PART = 256;

    @TempDir
    Path data;
    TestBackend backend;
    byte[] image;
    String sha256;
    final AtomicInteger connections = new AtomicInteger();
    OkHttpClient http;

    @BeforeEach
    void start() throws Exception {
        backend = new TestBackend(data);
        backend.registerDevice(IMEI, "tracker-x", "1.0.0");
        image = new byte[SIZE];
        new Random(11).nextBytes(image);
        sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image));
        http = new OkHttpClient.Builder().eventListener(new EventListener() {
            @Override
            public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
                connections.incrementAndGet();
            }
        }).build();
    }

    @AfterEach
    void stop() throws Exception {
        backend.close();
    }

    Device device(DeviceFaults faults) {
        return new Device(new DeviceIdentity(IMEI, TestBackend.SECRET, "tracker-x", "acme", "1.0.0"),
                new DeviceHttp(http, backend.url()), DeviceSettings.quick(PART), faults, DeviceEvents.NONE, 1);
    }

    void desire(String version) throws Exception {
        backend.setDesired(IMEI, backend.uploadFirmware("tracker-x", version, image));
    }

    static void stepUntil(Device device, BooleanSupplier done) {
        for (int i = 0; i < 10_000 && !done.getAsBoolean(); i++) {
            device.step();
        }
        assertThat(done.getAsBoolean()).as("condition reached within 10,000 steps").isTrue();
    }

    JsonNode backendView() throws Exception {
        backend.server().countServedParts();
        return backend.apiJson("GET", "/api/v1/devices/" + IMEI, null, 200);
    }

    @Test
    void updatesItselfAndReportsTheNewVersion() throws Exception {
        Device device = device(DeviceFaults.NONE);
        device.step();
        assertThat(device.state()).as("no update yet").isEqualTo(FotaState.IDLE);
        desire("2.0.0");
        stepUntil(device, () -> "2.0.0".equals(device.firmware()) && device.state() == FotaState.IDLE);
        device.step();
        assertThat(device.installedSha256()).contains(sha256);
        assertThat(device.lastResult()).isEqualTo(UpdateResult.SUCCESS);
        assertThat(device.partRequests()).isEqualTo(SIZE / PART);
        JsonNode view = backendView();
        assertThat(view.get("status").asText()).isEqualTo("succeeded");
        assertThat(view.get("reportedFirmware").asText()).isEqualTo("2.0.0");
        assertThat(view.get("bytesServed").asLong()).isEqualTo(SIZE).isEqualTo(device.bytesSentToMe());
    }

    @Test
    void continuesOnANewConnectionWhenTheServerClosesOne() throws Exception {
        Device device = device(DeviceFaults.NONE);
        desire("2.0.0");
        stepUntil(device, () -> device.state() == FotaState.DOWNLOADED);
        assertThat(device.partRequests()).as("every part fetched once, none retried").isEqualTo(SIZE / PART);
        // 256 part requests and a few uplinks: the server closes every connection after 100 requests
        assertThat(connections.get()).isBetween(3, 5);
    }

    @Test
    void resumesAfterARebootWithoutFetchingPartsAgain() throws Exception {
        Device device = device(DeviceFaults.NONE);
        desire("2.0.0");
        stepUntil(device, () -> device.progress() >= 50);
        long before = device.partRequests();
        device.reboot();
        stepUntil(device, () -> device.state() == FotaState.IDLE && "2.0.0".equals(device.firmware()));
        assertThat(before).isGreaterThan(0);
        assertThat(device.partRequests()).as("no part fetched twice").isEqualTo(SIZE / PART);
        assertThat(device.installedSha256()).contains(sha256);
    }

    @Test
    void refetchesCorruptedAndDroppedParts() throws Exception {
        Device device = device(new DeviceFaults(0.1, 0.1, 0, -1, false, 0, false));
        desire("2.0.0");
        stepUntil(device, () -> "2.0.0".equals(device.firmware()));
        assertThat(device.partRequests()).isGreaterThan(SIZE / PART);
        assertThat(device.installedSha256()).contains(sha256);
        device.step();
        assertThat(backendView().get("bytesServed").asLong()).isEqualTo(device.bytesSentToMe());
    }

    @Test
    void reportsAFailedInstallAndKeepsItsFirmware() throws Exception {
        Device device = device(new DeviceFaults(0, 0, 0, -1, true, 0, false));
        desire("2.0.0");
        stepUntil(device, () -> device.lastResult() == UpdateResult.UPDATE_FAILED);
        device.step();
        assertThat(device.firmware()).isEqualTo("1.0.0");
        assertThat(device.installedSha256()).isEmpty();
        JsonNode view = backendView();
        assertThat(view.get("status").asText()).isEqualTo("failed");
        assertThat(view.get("fotaResult").asInt()).isEqualTo(8);
    }

    @Test
    void refusesAnImageLargerThanItsFlash() throws Exception {
        Device device = device(new DeviceFaults(0, 0, 0, -1, false, 1024, false));
        desire("2.0.0");
        stepUntil(device, () -> device.lastResult() == UpdateResult.NOT_ENOUGH_FLASH);
        device.step();
        assertThat(device.partRequests()).isZero();
        assertThat(backendView().get("fotaResult").asInt()).isEqualTo(2);
    }

    @Test
    void stopsWhenItsUpdateIsReplaced() throws Exception {
        Device device = device(DeviceFaults.NONE);
        desire("2.0.0");
        stepUntil(device, () -> device.progress() >= 20);
        byte[] v3 = {1, 2, 3};
        backend.setDesired(IMEI, backend.uploadFirmware("tracker-x", "3.0.0", v3));
        // the old URL answers 410, or the next downlink brings the new URL: either way 3.0.0 follows
        stepUntil(device, () -> "3.0.0".equals(device.firmware()));
        assertThat(device.installedSha256())
                .contains(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(v3)));
    }

    @Test
    void partSizeGrowsSoThatNoDownloadNeedsMoreThan19999Parts() {
        assertThat(Device.partSizeFor(100_000, 512)).isEqualTo(512);
        assertThat(Device.partSizeFor(64L * 1024 * 1024, 512)).isEqualTo(3356);
        assertThat((64L * 1024 * 1024 + 3355) / 3356).isLessThanOrEqualTo(19_999);
        assertThat(Device.partSizeFor(19_999L * 600, 512)).isEqualTo(600);
        assertThat(Device.partSizeFor(19_999L * 600 + 1, 512)).isEqualTo(601);
    }
}
