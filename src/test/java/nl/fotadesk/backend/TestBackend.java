package nl.fotadesk.backend;

import com.fasterxml.jackson.databind.JsonNode;
import nl.fotadesk.backend.domain.StrictJson;
import nl.fotadesk.backend.store.Database;
import nl.fotadesk.protocol.DeviceUrn;
import nl.fotadesk.protocol.MessageToken;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A real backend on a free loopback port, and an HTTP client to drive it as devices and operators do.
 * It stores its hashes at {@link #QUICK_HASHES} unless told otherwise.
 */
public final class TestBackend implements AutoCloseable {
    /**
     * bcrypt's lowest cost and one PBKDF2 iteration: the production costs spend about a second of CPU
     * at each backend start (and a quarter of one per password), which the suite's hundreds of backends
     * would pay for nothing. Tests of the stored form itself use {@link HashCosts#DEFAULT}.
     */
    public static final HashCosts QUICK_HASHES = new HashCosts(4, 1);
    public static final String API_KEY = "test-api-key-0123456789";
    public static final MediaType JSON = MediaType.get("application/json");
    public static final String SECRET = "s3cretS3cretS3cretS3cretS3cret01";

    public final Path dataDir;
    public final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();
    private BackendConfig config;
    private final java.time.Clock clock;
    private final HashCosts hashCosts;
    private BackendServer server;

    /** A backend with an H2 database in {@code dataDir}. */
    public TestBackend(Path dataDir) throws Exception {
        this(TestDatabase.H2, dataDir);
    }

    /** A backend on a fresh database of the given kind, with images and keys in {@code dataDir}. */
    public TestBackend(TestDatabase database, Path dataDir) throws Exception {
        this(database.config(dataDir, API_KEY));
    }

    public TestBackend(BackendConfig config) throws Exception {
        this(config, java.time.Clock.systemUTC());
    }

    /** A backend on {@code clock}; with an engine tick of zero, tests step campaigns with {@code server().tick()}. */
    public TestBackend(BackendConfig config, java.time.Clock clock) throws Exception {
        this(config, clock, QUICK_HASHES);
    }

    public TestBackend(BackendConfig config, java.time.Clock clock, HashCosts hashCosts) throws Exception {
        this.dataDir = config.dataDir();
        this.config = config;
        this.clock = clock;
        this.hashCosts = hashCosts;
        server = BackendServer.start(config, clock, hashCosts);
    }

    public String url() {
        return server.baseUrl();
    }

    public int port() {
        return portOf(url());
    }

    /** Where devices are served: {@link #url()}, or the device port's own URL. */
    public String deviceUrl() {
        return server.deviceUrl();
    }

    public int devicePort() {
        return portOf(deviceUrl());
    }

    private static int portOf(String url) {
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }

    public BackendServer server() {
        return server;
    }

    /** A second connection pool on this backend's database (H2 or PostgreSQL), to look at what it stored. */
    public Database openDatabase() {
        return config.jdbcUrl() == null ? Database.inFolder(dataDir)
                : Database.open(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword());
    }

    /** Stops the server and starts it again on the same data folder and ports. */
    public void restart() throws Exception {
        int port = port();
        int devicePort = devicePort();
        server.close();
        config = config.withPort(port);
        if (config.devicePort() != null) {
            config = config.withDevicePort(new BackendConfig.DevicePort(config.devicePort().host(), devicePort));
        }
        server = BackendServer.start(config, clock, hashCosts);
    }

    public Response api(String method, String path, String json) throws IOException {
        return apiWithKey(method, path, json, API_KEY);
    }

    public Response apiWithKey(String method, String path, String json, String key) throws IOException {
        Request.Builder b = new Request.Builder().url(url() + path);
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        b.method(method, json == null ? (method.equals("POST") || method.equals("PUT")
                ? RequestBody.create(new byte[0], JSON) : null) : RequestBody.create(json, JSON));
        return http.newCall(b.build()).execute();
    }

    /** Calls the API and returns the JSON answer, failing unless the status is the expected one. */
    public JsonNode apiJson(String method, String path, String json, int expectedStatus) throws IOException {
        try (Response r = api(method, path, json)) {
            String body = r.body().string();
            if (r.code() != expectedStatus) {
                throw new AssertionError(method + " " + path + " answered " + r.code() + ": " + body);
            }
            return StrictJson.MAPPER.readTree(body);
        }
    }

    public void registerDevice(String imei, String deviceType, String firmware) throws IOException {
        apiJson("POST", "/api/v1/devices", StrictJson.MAPPER.writeValueAsString(Map.of("imei", imei,
                "deviceType", deviceType, "client", "acme", "secret", SECRET, "firmware", firmware)), 201);
    }

    /** Uploads an image and returns its id. */
    public String uploadFirmware(String deviceType, String version, byte[] image) throws IOException {
        Request request = new Request.Builder()
                .url(url() + "/api/v1/firmware?deviceType=" + deviceType + "&version=" + version)
                .header("Authorization", "Bearer " + API_KEY)
                .post(RequestBody.create(image, MediaType.get("application/octet-stream"))).build();
        try (Response r = http.newCall(request).execute()) {
            String body = r.body().string();
            if (r.code() != 201) {
                throw new AssertionError("upload answered " + r.code() + ": " + body);
            }
            return StrictJson.MAPPER.readTree(body).get("id").asText();
        }
    }

    public void setDesired(String imei, String firmwareId) throws IOException {
        apiJson("PUT", "/api/v1/devices/" + imei + "/desired", "{\"firmwareId\":\"" + firmwareId + "\"}", 200);
    }

    /** Sends an uplink signed with {@link #SECRET}. */
    public Response uplink(String body) throws IOException {
        return uplink(body, MessageToken.compute(body.getBytes(StandardCharsets.UTF_8), SECRET));
    }

    public Response uplink(String body, String token) throws IOException {
        Request.Builder b = new Request.Builder().url(deviceUrl() + "/ingestion/m2m/senml/v1")
                .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), JSON));
        if (token != null) {
            b.header(MessageToken.HEADER, token);
        }
        return http.newCall(b.build()).execute();
    }

    /** An uplink pack of one device reporting its firmware, plus extra records. */
    public static String pack(String imei, String... records) {
        StringBuilder s = new StringBuilder("[{\"bn\":\"" + DeviceUrn.of(imei) + "\"}");
        for (String r : records) {
            s.append(',').append(r);
        }
        return s.append(']').toString();
    }

    @Override
    public void close() throws Exception {
        server.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
