package nl.fotadesk.backend;

import com.fasterxml.jackson.databind.JsonNode;
import nl.fotadesk.backend.domain.StrictJson;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

class ManagementApiTest extends OnEachDatabase {
    static final String IMEI = "490154203237518";
    static final String OTHER_IMEI = "356938035643809";

    @TempDir
    Path data;
    TestBackend backend;

    @BeforeEach
    void start() throws Exception {
        backend = new TestBackend(database.config(data, TestBackend.API_KEY).withMaxFirmwareSize(4096));
    }

    @AfterEach
    void stop() throws Exception {
        backend.close();
    }

    @Test
    void registersAndShowsADevice() throws IOException {
        JsonNode created = backend.apiJson("POST", "/api/v1/devices", "{\"imei\":\"" + IMEI + "\",\"deviceType\":"
                + "\"tracker-x\",\"client\":\"acme\",\"secret\":\"" + TestBackend.SECRET + "\",\"firmware\":\"1.0.0\"}", 201);
        assertThat(created.get("imei").asText()).isEqualTo(IMEI);
        assertThat(created.has("secret")).as("a given secret is not echoed").isFalse();

        JsonNode device = backend.apiJson("GET", "/api/v1/devices/" + IMEI, null, 200);
        assertThat(device.get("deviceType").asText()).isEqualTo("tracker-x");
        assertThat(device.get("client").asText()).isEqualTo("acme");
        assertThat(device.get("reportedFirmware").asText()).isEqualTo("1.0.0");
        assertThat(device.get("status").asText()).isEqualTo("in_sync");
        assertThat(device.has("lastSeen")).isFalse();
    }

    @Test
    void generatesASecretWhenNoneIsGivenAndShowsItOnce() throws IOException {
        JsonNode created = backend.apiJson("POST", "/api/v1/devices",
                "{\"imei\":\"" + IMEI + "\",\"deviceType\":\"tracker-x\",\"client\":\"acme\"}", 201);
        assertThat(created.get("secret").asText()).matches("[0-9A-Za-z]{30,100}");
        assertThat(backend.apiJson("GET", "/api/v1/devices/" + IMEI, null, 200).has("secret")).isFalse();
    }

    @Test
    void rejectsBadRegistrationsWithoutStoringAnything() throws IOException {
        expectError("POST", "/api/v1/devices", "{\"imei\":\"490154203237517\",\"deviceType\":\"t\",\"client\":\"c\"}",
                400, "invalid_imei", "check digit");
        expectError("POST", "/api/v1/devices", "{\"imei\":\"49015420323751\",\"deviceType\":\"t\",\"client\":\"c\"}",
                400, "invalid_imei", "15 digits");
        expectError("POST", "/api/v1/devices", "{\"imei\":\"" + IMEI + "\",\"deviceType\":\"t\",\"client\":\"c\","
                + "\"secret\":\"short\"}", 400, "invalid_secret", "30");
        expectError("POST", "/api/v1/devices", "{\"imei\":\"" + IMEI + "\",\"client\":\"c\"}",
                400, "invalid_device_type", "deviceType");
        expectError("POST", "/api/v1/devices", "not json", 400, "invalid_json", "");
        assertThat(backend.apiJson("GET", "/api/v1/devices", null, 200).get("total").asLong()).isZero();

        backend.registerDevice(IMEI, "tracker-x", "1.0.0");
        expectError("POST", "/api/v1/devices", "{\"imei\":\"" + IMEI + "\",\"deviceType\":\"other\",\"client\":\"c\"}",
                409, "duplicate_imei", IMEI);
        assertThat(backend.apiJson("GET", "/api/v1/devices/" + IMEI, null, 200).get("deviceType").asText())
                .isEqualTo("tracker-x");
    }

    @Test
    void filtersAndPagesDevices() throws IOException {
        for (int i = 0; i < 12; i++) {
            String imei = nl.fotadesk.protocol.Imei.withCheckDigit(String.format("35693803564%03d", i));
            String json = "{\"imei\":\"" + imei + "\",\"deviceType\":\"" + (i % 2 == 0 ? "tracker-x" : "meter-y")
                    + "\",\"client\":\"" + (i < 4 ? "acme" : "globex") + "\",\"firmware\":\"1." + (i % 3) + "\"}";
            backend.apiJson("POST", "/api/v1/devices", json, 201);
        }
        JsonNode page = backend.apiJson("GET", "/api/v1/devices?deviceType=tracker-x&limit=4&offset=0", null, 200);
        assertThat(page.get("total").asLong()).isEqualTo(6);
        assertThat(page.get("items")).hasSize(4);
        JsonNode second = backend.apiJson("GET", "/api/v1/devices?deviceType=tracker-x&limit=4&offset=4", null, 200);
        assertThat(second.get("items")).hasSize(2);
        assertThat(second.get("items").get(0).get("imei").asText())
                .isGreaterThan(page.get("items").get(3).get("imei").asText());
        assertThat(backend.apiJson("GET", "/api/v1/devices?client=acme&firmware=1.0", null, 200)
                .get("total").asLong()).isEqualTo(2);
        assertThat(backend.apiJson("GET", "/api/v1/devices?status=in_sync&client=", null, 200)
                .get("total").asLong()).isEqualTo(12);
        expectError("GET", "/api/v1/devices?status=happy", null, 400, "invalid_status", "happy");
        expectError("GET", "/api/v1/devices?limit=0", null, 400, "invalid_limit", "limit");
        expectError("GET", "/api/v1/devices?offset=x", null, 400, "invalid_offset", "offset");
    }

    @Test
    void uploadsFirmwareWithItsHashes() throws Exception {
        byte[] image = new byte[3000];
        new java.util.Random(1).nextBytes(image);
        String id = backend.uploadFirmware("tracker-x", "2.0.0", image);
        JsonNode listed = backend.apiJson("GET", "/api/v1/firmware", null, 200);
        assertThat(listed).hasSize(1);
        JsonNode f = listed.get(0);
        assertThat(f.get("id").asText()).isEqualTo(id);
        assertThat(f.get("size").asLong()).isEqualTo(3000);
        assertThat(f.get("sha256").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image)));
        CRC32 crc = new CRC32();
        crc.update(image);
        assertThat(f.get("crc32").asText()).isEqualTo(String.format("%08x", crc.getValue()));
        assertThat(f.get("uploadedAt").asText()).endsWith("Z");
        assertThat(backend.apiJson("GET", "/api/v1/firmware/" + id, null, 200).get("version").asText())
                .isEqualTo("2.0.0");
    }

    @Test
    void refusesOversizedDuplicateAndEmptyImagesWithoutKeepingThem() throws Exception {
        backend.uploadFirmware("tracker-x", "2.0.0", new byte[100]);
        try (Response r = upload("tracker-x", "2.0.0", new byte[10])) {
            assertError(r, 409, "duplicate_firmware", "2.0.0");
        }
        try (Response r = upload("tracker-x", "3.0.0", new byte[5000])) {
            assertError(r, 413, "too_large", "4096");
        }
        try (Response r = upload("tracker-x", "3.0.0", new byte[0])) {
            assertError(r, 400, "empty_image", "empty");
        }
        try (Response r = upload("tracker-x", "bad version!", new byte[10])) {
            assertError(r, 400, "invalid_version", "version");
        }
        assertThat(backend.apiJson("GET", "/api/v1/firmware", null, 200)).hasSize(1);
        try (var files = java.nio.file.Files.list(data.resolve("firmware"))) {
            assertThat(files.toList()).as("only the one stored image, no temporary files").hasSize(1);
        }
    }

    @Test
    void setsTheDesiredFirmwareOfOneDevice() throws Exception {
        backend.registerDevice(IMEI, "tracker-x", "1.0.0");
        String v2 = backend.uploadFirmware("tracker-x", "2.0.0", new byte[100]);
        String other = backend.uploadFirmware("meter-y", "2.0.0", new byte[100]);

        expectError("PUT", "/api/v1/devices/" + IMEI + "/desired", "{\"firmwareId\":\"" + other + "\"}",
                400, "wrong_device_type", "meter-y");
        expectError("PUT", "/api/v1/devices/" + IMEI + "/desired", "{\"firmwareId\":\"nope\"}",
                400, "unknown_firmware", "nope");
        expectError("PUT", "/api/v1/devices/" + OTHER_IMEI + "/desired", "{\"firmwareId\":\"" + v2 + "\"}",
                404, "not_found", OTHER_IMEI);
        assertThat(backend.apiJson("GET", "/api/v1/devices/" + IMEI, null, 200).get("status").asText())
                .isEqualTo("in_sync");

        JsonNode device = backend.apiJson("PUT", "/api/v1/devices/" + IMEI + "/desired",
                "{\"firmwareId\":\"" + v2 + "\"}", 200);
        assertThat(device.get("desiredFirmware").asText()).isEqualTo("2.0.0");
        assertThat(device.get("status").asText()).isEqualTo("pending");
    }

    @Test
    void desiredVersionThatTheDeviceAlreadyRunsIsInSync() throws Exception {
        backend.registerDevice(IMEI, "tracker-x", "2.0.0");
        String v2 = backend.uploadFirmware("tracker-x", "2.0.0", new byte[100]);
        JsonNode device = backend.apiJson("PUT", "/api/v1/devices/" + IMEI + "/desired",
                "{\"firmwareId\":\"" + v2 + "\"}", 200);
        assertThat(device.get("status").asText()).isEqualTo("in_sync");
    }

    @Test
    void refusesRequestsWithoutTheApiKey() throws IOException {
        for (String key : new String[]{null, "wrong", ""}) {
            try (Response r = backend.apiWithKey("GET", "/api/v1/devices", null, key)) {
                assertError(r, 401, "unauthorized", "API key");
            }
        }
        try (Response r = backend.apiWithKey("POST", "/api/v1/devices",
                "{\"imei\":\"" + IMEI + "\",\"deviceType\":\"t\",\"client\":\"c\"}", "wrong")) {
            assertThat(r.code()).isEqualTo(401);
        }
        assertThat(backend.apiJson("GET", "/api/v1/devices", null, 200).get("total").asLong()).isZero();
    }

    @Test
    void answersUnknownResourcesAndMethods() throws IOException {
        expectError("GET", "/api/v1/devices/" + IMEI, null, 404, "not_found", IMEI);
        expectError("GET", "/api/v1/nothing", null, 404, "not_found", "/api/v1/nothing");
        expectError("DELETE", "/api/v1/firmware", null, 405, "method_not_allowed", "DELETE");
    }

    @Test
    void keepsAGivenApiKeyAndGeneratesOneOnlyWhenThereIsNone(@TempDir Path other) throws Exception {
        assertThat(backend.server().generatedApiKey()).isEmpty();
        BackendConfig withoutKey = database.config(other, null);
        try (BackendServer fresh = BackendServer.start(withoutKey, Clock.systemUTC(), TestBackend.QUICK_HASHES)) {
            String key = fresh.generatedApiKey().orElseThrow();
            try (Response r = backend.http.newCall(new Request.Builder().url(fresh.baseUrl() + "/api/v1/firmware")
                    .header("Authorization", "Bearer " + key).build()).execute()) {
                assertThat(r.code()).isEqualTo(200);
            }
        }
        try (BackendServer again = BackendServer.start(withoutKey, Clock.systemUTC(), TestBackend.QUICK_HASHES)) {
            assertThat(again.generatedApiKey()).as("the stored key is kept").isEmpty();
        }
    }

    private Response upload(String type, String version, byte[] image) throws IOException {
        return backend.http.newCall(new Request.Builder()
                .url(backend.url() + "/api/v1/firmware?deviceType=" + type + "&version=" + version.replace(" ", "%20"))
                .header("Authorization", "Bearer " + TestBackend.API_KEY)
                .post(RequestBody.create(image, MediaType.get("application/octet-stream"))).build()).execute();
    }

    private void expectError(String method, String path, String json, int status, String error, String detail)
            throws IOException {
        try (Response r = backend.api(method, path, json)) {
            assertError(r, status, error, detail);
        }
    }

    static void assertError(Response r, int status, String error, String detail) throws IOException {
        String body = r.body().string();
        assertThat(r.code()).as(body).isEqualTo(status);
        JsonNode json = StrictJson.MAPPER.readTree(body);
        assertThat(json.get("error").asText()).isEqualTo(error);
        assertThat(json.get("detail").asText()).contains(detail);
    }
}
