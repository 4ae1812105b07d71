package nl.fotadesk.backend.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;

import static nl.fotadesk.backend.TestBackend.pack;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A campaign with a maintenance window (UTC 02:00–05:00 every day), the injected clock stepped in and
 * out of it: outside the window no phase starts and no device is sent a new downlink (nor a retry);
 * devices already given theirs finish; after the window's end nothing starts again. On H2 and on PostgreSQL.
 */
class MaintenanceWindowEngineTest extends SteppedEngine {
    private static final Instant NIGHT = Instant.parse("2026-12-04T01:00:00Z");
    MaintenanceWindowEngineTest() {
        super(NIGHT, 10, 4096);
    }

    private JsonNode view(String id) throws IOException {
        return backend.apiJson("GET", "/api/v1/campaigns/" + id, null, 200);
    }

    /** An uplink of device {@code i}: true when it was answered with a downlink. */
    private boolean downlinkFor(int i, String... records) throws IOException {
        try (Response r = backend.uplink(pack(imeis.get(i), records))) {
            assertThat(r.code()).isIn(200, 204);
            return r.code() == 200;
        }
    }

    private void succeed(int i) throws IOException {
        downlinkFor(i, "{\"n\":\"firmware\",\"vs\":\"2.0.0\"}", "{\"n\":\"fotaResult\",\"v\":1}");
    }

    private void tick() {
        backend.server().tick();
    }

    @Test
    void outsideTheWindowNoPhaseStartsAndNoDeviceGetsADownlink() throws Exception {
        String id = backend.apiJson("POST", "/api/v1/campaigns", "{\"name\":\"nightly\",\"firmwareId\":\"" + firmwareId
                + "\",\"target\":{\"capOrder\":\"imei\"},\"phases\":[{\"percent\":50},{\"percent\":100}],"
                + "\"successThreshold\":80,\"maxRetries\":1,\"start\":true,"
                + "\"window\":{\"timeZone\":\"UTC\",\"from\":\"02:00\",\"to\":\"05:00\"}}", 201).get("id").asText();
        JsonNode before = view(id);
        assertThat(before.get("state").asText()).isEqualTo("running");
        assertThat(before.path("window").path("days")).hasSize(7);
        assertThat(before.get("opensAt").asText()).isEqualTo("2026-12-04T02:00:00Z");
        assertThat(before.path("phases").get(0).get("state").asText()).as("01:00: closed").isEqualTo("waiting");
        tick();
        assertThat(downlinkFor(0)).as("no downlink before the window").isFalse();

        clock.set(Instant.parse("2026-12-04T02:00:00Z"));
        tick();
        JsonNode open = view(id);
        assertThat(open.path("phases").get(0).get("state").asText()).isEqualTo("running");
        assertThat(open.get("opensAt").isNull()).as("open now").isTrue();
        for (int i = 0; i < 5; i++) {
            assertThat(downlinkFor(i)).as("phase 1 device " + i).isTrue();
        }
        succeed(0);
        succeed(1);
        succeed(2);
        downlinkFor(4, "{\"n\":\"fotaResult\",\"v\":8}");

        clock.set(Instant.parse("2026-12-04T05:00:00Z"));
        succeed(3);
        tick();
        JsonNode closed = view(id);
        assertThat(closed.path("counts").path("succeeded").asInt()).as("device 3 finished after the window closed")
                .isEqualTo(4);
        assertThat(closed.path("phases").get(0).get("state").asText()).as("4 of 5 reach 80 %").isEqualTo("done");
        assertThat(closed.path("phases").get(1).get("state").asText()).as("but phase 2 waits for the window")
                .isEqualTo("waiting");
        assertThat(closed.get("opensAt").asText()).isEqualTo("2026-12-05T02:00:00Z");
        assertThat(downlinkFor(5)).as("no phase 2 device is notified").isFalse();
        assertThat(downlinkFor(4)).as("the failed device gets no retry outside the window").isFalse();
        assertThat(backend.apiJson("POST", "/api/v1/campaigns/" + id + "/retry", null, 409).get("error").asText())
                .isEqualTo("window_closed");

        clock.set(Instant.parse("2026-12-05T02:00:00Z"));
        tick();
        JsonNode nextNight = view(id);
        assertThat(nextNight.path("phases").get(1).get("state").asText()).isEqualTo("running");
        assertThat(downlinkFor(5)).isTrue();
        assertThat(downlinkFor(4)).as("the retry comes inside the window").isTrue();
        for (int i = 4; i < 10; i++) {
            succeed(i);
        }
        tick();
        assertThat(view(id).get("state").asText()).isEqualTo("completed");
        assertThat(view(id).get("opensAt").isNull()).isTrue();
    }

    @Test
    void aScheduledCampaignOpensAtTheFirstWindowAfterItsStart() throws Exception {
        String id = backend.apiJson("POST", "/api/v1/campaigns", "{\"name\":\"weekend\",\"firmwareId\":\"" + firmwareId
                + "\",\"scheduledAt\":\"2026-12-05T12:00:00Z\",\"start\":true,\"window\":{\"timeZone\":\"Europe/Amsterdam\","
                + "\"days\":[\"SAT\",\"SUN\"],\"from\":\"22:00\",\"to\":\"04:00\"}}", 201).get("id").asText();
        JsonNode v = view(id);
        assertThat(v.get("state").asText()).isEqualTo("scheduled");
        assertThat(v.get("opensAt").asText()).as("Saturday 22:00 CET").isEqualTo("2026-12-05T21:00:00Z");
        assertThat(v.get("window").get("days").toString()).isEqualTo("[\"SAT\",\"SUN\"]");

        clock.set(Instant.parse("2026-12-05T12:00:00Z"));
        tick();
        assertThat(view(id).get("state").asText()).isEqualTo("running");
        assertThat(downlinkFor(0)).as("started, but the window is closed").isFalse();
        clock.set(Instant.parse("2026-12-05T21:00:00Z"));
        tick();
        assertThat(downlinkFor(0)).isTrue();
    }

    @Test
    void afterItsEndTheCampaignStartsNothingMorePausesAndOnlyDevicesAlreadyDownloadingFinish() throws Exception {
        String id = backend.apiJson("POST", "/api/v1/campaigns", "{\"name\":\"until four\",\"firmwareId\":\""
                + firmwareId + "\",\"target\":{\"capOrder\":\"imei\"},\"phases\":[{\"percent\":50},{\"percent\":100}],"
                + "\"successThreshold\":80,\"maxRetries\":1,\"start\":true,\"window\":{\"timeZone\":\"UTC\","
                + "\"from\":\"02:00\",\"to\":\"05:00\",\"endsAt\":\"2026-12-04T04:00:00Z\"}}", 201).get("id").asText();
        assertThat(view(id).path("window").path("endsAt").asText()).isEqualTo("2026-12-04T04:00:00Z");
        assertThat(view(id).get("opensAt").asText()).isEqualTo("2026-12-04T02:00:00Z");

        clock.set(Instant.parse("2026-12-04T02:00:00Z"));
        tick();
        for (int i = 0; i < 5; i++) {
            assertThat(downlinkFor(i)).as("phase 1 device " + i).isTrue();
        }
        succeed(0);
        succeed(1);
        downlinkFor(4, "{\"n\":\"fotaResult\",\"v\":8}");

        clock.set(Instant.parse("2026-12-04T04:00:00Z"));
        tick();
        JsonNode ended = view(id);
        assertThat(ended.get("state").asText()).isEqualTo("paused");
        assertThat(ended.get("stateReason").asText()).isEqualTo("the window ended at 2026-12-04T04:00:00Z");
        assertThat(ended.get("opensAt").isNull()).as("it never opens again").isTrue();
        succeed(2);
        succeed(3);
        tick();
        JsonNode after = view(id);
        assertThat(after.path("counts").path("succeeded").asInt()).as("devices already downloading finish")
                .isEqualTo(4);
        assertThat(after.path("phases").get(1).get("state").asText()).as("phase 2 never starts").isEqualTo("waiting");
        assertThat(downlinkFor(5)).as("no phase 2 device is notified").isFalse();
        assertThat(downlinkFor(4)).as("no retry after the end").isFalse();
        for (String action : new String[]{"resume", "retry"}) {
            assertThat(backend.apiJson("POST", "/api/v1/campaigns/" + id + "/" + action, null, 409).get("error")
                    .asText()).as(action).isEqualTo("window_ended");
        }
        clock.set(Instant.parse("2026-12-05T02:00:00Z"));
        tick();
        assertThat(downlinkFor(5)).as("nor in the next night's hours").isFalse();
        backend.apiJson("POST", "/api/v1/campaigns/" + id + "/cancel", null, 200);
        assertThat(view(id).get("state").asText()).isEqualTo("cancelled");
    }

    @Test
    void aWindowWithOnlyAnEndIsOpenAtAnyHourUntilThenAndItsEndIsChecked() throws Exception {
        String id = backend.apiJson("POST", "/api/v1/campaigns", "{\"name\":\"by Friday\",\"firmwareId\":\""
                + firmwareId + "\",\"start\":true,\"window\":{\"endsAt\":\"2026-12-04T03:00:00Z\"}}", 201)
                .get("id").asText();
        JsonNode v = view(id);
        assertThat(v.get("window").toString()).isEqualTo("{\"endsAt\":\"2026-12-04T03:00:00Z\"}");
        assertThat(v.get("opensAt").isNull()).as("open now").isTrue();
        assertThat(downlinkFor(0)).as("01:00, before the end").isTrue();
        for (int i = 0; i < 10; i++) {
            succeed(i);
        }
        clock.set(Instant.parse("2026-12-04T03:00:00Z"));
        tick();
        assertThat(view(id).get("state").asText()).as("every device done: it completes, past its end")
                .isEqualTo("completed");

        for (String window : new String[]{"{\"endsAt\":\"2026-12-04T00:59:00Z\"}",
                "{\"endsAt\":\"tomorrow\"}", "{\"endsAt\":\"2026-12-04T02:00:00Z\",\"from\":\"02:00\"}"}) {
            try (Response r = backend.api("POST", "/api/v1/campaigns", "{\"name\":\"bad\",\"firmwareId\":\""
                    + firmwareId + "\",\"window\":" + window + "}")) {
                assertThat(r.code()).as(window).isEqualTo(400);
                assertThat(r.body().string()).contains("invalid_window");
            }
        }
        try (Response r = backend.api("POST", "/api/v1/campaigns", "{\"name\":\"bad\",\"firmwareId\":\"" + firmwareId
                + "\",\"scheduledAt\":\"2026-12-05T00:00:00Z\",\"window\":{\"endsAt\":\"2026-12-04T12:00:00Z\"}}")) {
            assertThat(r.code()).isEqualTo(400);
            assertThat(r.body().string()).contains("window.endsAt must be after scheduledAt");
        }
    }

    @Test
    void aBadWindowIsRefusedWith400() throws Exception {
        try (Response r = backend.api("POST", "/api/v1/campaigns", "{\"name\":\"bad\",\"firmwareId\":\"" + firmwareId
                + "\",\"window\":{\"timeZone\":\"UTC\",\"from\":\"02:00\",\"to\":\"25:00\"}}")) {
            assertThat(r.code()).isEqualTo(400);
            assertThat(r.body().string()).contains("invalid_window").contains("window.to");
        }
    }
}
