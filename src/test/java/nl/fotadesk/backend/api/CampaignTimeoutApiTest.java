package nl.fotadesk.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import nl.fotadesk.backend.BackendServer;
import nl.fotadesk.backend.MutableClock;
import nl.fotadesk.backend.OnEachDatabase;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.backend.domain.StrictJson;
import nl.fotadesk.protocol.MessageToken;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static nl.fotadesk.backend.api.ApiTestBase.imei;
import static nl.fotadesk.backend.api.ApiTestBase.obj;
import static nl.fotadesk.backend.api.ApiTestBase.texts;
import static org.assertj.core.api.Assertions.assertThat;

/** A device without progress within the campaign's timeout times out, is retried within the budget, then counts as failed. */
class CampaignTimeoutApiTest extends OnEachDatabase {
    @TempDir
    Path data;
    final MutableClock clock = new MutableClock(Instant.now());
    final OkHttpClient http = new OkHttpClient();
    BackendServer server;

    @BeforeEach
    void start() throws Exception {
        server = BackendServer.start(database.config(data, TestBackend.API_KEY).withEngineTick(Duration.ZERO),
                clock, TestBackend.QUICK_HASHES);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Test
    void aDeviceWithoutProgressTimesOutAndIsRetriedWithinTheBudget() throws IOException {
        for (int i = 1; i <= 2; i++) {
            call("POST", "/api/v1/devices", obj("imei", imei(i), "deviceType", "tracker-x", "client", "acme",
                    "secret", TestBackend.SECRET, "firmware", "1.0.0"), 201);
        }
        String firmware;
        try (Response r = http.newCall(authorized("/api/v1/firmware?deviceType=tracker-x&version=2.0.0")
                .post(RequestBody.create(new byte[64], MediaType.get("application/octet-stream"))).build()).execute()) {
            assertThat(r.code()).isEqualTo(201);
            firmware = StrictJson.MAPPER.readTree(r.body().string()).get("id").asText();
        }
        String id = call("POST", "/api/v1/campaigns", obj("name", "stuck devices", "firmwareId", firmware,
                "target", obj("imeis", List.of(imei(1), imei(2)), "capOrder", "imei"), "deviceTimeoutSeconds", 10,
                "maxRetries", 1, "errorThreshold", 50, "start", true), 201).get("id").asText();

        tick();
        step(5);
        uplink(imei(1), "{\"n\":\"fotaState\",\"vs\":\"downloading\"}", "{\"n\":\"fotaProgress\",\"v\":40}");
        tick();
        step(6);
        tick();
        assertThat(actions(id)).as("device 2 made no progress for 11 s: timed out and given attempt 2")
                .containsExactly("downloading/1", "pending/2");
        assertThat(device(imei(2)).get("status").asText()).isEqualTo("pending");
        assertThat(texts(history(imei(2)), "state")).containsExactly("pending", "timed_out", "pending");
        assertThat(history(imei(2)).get(1).get("detail").asText()).isEqualTo("no progress for 10 s");

        step(11);
        tick();
        assertThat(actions(id)).as("10 s after its last progress device 1 times out too; device 2's budget is spent")
                .containsExactly("pending/2", "timed_out/2");
        assertThat(device(imei(2)).get("status").asText()).isEqualTo("timed_out");
        JsonNode campaign = call("GET", "/api/v1/campaigns/" + id, null, 200);
        assertThat(campaign.get("state").asText()).as("1 of 2 is not above 50 %").isEqualTo("running");
        assertThat(campaign.get("counts").get("timed_out").asInt()).isEqualTo(1);

        step(11);
        tick();
        campaign = call("GET", "/api/v1/campaigns/" + id, null, 200);
        assertThat(campaign.get("state").asText()).isEqualTo("paused");
        assertThat(campaign.get("stateReason").asText()).contains("2 of 2 devices failed");
        assertThat(campaign.get("counts").get("timed_out").asInt()).isEqualTo(2);
    }

    /**
     * Two engine steps at the same instant, as the engine (every second) would take: the first step after a
     * device is given a download records its download counter, and that counts as progress.
     */
    private void tick() {
        server.tick();
        server.tick();
    }

    private void step(long seconds) {
        clock.advance(Duration.ofSeconds(seconds));
    }

    /** Each device's action as "state/attempts", in IMEI order. */
    private List<String> actions(String campaignId) throws IOException {
        JsonNode items = call("GET", "/api/v1/campaigns/" + campaignId + "/devices", null, 200).get("items");
        List<String> out = new java.util.ArrayList<>();
        items.forEach(a -> out.add(a.get("state").asText() + "/" + a.get("attempts").asInt()));
        return out;
    }

    private JsonNode device(String imei) throws IOException {
        return call("GET", "/api/v1/devices/" + imei, null, 200);
    }

    private JsonNode history(String imei) throws IOException {
        return call("GET", "/api/v1/devices/" + imei + "/history", null, 200);
    }

    private Request.Builder authorized(String path) {
        return new Request.Builder().url(server.baseUrl() + path).header("Authorization", "Bearer " + TestBackend.API_KEY);
    }

    private JsonNode call(String method, String path, Object body, int status) throws IOException {
        RequestBody content = body == null ? (method.equals("GET") ? null : RequestBody.create(new byte[0], TestBackend.JSON))
                : RequestBody.create(ApiTestBase.json(body), TestBackend.JSON);
        try (Response r = http.newCall(authorized(path).method(method, content).build()).execute()) {
            String text = r.body().string();
            assertThat(r.code()).as(method + " " + path + ": " + text).isEqualTo(status);
            return StrictJson.MAPPER.readTree(text);
        }
    }

    private void uplink(String imei, String... records) throws IOException {
        byte[] body = TestBackend.pack(imei, records).getBytes(StandardCharsets.UTF_8);
        try (Response r = http.newCall(new Request.Builder().url(server.baseUrl() + "/ingestion/m2m/senml/v1")
                .header(MessageToken.HEADER, MessageToken.compute(body, TestBackend.SECRET))
                .post(RequestBody.create(body, TestBackend.JSON)).build()).execute()) {
            assertThat(r.code()).isIn(200, 204);
        }
    }
}
