package nl.fotadesk.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.backend.domain.Limits;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The limits of docs/api.md ("Limits") at the edges the hostile-input review found, over HTTP. */
class InputLimitsApiTest extends ApiTestBase {
    private static final String ASTRAL_64 = "𝐀".repeat(64);

    @Test
    void namesOfAstralCharactersAreRefusedAndSixtyFourOthersFit() throws IOException {
        expectError("POST", "/api/v1/clients", obj("name", ASTRAL_64), 400, "invalid_name", "U+FFFF");
        expectError("POST", "/api/v1/device-types", obj("name", ASTRAL_64), 400, "invalid_name", "U+FFFF");
        expectError("POST", "/api/v1/devices", obj("imei", imei(1), "deviceType", ASTRAL_64, "client", "acme"),
                400, "invalid_device_type", "U+FFFF");
        expectError("POST", "/api/v1/devices", obj("imei", imei(1), "deviceType", "t", "client", "é".repeat(65)),
                400, "invalid_client", "1 to 64");
        assertThat(get("/api/v1/clients")).isEmpty();
        assertThat(get("/api/v1/devices").get("total").asInt()).isZero();

        String longest = "é".repeat(Limits.NAME);
        call("POST", "/api/v1/clients", obj("name", longest), 201);
        call("POST", "/api/v1/devices", obj("imei", imei(1), "deviceType", longest, "client", longest), 201);
        assertThat(get("/api/v1/devices/" + imei(1)).get("client").asText()).isEqualTo(longest);
    }

    @Test
    void textWithControlCharactersOrOverItsColumnIsRefused() throws IOException {
        expectError("POST", "/api/v1/device-types", obj("name", "t", "description", "x".repeat(257)), 400,
                "invalid_description", "1 to 256");
        expectError("POST", "/api/v1/device-types", obj("name", "t", "description", "a\u0000b"), 400,
                "invalid_description", "U+0000");
        expectError("POST", "/api/v1/groups", obj("name", "g\u0007h", "imeis", List.of()), 400, "invalid_name", "U+0007");
        expectError("GET", "/api/v1/devices?client=%00", null, 400, "invalid_client", "control");
        assertThat(get("/api/v1/device-types")).isEmpty();
        assertThat(get("/api/v1/groups")).isEmpty();
    }

    @Test
    void campaignsRefuseTimesAndTimeoutsOutsideTheirRange() throws IOException {
        register(imei(1), "tracker-x", "acme", "1.0.0");
        String firmware = upload("tracker-x", "2.0.0", new byte[]{1});
        expectError("POST", "/api/v1/campaigns", obj("name", "c", "firmwareId", firmware,
                "scheduledAt", "+1000000000-12-31T23:59:59.999999999Z"), 400, "invalid_schedule", "9999-12-31T23:59:59Z");
        expectError("POST", "/api/v1/campaigns", obj("name", "c", "firmwareId", firmware,
                "deviceTimeoutSeconds", Long.MAX_VALUE), 400, "invalid_timeout", "at most 2592000");
        expectError("POST", "/api/v1/campaigns", obj("name", "c", "firmwareId", firmware,
                "target", obj("imeis", List.of("12345"))), 400, "invalid_imei", "target.imeis[0]");
        expectError("POST", "/api/v1/campaigns", obj("name", "c", "firmwareId", "../x"), 400, "unknown_firmware", "../x");
        assertThat(get("/api/v1/campaigns")).isEmpty();

        assertThat(call("POST", "/api/v1/campaigns", obj("name", "later", "firmwareId", firmware,
                "scheduledAt", "9999-12-31T23:59:59Z"), 201).get("scheduledAt").asText()).isEqualTo("9999-12-31T23:59:59Z");
        JsonNode c = call("POST", "/api/v1/campaigns", obj("name", "c", "firmwareId", firmware,
                "deviceTimeoutSeconds", Limits.TIMEOUT_MAX_SECONDS, "start", true), 201);
        String id = c.get("id").asText();
        tick(); // the engine's timeout arithmetic on the longest timeout
        tick();
        JsonNode running = get("/api/v1/campaigns/" + id);
        assertThat(running.get("state").asText()).isEqualTo("running");
        assertThat(running.get("counts").path("pending").asInt()).isEqualTo(1);
    }

    @Test
    void jsonIsReadStrictly() throws IOException {
        expectError("POST", "/api/v1/clients", "{\"name\":\"m6\"} trailing", 400, "invalid_json", "trailing");
        expectError("POST", "/api/v1/clients", "{\"name\":\"m6\"}{\"name\":\"m7\"}", 400, "invalid_json", "");
        expectError("POST", "/api/v1/clients", "{\"name\":\"m6\",\"name\":\"m7\"}", 400, "invalid_json", "Duplicate field 'name'");
        expectError("POST", "/api/v1/clients", "{\"name\":123}", 400, "invalid_json", "123");
        expectError("POST", "/api/v1/campaigns/preview", "{\"name\":\"c\",\"phases\":[{\"percent\":50.5}]}", 400,
                "invalid_json", "50.5");
        expectError("POST", "/api/v1/campaigns/preview", "{\"name\":\"c\",\"vendorStrict\":\"true\"}", 400,
                "invalid_json", "");
        assertThat(get("/api/v1/clients")).isEmpty();
    }

    @Test
    void anOversizedUplinkRecordIsRefusedByNameAndTheDeviceReportsAgainAfterwards() throws IOException {
        register(imei(1), "tracker-x", "acme", "1.0.0");
        JsonNode before = get("/api/v1/devices/" + imei(1));
        expectUplinkError("{\"n\":\"firmware\",\"vs\":\"" + "x".repeat(65) + "\"}", "record \"firmware\"", "1 to 64");
        expectUplinkError("{\"n\":\"firmware\",\"vs\":\"" + "𝐀".repeat(40) + "\"}", "record \"firmware\"", "U+1D400");
        expectUplinkError("{\"n\":\"fotaState\",\"vs\":\"" + "x".repeat(17) + "\"}", "record \"fotaState\"", "1 to 16");
        expectUplinkError("{\"n\":\"fotaResult\",\"v\":1e300}", "record \"fotaResult\"", "0 to 255");
        expectUplinkError("{\"n\":\"fotaProgress\",\"v\":-1}", "record \"fotaProgress\"", "0 to 100");
        expectUplinkError("{\"n\":\"firmware\",\"v\":3}", "record \"firmware\"", "string value");
        assertThat(get("/api/v1/devices/" + imei(1))).isEqualTo(before);

        assertThat(uplink(imei(1), "{\"n\":\"firmware\",\"vs\":\"1.0.1 (build 7)\"}")).isEqualTo(204);
        assertThat(get("/api/v1/devices/" + imei(1)).get("reportedFirmware").asText()).isEqualTo("1.0.1 (build 7)");
    }

    @Test
    void telemetryKeepsTheMostRecentNamesWithinItsCaps() throws IOException {
        register(imei(1), "tracker-x", "acme", "1.0.0");
        for (int u = 0; u < 40; u++) {
            List<String> records = new ArrayList<>();
            for (int n = 0; n < 400; n++) {
                records.add("{\"n\":\"t" + u + "_" + n + "\",\"v\":" + n + "}");
            }
            uplink(imei(1), records.toArray(String[]::new));
        }
        JsonNode telemetry = get("/api/v1/devices/" + imei(1)).get("telemetry");
        assertThat(telemetry.size()).isEqualTo(Limits.TELEMETRY_NAMES);
        assertThat(telemetry.toString().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(Limits.TELEMETRY_BYTES);
        assertThat(telemetry.has("t39_399")).isTrue();
        assertThat(telemetry.has("t39_0")).isFalse();

        uplink(imei(1), "{\"n\":\"t39_336\",\"v\":-1}", "{\"n\":\"fresh\",\"vs\":\"x\"}");
        telemetry = get("/api/v1/devices/" + imei(1)).get("telemetry");
        assertThat(telemetry.size()).isEqualTo(Limits.TELEMETRY_NAMES);
        assertThat(telemetry.get("t39_336").get("v").asDouble()).isEqualTo(-1);
        assertThat(telemetry.has("fresh")).isTrue();
        assertThat(telemetry.has("t39_337")).as("the least recently reported name made room").isFalse();

        // a value too large to keep is left out, and the uplink's firmware report still counts
        assertThat(uplink(imei(1), "{\"n\":\"blob\",\"vd\":\"" + "A".repeat(Limits.TELEMETRY_ENTRY_BYTES) + "\"}",
                "{\"n\":\"firmware\",\"vs\":\"1.0.1\"}")).isEqualTo(204);
        JsonNode device = get("/api/v1/devices/" + imei(1));
        assertThat(device.get("telemetry").has("blob")).isFalse();
        assertThat(device.get("reportedFirmware").asText()).isEqualTo("1.0.1");
    }

    @Test
    void theNotifiedEventSaysTheDownloadUrlWasSent() throws IOException {
        register(imei(1), "tracker-x", "acme", "1.0.0");
        backend.setDesired(imei(1), upload("tracker-x", "2.0.0", new byte[]{1}));
        assertThat(uplink(imei(1), "{\"n\":\"fotaState\",\"vs\":\"idle\"}")).isEqualTo(200);
        JsonNode history = get("/api/v1/devices/" + imei(1) + "/history");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("state").asText()).isEqualTo("notified");
        assertThat(last.get("detail").asText()).isEqualTo("sent the download URL");
    }

    @Test
    void aCsvImportIsUtf8WithOrWithoutByteOrderMarkAndNothingElse() throws IOException {
        String csv = "imei,deviceType,client\n" + imei(1) + ",tracker-x,acme\n";
        try (Response r = postCsvBytes(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_16LE))) {
            assertError(r, 400, "invalid_csv", "UTF-16");
        }
        try (Response r = postCsvBytes((csv + imei(2) + ",tracker-\u00E9,acme\n").getBytes(StandardCharsets.ISO_8859_1))) {
            assertError(r, 400, "invalid_csv", "not UTF-8");
        }
        assertThat(get("/api/v1/devices").get("total").asInt()).isZero();
        assertThat(importCsv("", "\uFEFF" + csv, 200).get("imported").asInt()).isEqualTo(1);
    }

    private Response postCsvBytes(byte[] body) throws IOException {
        return backend.http.newCall(new Request.Builder().url(backend.url() + "/api/v1/devices/import")
                .header("Authorization", "Bearer " + TestBackend.API_KEY)
                .post(RequestBody.create(body, MediaType.get("text/csv"))).build()).execute();
    }

    private void expectUplinkError(String record, String... detailParts) throws IOException {
        try (Response r = backend.uplink(TestBackend.pack(imei(1), record))) {
            JsonNode answer = assertError(r, 400, "invalid_record", detailParts[0]);
            assertThat(answer.get("detail").asText()).contains(detailParts);
        }
    }
}
