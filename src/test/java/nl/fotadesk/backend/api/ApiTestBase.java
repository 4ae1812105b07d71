package nl.fotadesk.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import nl.fotadesk.backend.OnEachDatabase;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.backend.domain.StrictJson;
import nl.fotadesk.protocol.Imei;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real backend on a free port per test, with the campaign engine stepped only by {@link #tick()},
 * and the HTTP calls the API tests share. Every API test runs on H2 and on PostgreSQL.
 */
abstract class ApiTestBase extends OnEachDatabase {
    static final String SECRET = TestBackend.SECRET;

    @TempDir
    Path data;
    TestBackend backend;

    @BeforeEach
    void startBackend() throws Exception {
        backend = new TestBackend(database.config(data, TestBackend.API_KEY).withEngineTick(Duration.ZERO));
    }

    @AfterEach
    void stopBackend() throws Exception {
        backend.close();
    }

    /** A valid IMEI (with its check digit) numbered {@code n}. */
    static String imei(int n) {
        return Imei.withCheckDigit(String.format("35693803%06d", n));
    }

    /** A JSON object from name/value pairs, in that order (null values are kept). */
    static Map<String, Object> obj(Object... nameValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            m.put((String) nameValues[i], nameValues[i + 1]);
        }
        return m;
    }

    static String json(Object value) throws IOException {
        return value == null || value instanceof String s ? (String) value : StrictJson.MAPPER.writeValueAsString(value);
    }

    JsonNode get(String path) throws IOException {
        return backend.apiJson("GET", path, null, 200);
    }

    /** Calls the API with a JSON body (a String as it is, anything else serialised) and expects {@code status}. */
    JsonNode call(String method, String path, Object body, int status) throws IOException {
        return backend.apiJson(method, path, json(body), status);
    }

    /** Expects an error answer: the status, the error code and a part of the detail; returns the whole answer. */
    JsonNode expectError(String method, String path, Object body, int status, String error, String detailPart)
            throws IOException {
        try (Response r = backend.api(method, path, json(body))) {
            return assertError(r, status, error, detailPart);
        }
    }

    static JsonNode assertError(Response r, int status, String error, String detailPart) throws IOException {
        String text = r.body().string();
        assertThat(r.code()).as(text).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode answer = StrictJson.MAPPER.readTree(text);
        assertThat(answer.path("error").asText()).as(text).isEqualTo(error);
        assertThat(answer.path("detail").asText()).as(text).contains(detailPart);
        return answer;
    }

    /** Registers a device whose uplinks {@link #uplink} can sign. */
    void register(String imei, String deviceType, String client, String firmware) throws IOException {
        call("POST", "/api/v1/devices", obj("imei", imei, "deviceType", deviceType, "client", client,
                "secret", SECRET, "firmware", firmware), 201);
    }

    /** Registers many devices of one type and client with one request. */
    void registerAll(String deviceType, String client, String firmware, String... imeis) throws IOException {
        List<Object> batch = new ArrayList<>();
        for (String imei : imeis) {
            batch.add(obj("imei", imei, "deviceType", deviceType, "client", client, "secret", SECRET,
                    "firmware", firmware));
        }
        call("POST", "/api/v1/devices/bulk", batch, 201);
    }

    String upload(String deviceType, String version, byte[] image) throws IOException {
        return backend.uploadFirmware(deviceType, version, image);
    }

    /** A signed uplink of {@code imei} with the given SenML records; answers 200 (downlink) or 204. */
    int uplink(String imei, String... records) throws IOException {
        try (Response r = backend.uplink(TestBackend.pack(imei, records))) {
            assertThat(r.code()).as(r.body().string()).isIn(200, 204);
            return r.code();
        }
    }

    /** The device reports that it runs {@code version} (its update succeeded when that is the desired one). */
    void reportsFirmware(String imei, String version) throws IOException {
        uplink(imei, "{\"n\":\"firmware\",\"vs\":\"" + version + "\"}");
    }

    /** The device reports a failed update with an LwM2M result code (2..9). */
    void reportsFailure(String imei, int fotaResult) throws IOException {
        uplink(imei, "{\"n\":\"fotaResult\",\"v\":" + fotaResult + "}");
    }

    void tick() {
        backend.server().tick();
    }

    Response postCsv(String query, String csv) throws IOException {
        return backend.http.newCall(new Request.Builder().url(backend.url() + "/api/v1/devices/import" + query)
                .header("Authorization", "Bearer " + TestBackend.API_KEY)
                .post(RequestBody.create(csv, MediaType.get("text/csv"))).build()).execute();
    }

    JsonNode importCsv(String query, String csv, int status) throws IOException {
        try (Response r = postCsv(query, csv)) {
            String text = r.body().string();
            assertThat(r.code()).as(text).isEqualTo(status);
            return StrictJson.MAPPER.readTree(text);
        }
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    static List<String> keys(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    static List<Integer> ints(JsonNode array, String field) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asInt()));
        return out;
    }
}
