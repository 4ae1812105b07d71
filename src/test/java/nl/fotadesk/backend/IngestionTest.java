package nl.fotadesk.backend;

import com.fasterxml.jackson.databind.JsonNode;
import nl.fotadesk.backend.domain.StrictJson;
import nl.fotadesk.protocol.DeviceUrn;
import nl.fotadesk.protocol.Downlink;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import static nl.fotadesk.backend.TestBackend.pack;
import static org.assertj.core.api.Assertions.assertThat;

class IngestionTest extends OnEachDeviceServer {
    static final String IMEI = "490154203237518";

    @TempDir
    Path data;
    TestBackend backend;

    @BeforeEach
    void start() throws Exception {
        backend = new TestBackend(config(data));
        backend.registerDevice(IMEI, "tracker-x", "1.0.0");
    }

    @AfterEach
    void stop() throws Exception {
        backend.close();
    }

    @Test
    void storesTheReportedStateAndTelemetryAndAnswers204() throws IOException {
        try (Response r = backend.uplink(pack(IMEI, "{\"n\":\"firmware\",\"vs\":\"1.0.1\"}",
                "{\"n\":\"temperature\",\"u\":\"Cel\",\"v\":21.5}"))) {
            assertThat(r.code()).isEqualTo(204);
            assertThat(r.body().bytes()).isEmpty();
        }
        try (Response r = backend.uplink(pack(IMEI, "{\"n\":\"battery\",\"v\":87}"))) {
            assertThat(r.code()).isEqualTo(204);
        }
        JsonNode device = device();
        assertThat(device.get("reportedFirmware").asText()).isEqualTo("1.0.1");
        assertThat(device.get("lastSeen").asText()).endsWith("Z");
        assertThat(device.at("/telemetry/temperature/v").asDouble()).isEqualTo(21.5);
        assertThat(device.at("/telemetry/temperature/u").asText()).isEqualTo("Cel");
        assertThat(device.at("/telemetry/battery/v").asDouble()).as("telemetry merges").isEqualTo(87);
    }

    @Test
    void rejectsUnauthenticatedUplinksWithoutChangingAnything() throws IOException {
        String body = pack(IMEI, "{\"n\":\"firmware\",\"vs\":\"6.6.6\"}");
        try (Response r = backend.uplink(body, null)) {
            assertThat(r.code()).isEqualTo(401);
        }
        try (Response r = backend.uplink(body, "0".repeat(64))) {
            assertThat(r.code()).isEqualTo(401);
        }
        String unknown = pack("356938035643809", "{\"n\":\"firmware\",\"vs\":\"6.6.6\"}");
        String unknownBody;
        try (Response r = backend.uplink(unknown)) {
            assertThat(r.code()).isEqualTo(401);
            unknownBody = r.body().string();
        }
        try (Response r = backend.uplink(body, "0".repeat(64))) {
            assertThat(r.body().string()).as("the answer does not reveal whether the device exists")
                    .isEqualTo(unknownBody);
        }
        assertThat(device().get("reportedFirmware").asText()).isEqualTo("1.0.0");
        assertThat(device().has("lastSeen")).isFalse();
    }

    @Test
    void rejectsInvalidSenmlWith400AndTheRule() throws IOException {
        try (Response r = backend.uplink(pack(IMEI, "{\"n\":\"firmware\",\"vs\":\"1\",\"v\":2}"))) {
            assertThat(r.code()).isEqualTo(400);
            JsonNode error = StrictJson.MAPPER.readTree(r.body().string());
            assertThat(error.get("error").asText()).isEqualTo("invalid_senml");
            assertThat(error.get("detail").asText()).contains("record 2");
        }
        try (Response r = backend.uplink("{}")) {
            assertThat(r.code()).isEqualTo(400);
        }
        assertThat(device().get("reportedFirmware").asText()).isEqualTo("1.0.0");
    }

    @Test
    void refusesBodiesOver64KiB() throws IOException {
        String big = pack(IMEI, "{\"n\":\"blob\",\"vs\":\"" + "x".repeat(64 * 1024) + "\"}");
        try (Response r = backend.uplink(big)) {
            assertThat(r.code()).isEqualTo(413);
        }
        assertThat(device().has("telemetry")).isFalse();
    }

    @Test
    void answersTheDownlinkWhileAnUpdateIsPendingUntilTheDeviceRunsIt() throws Exception {
        byte[] image = new byte[5000];
        new Random(3).nextBytes(image);
        String v2 = backend.uploadFirmware("tracker-x", "2.0.0", image);
        backend.setDesired(IMEI, v2);
        String bn = DeviceUrn.of(IMEI);

        Downlink first;
        try (Response r = backend.uplink(pack(IMEI, "{\"n\":\"firmware\",\"vs\":\"1.0.0\"}"))) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("application/json");
            byte[] body = r.body().bytes();
            assertThat(new String(body)).startsWith("[{\"bn\":\"" + bn + "\"},{\"n\":\"url\",\"vs\":\"");
            first = Downlink.parse(body, bn).orElseThrow();
        }
        assertThat(first.url()).matches("http://127\\.0\\.0\\.1:\\d+/f/v1/[0-9a-f-]{36}");
        assertThat(first.version()).isEqualTo("2.0.0");
        assertThat(first.size()).isEqualTo(5000);
        assertThat(first.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image)));
        assertThat(device().get("status").asText()).isEqualTo("notified");

        try (Response r = backend.uplink(pack(IMEI, "{\"n\":\"fotaState\",\"vs\":\"downloading\"}",
                "{\"n\":\"fotaProgress\",\"v\":40,\"u\":\"%\"}"))) {
            Downlink again = Downlink.parse(r.body().bytes(), bn).orElseThrow();
            assertThat(again.url()).as("the URL stays the same").isEqualTo(first.url());
            assertThat(again.token()).as("the token is kept until near expiry").isEqualTo(first.token());
        }
        assertThat(device().get("status").asText()).isEqualTo("downloading");
        assertThat(device().get("progress").asInt()).isEqualTo(40);

        try (Response r = backend.uplink(pack(IMEI, "{\"n\":\"firmware\",\"vs\":\"2.0.0\"}",
                "{\"n\":\"fotaResult\",\"v\":1}"))) {
            assertThat(r.code()).isEqualTo(204);
        }
        JsonNode device = device();
        assertThat(device.get("status").asText()).isEqualTo("succeeded");
        assertThat(device.get("reportedFirmware").asText()).isEqualTo("2.0.0");
        assertThat(device.get("fotaResult").asInt()).isEqualTo(1);
    }

    @Test
    void aReportedFailureEndsTheUpdate() throws Exception {
        backend.setDesired(IMEI, backend.uploadFirmware("tracker-x", "2.0.0", new byte[100]));
        try (Response r = backend.uplink(pack(IMEI, "{\"n\":\"firmware\",\"vs\":\"1.0.0\"}"))) {
            assertThat(r.code()).isEqualTo(200);
        }
        try (Response r = backend.uplink(pack(IMEI, "{\"n\":\"fotaResult\",\"v\":8}"))) {
            assertThat(r.code()).as("no more downlinks after a failure").isEqualTo(204);
        }
        assertThat(device().get("status").asText()).isEqualTo("failed");
        assertThat(device().get("fotaResult").asInt()).isEqualTo(8);
    }

    @Test
    void echoesTheDevicesBaseNameByteForByte() throws Exception {
        backend.setDesired(IMEI, backend.uploadFirmware("tracker-x", "2.0.0", new byte[100]));
        String body = "[{\"bn\":\"urn:dev:IMEI:" + IMEI + ":\",\"bt\":1764201600},{\"n\":\"firmware\",\"vs\":\"1.0.0\"}]";
        try (Response r = backend.uplink(body)) {
            assertThat(r.body().string()).startsWith("[{\"bn\":\"urn:dev:IMEI:" + IMEI + ":\"}");
        }
    }

    private JsonNode device() throws IOException {
        return backend.apiJson("GET", "/api/v1/devices/" + IMEI, null, 200);
    }
}
