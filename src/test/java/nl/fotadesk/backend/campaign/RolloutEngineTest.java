package nl.fotadesk.backend.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import nl.fotadesk.backend.domain.StrictJson;
import nl.fotadesk.backend.store.Database;
import nl.fotadesk.backend.store.RehearsalStore;
import nl.fotadesk.protocol.DeviceUrn;
import nl.fotadesk.protocol.Downlink;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;


import static nl.fotadesk.backend.TestBackend.pack;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rollout engine, in the style of hawkBit's rollout tests: devices are driven by real uplinks,
 * and time is stepped with an injected clock and explicit engine ticks. On H2 and on PostgreSQL.
 */
class RolloutEngineTest extends SteppedEngine {
    RolloutEngineTest() {
        super(Instant.now(), 10, 4096);
    }

    /** Creates and starts a campaign over all ten devices in IMEI order. */
    JsonNode campaign(String phases, int success, int error, long timeout, int retries) throws IOException {
        return backend.apiJson("POST", "/api/v1/campaigns", "{\"name\":\"rollout " + System.nanoTime() + "\",\"firmwareId\":\""
                + firmwareId + "\",\"target\":{\"deviceType\":\"tracker-x\",\"capOrder\":\"imei\"},\"phases\":" + phases
                + ",\"successThreshold\":" + success + ",\"errorThreshold\":" + error + ",\"deviceTimeoutSeconds\":"
                + timeout + ",\"maxRetries\":" + retries + ",\"start\":true}", 201);
    }

    JsonNode view(JsonNode campaign) throws IOException {
        return backend.apiJson("GET", "/api/v1/campaigns/" + campaign.get("id").asText(), null, 200);
    }

    String state(JsonNode campaign) throws IOException {
        return view(campaign).get("state").asText();
    }

    int count(JsonNode campaign, String state) throws IOException {
        return view(campaign).path("counts").path(state).asInt();
    }

    /** An uplink of device {@code i}; returns its downlink, if any. */
    Downlink uplink(int i, String... records) throws IOException {
        try (Response r = backend.uplink(pack(imeis.get(i), records))) {
            assertThat(r.code()).isIn(200, 204);
            return r.code() == 200 ? Downlink.parse(r.body().bytes(), DeviceUrn.of(imeis.get(i))).orElseThrow() : null;
        }
    }

    void succeed(int i) throws IOException {
        uplink(i, "{\"n\":\"firmware\",\"vs\":\"2.0.0\"}", "{\"n\":\"fotaResult\",\"v\":1}");
    }

    void fail(int i) throws IOException {
        uplink(i, "{\"n\":\"fotaResult\",\"v\":8}");
    }

    void tick() {
        backend.server().tick();
    }

    @Test
    void phasesMoveOnAtTheSuccessThresholdAndTheCampaignCompletes() throws Exception {
        JsonNode c = campaign("[{\"percent\":30},{\"percent\":100}]", 60, 50, 3600, 0);
        assertThat(view(c).path("phases").get(0).get("devices").asInt()).isEqualTo(3);
        assertThat(uplink(0)).as("phase 1 devices get the downlink").isNotNull();
        assertThat(uplink(5)).as("phase 2 devices wait").isNull();
        succeed(0);
        tick();
        assertThat(view(c).path("currentPhase").asInt()).as("1 of 3 is below 60 %").isZero();
        succeed(1);
        tick();
        assertThat(view(c).path("currentPhase").asInt()).as("2 of 3 reach 60 %: phase 2 starts").isEqualTo(1);
        assertThat(uplink(5)).isNotNull();
        for (int i = 2; i < 10; i++) {
            succeed(i);
        }
        tick();
        assertThat(state(c)).isEqualTo("completed");
        assertThat(count(c, "succeeded")).isEqualTo(10);
    }

    @Test
    void pausesOnlyWhenFailuresAreStrictlyAboveTheErrorThreshold() throws Exception {
        JsonNode c = campaign("[{\"percent\":50},{\"percent\":100}]", 100, 20, 3600, 0);
        fail(0);
        tick();
        assertThat(state(c)).as("1 of 5 is 20 %: not above").isEqualTo("running");
        fail(1);
        tick();
        assertThat(state(c)).as("2 of 5 is 40 %").isEqualTo("paused");
        assertThat(view(c).get("stateReason").asText()).contains("phase 1").contains("2 of 5").contains("20 %");
        assertThat(view(c).path("phases").get(1).get("state").asText()).isEqualTo("waiting");
        assertThat(uplink(7)).as("no device of phase 2 is notified").isNull();

        backend.apiJson("POST", "/api/v1/campaigns/" + c.get("id").asText() + "/resume", null, 200);
        for (int i = 2; i < 5; i++) {
            succeed(i);
        }
        tick();
        assertThat(state(c)).as("resumed: phase 1's errors no longer pause it").isEqualTo("running");
        assertThat(view(c).path("currentPhase").asInt()).isEqualTo(1);
        assertThat(uplink(7)).isNotNull();
    }

    @Test
    void anEmptyPhaseIsDoneAtOnce() throws Exception {
        // 10 devices: 10 % → 1 device, 10 % again is not allowed, so use counts 1, 1 + 0 via percent 10, 15
        JsonNode c = campaign("[{\"count\":1},{\"percent\":10},{\"percent\":100}]", 100, 0, 3600, 0);
        JsonNode phases = view(c).path("phases");
        assertThat(phases.get(1).get("devices").asInt()).isZero();
        succeed(0);
        tick();
        assertThat(view(c).path("currentPhase").asInt()).as("the empty phase passed").isEqualTo(2);
    }

    @Test
    void silentDevicesTimeOutAndCountAsFailedAfterTheirRetries() throws Exception {
        JsonNode c = campaign("[{\"percent\":100}]", 0, 100, 600, 1);
        uplink(0);
        tick();
        clock.advance(Duration.ofSeconds(599));
        tick();
        assertThat(count(c, "notified")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        tick();
        JsonNode device = backend.apiJson("GET", "/api/v1/campaigns/" + c.get("id").asText() + "/devices?state=pending", null, 200);
        assertThat(device.get("items").get(0).get("attempts").asInt()).as("retried once").isEqualTo(2);
        clock.advance(Duration.ofSeconds(601));
        tick();
        assertThat(count(c, "timed_out")).as("the silent never-notified ones too").isEqualTo(10);
        assertThat(backend.apiJson("GET", "/api/v1/devices/" + imeis.get(0), null, 200).get("status").asText())
                .isEqualTo("timed_out");
        assertThat(state(c)).isEqualTo("completed");
    }

    @Test
    void aDeviceThatFailsBetweenTwoTicksKeepsTheBytesItWasServed() throws Exception {
        JsonNode c = campaign("[{\"percent\":100}]", 0, 100, 3600, 0);
        Downlink downlink = uplink(0);
        // the whole image, then a failed install, before the engine looks again
        Request part = new Request.Builder().url(downlink.url()).header("Authorization", "Bearer " + downlink.token())
                .header("Range", "bytes=0-4095").build();
        try (Response r = backend.http.newCall(part).execute()) {
            assertThat(r.code()).isEqualTo(206);
        }
        backend.server().countServedParts();
        fail(0);
        tick();
        assertThat(count(c, "failed")).isEqualTo(1);
        try (Database db = backend.openDatabase()) {
            assertThat(new RehearsalStore(db.jdbc()).bytesServed(c.get("id").asText())).isEqualTo(4096);
        }
    }

    @Test
    void progressKeepsADeviceFromTimingOut() throws Exception {
        JsonNode c = campaign("[{\"percent\":100}]", 100, 100, 600, 0);
        uplink(0);
        for (int p = 10; p <= 50; p += 10) {
            clock.advance(Duration.ofSeconds(500));
            uplink(0, "{\"n\":\"fotaState\",\"vs\":\"downloading\"}", "{\"n\":\"fotaProgress\",\"v\":" + p + "}");
            tick();
        }
        assertThat(count(c, "downloading")).isEqualTo(1);
        assertThat(count(c, "timed_out")).isEqualTo(9);
    }

    @Test
    void cancelStopsRunningDownloadsWith410() throws Exception {
        JsonNode c = campaign("[{\"percent\":100}]", 100, 100, 3600, 0);
        Downlink d = uplink(0);
        assertThat(get(d).code()).isEqualTo(206);
        backend.apiJson("POST", "/api/v1/campaigns/" + c.get("id").asText() + "/cancel", null, 200);
        assertThat(get(d).code()).isEqualTo(410);
        assertThat(state(c)).isEqualTo("cancelled");
        assertThat(count(c, "cancelled")).isEqualTo(10);
        assertThat(uplink(0)).as("no more downlinks").isNull();
        assertThat(backend.apiJson("GET", "/api/v1/devices/" + imeis.get(0), null, 200).get("status").asText())
                .isEqualTo("cancelled");
    }

    @Test
    void retryGivesOnlyTheFailedDevicesANewAttempt() throws Exception {
        JsonNode c = campaign("[{\"percent\":100}]", 50, 100, 3600, 0);
        for (int i = 0; i < 10; i++) {
            if (i < 3) {
                fail(i);
            } else {
                succeed(i);
            }
        }
        tick();
        assertThat(state(c)).isEqualTo("completed");
        JsonNode answer = backend.apiJson("POST", "/api/v1/campaigns/" + c.get("id").asText() + "/retry", null, 200);
        assertThat(answer.get("retried").asInt()).isEqualTo(3);
        assertThat(state(c)).isEqualTo("running");
        assertThat(count(c, "pending")).isEqualTo(3);
        assertThat(count(c, "succeeded")).isEqualTo(7);
        assertThat(uplink(0)).isNotNull();
        assertThat(uplink(5)).as("succeeded devices are left alone").isNull();
        for (int i = 0; i < 3; i++) {
            succeed(i);
        }
        tick();
        assertThat(state(c)).isEqualTo("completed");
        assertThat(count(c, "succeeded")).isEqualTo(10);
    }

    @Test
    void attemptsCountOnAcrossARetryAndEachRetryGetsTheFullRetryBudget() throws Exception {
        JsonNode c = campaign("[{\"percent\":100}]", 0, 100, 3600, 1);
        for (int i = 1; i < 10; i++) {
            succeed(i);
        }
        fail(0);
        tick();
        assertThat(attempts(c, 0)).as("its automatic retry").isEqualTo(2);
        fail(0);
        tick();
        assertThat(state(c)).isEqualTo("completed");
        assertThat(attempts(c, 0)).as("failed after its retry").isEqualTo(2);

        backend.apiJson("POST", "/api/v1/campaigns/" + c.get("id").asText() + "/retry", null, 200);
        assertThat(attempts(c, 0)).as("the operator's retry is its third attempt").isEqualTo(3);
        fail(0);
        tick();
        assertThat(count(c, "pending")).as("the retry budget starts again").isEqualTo(1);
        assertThat(attempts(c, 0)).isEqualTo(4);
        fail(0);
        tick();
        assertThat(count(c, "failed")).isEqualTo(1);
        assertThat(attempts(c, 0)).isEqualTo(4);
    }

    /** The attempts of device {@code i} in campaign {@code c}, as the campaign's device list shows them. */
    int attempts(JsonNode c, int i) throws IOException {
        for (JsonNode d : backend.apiJson("GET", "/api/v1/campaigns/" + c.get("id").asText() + "/devices", null, 200)
                .get("items")) {
            if (d.get("imei").asText().equals(imeis.get(i))) {
                return d.get("attempts").asInt();
            }
        }
        throw new AssertionError("device " + i + " is not in the campaign");
    }

    @Test
    void aCampaignOverlappingARunningOneIsRefused() throws Exception {
        JsonNode first = campaign("[{\"percent\":100}]", 100, 100, 3600, 0);
        try (Response r = backend.api("POST", "/api/v1/campaigns", "{\"name\":\"second\",\"firmwareId\":\"" + firmwareId
                + "\",\"target\":{\"imeis\":[\"" + imeis.get(3) + "\",\"" + imeis.get(4) + "\"]}}")) {
            String body = r.body().string();
            assertThat(r.code()).isEqualTo(409);
            JsonNode error = StrictJson.MAPPER.readTree(body);
            assertThat(error.get("error").asText()).isEqualTo("campaign_conflict");
            assertThat(error.get("detail").asText()).contains("2 in").contains(first.get("id").asText())
                    .contains(imeis.get(3));
        }
    }

    @Test
    void aRestartedBackendCarriesOnWithTheCampaign() throws Exception {
        JsonNode c = campaign("[{\"percent\":50},{\"percent\":100}]", 100, 0, 3600, 0);
        for (int i = 0; i < 5; i++) {
            succeed(i);
        }
        backend.restart();
        tick();
        assertThat(view(c).path("currentPhase").asInt()).isEqualTo(1);
        for (int i = 5; i < 10; i++) {
            assertThat(uplink(i)).isNotNull();
            succeed(i);
        }
        tick();
        assertThat(state(c)).isEqualTo("completed");
    }

    @Test
    void aScheduledCampaignStartsAtItsTime() throws Exception {
        JsonNode c = backend.apiJson("POST", "/api/v1/campaigns", "{\"name\":\"later\",\"firmwareId\":\"" + firmwareId
                + "\",\"scheduledAt\":\"" + clock.instant().plus(Duration.ofHours(1)) + "\",\"start\":true}", 201);
        assertThat(state(c)).isEqualTo("scheduled");
        tick();
        assertThat(uplink(0)).isNull();
        clock.advance(Duration.ofHours(1));
        tick();
        assertThat(state(c)).isEqualTo("running");
        assertThat(uplink(0)).isNotNull();
    }

    @Test
    void everyStateChangeIsAnEvent() throws Exception {
        long cursor = backend.apiJson("GET", "/api/v1/events", null, 200).get("cursor").asLong();
        JsonNode c = campaign("[{\"percent\":100}]", 100, 100, 3600, 0);
        succeed(0);
        tick();
        JsonNode events = backend.apiJson("GET", "/api/v1/events?since=" + cursor, null, 200).get("events");
        List<String> seen = new ArrayList<>();
        events.forEach(e -> seen.add(e.get("kind").asText() + ":" + e.get("state").asText()));
        assertThat(seen).contains("campaign:draft", "campaign:running", "phase:running", "device:pending",
                "device:succeeded");
        JsonNode history = backend.apiJson("GET", "/api/v1/devices/" + imeis.get(0) + "/history", null, 200);
        assertThat(history.get(0).get("campaignId").asText()).isEqualTo(c.get("id").asText());
        assertThat(history.get(history.size() - 1).get("state").asText()).isEqualTo("succeeded");
    }

    private Response get(Downlink d) throws IOException {
        try (Response r = backend.http.newCall(new Request.Builder().url(d.url())
                .header("Authorization", "Bearer " + d.token()).header("Range", "bytes=0-9").build()).execute()) {
            return r;
        }
    }

}
