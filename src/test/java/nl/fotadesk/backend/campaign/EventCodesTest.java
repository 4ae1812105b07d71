package nl.fotadesk.backend.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import nl.fotadesk.protocol.EventCode;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static nl.fotadesk.backend.TestBackend.pack;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each event's code is written where it happens, with its arguments: campaigns, phases and devices driven
 * by real uplinks and engine ticks on a stepped clock, read back from the feed and the device history as a
 * program reads them. After each test every event has a known code with exactly its arguments. On H2 and
 * on PostgreSQL.
 */
class EventCodesTest extends SteppedEngine {
    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");

    EventCodesTest() {
        super(START, 6, 4096);
    }

    @Test
    void aCampaignFromScheduleToRetryIsToldInCodes() throws Exception {
        String id = campaign("\"phases\":[{\"count\":2},{\"percent\":100}],\"successThreshold\":100,"
                + "\"errorThreshold\":10,\"maxRetries\":1,\"scheduledAt\":\"2026-12-04T11:00:00Z\"");
        assertThat(said("campaign_created")).containsExactly("{\"devices\":6,\"phases\":2}");
        assertThat(said("starts_at")).containsExactly("{\"at\":\"2026-12-04T11:00:00Z\"}");

        clock.set(Instant.parse("2026-12-04T11:00:00Z"));
        tick();
        assertThat(said("campaign_started")).containsExactly("{}");
        assertThat(said("phase_started")).containsExactly("{\"phase\":1}");
        String given = "{\"campaignName\":\"codes\",\"phase\":1}";
        assertThat(said("given_by_campaign")).containsExactly(given, given);

        uplink(0);
        uplink(0, "{\"n\":\"fotaState\",\"vs\":\"downloading\"}");
        uplink(0, "{\"n\":\"fotaState\",\"vs\":\"downloaded\"}");
        uplink(0, "{\"n\":\"firmware\",\"vs\":\"2.0.0\"}", "{\"n\":\"fotaResult\",\"v\":1}");
        assertThat(said("download_url_sent")).containsExactly("{}");
        assertThat(said("reports_state")).containsExactly("{\"fotaState\":\"downloading\"}");
        assertThat(said("reports_progress")).containsExactly("{\"progress\":100}");
        assertThat(said("reports_firmware")).containsExactly("{\"version\":\"2.0.0\"}");

        fail(1);
        tick();
        assertThat(said("reports_failure")).containsExactly("{\"fotaResult\":8}");
        assertThat(said("retry_after_failure")).containsExactly("{\"attempt\":1,\"maxAttempts\":1,\"fotaResult\":8}");
        fail(1);
        tick();
        assertThat(said("error_threshold_reached"))
                .containsExactly("{\"phase\":1,\"failed\":1,\"total\":2,\"threshold\":10}");
        JsonNode paused = backend.apiJson("GET", "/api/v1/campaigns/" + id, null, 200);
        assertThat(paused.get("stateReasonCode").asText()).as("the campaign's reason is its event's")
                .isEqualTo("error_threshold_reached");
        assertThat(paused.get("stateReasonArgs").toString())
                .isEqualTo("{\"phase\":1,\"failed\":1,\"total\":2,\"threshold\":10}");

        backend.apiJson("POST", "/api/v1/campaigns/" + id + "/resume", null, 200);
        assertThat(said("phase_done")).containsExactly("{\"phase\":1,\"succeeded\":1,\"total\":2}");
        backend.apiJson("POST", "/api/v1/campaigns/" + id + "/pause", null, 200);
        backend.apiJson("POST", "/api/v1/campaigns/" + id + "/resume", null, 200);
        String apiKey = "{\"actorName\":\"API key\",\"actorRole\":\"api_key\"}";
        assertThat(said("paused_by")).containsExactly(apiKey);
        assertThat(said("resumed_by")).containsExactly(apiKey, apiKey);

        for (int i = 2; i < 6; i++) {
            uplink(i, "{\"n\":\"firmware\",\"vs\":\"2.0.0\"}", "{\"n\":\"fotaResult\",\"v\":1}");
        }
        tick();
        assertThat(said("phase_done")).containsExactly("{\"phase\":1,\"succeeded\":1,\"total\":2}",
                "{\"phase\":2,\"succeeded\":4,\"total\":4}");
        assertThat(said("campaign_completed")).containsExactly("{\"succeeded\":5,\"failed\":1}");

        backend.apiJson("POST", "/api/v1/campaigns/" + id + "/retry", null, 200);
        assertThat(said("retried_by")).containsExactly(apiKey);
        assertThat(said("retrying_failed")).containsExactly("{\"devices\":1}");
        JsonNode retried = last(history(1));
        assertThat(retried.get("code").asText()).isEqualTo("retried_by");
        assertThat(retried.get("campaignId").asText()).isEqualTo(id);
        assertThat(retried.get("detail").asText()).isEqualTo("retried by the API key");
    }

    @Test
    void devicesWithoutProgressAreTimedOutAndRetriedAndACancelEndsTheRest() throws Exception {
        String id = campaign("\"phases\":[{\"percent\":100}],\"deviceTimeoutSeconds\":60,\"maxRetries\":1");
        clock.advance(Duration.ofSeconds(61));
        tick();
        assertThat(said("no_progress")).hasSize(6).containsOnly("{\"seconds\":60}");
        assertThat(said("retry_after_no_progress")).hasSize(6)
                .containsOnly("{\"attempt\":1,\"maxAttempts\":1,\"seconds\":60}");

        backend.apiJson("POST", "/api/v1/campaigns/" + id + "/cancel", null, 200);
        assertThat(said("cancelled_by")).containsExactly("{\"actorName\":\"API key\",\"actorRole\":\"api_key\"}");
        assertThat(said("cancelled_with_campaign")).hasSize(6).containsOnly("{}");
    }

    @Test
    void aPhaseBelowItsSuccessThresholdPausesAndAnEndedWindowToo() throws Exception {
        campaign("below", imeis(0, 1, 2), "\"phases\":[{\"count\":2},{\"percent\":100}],\"successThreshold\":100,"
                + "\"errorThreshold\":100,\"maxRetries\":0");
        fail(0);
        uplink(1, "{\"n\":\"firmware\",\"vs\":\"2.0.0\"}", "{\"n\":\"fotaResult\",\"v\":1}");
        String ending = campaign("ending", imeis(3, 4), "\"phases\":[{\"count\":1},{\"percent\":100}],"
                + "\"window\":{\"endsAt\":\"2026-12-04T12:00:00Z\"}");
        tick();
        assertThat(said("success_threshold_missed"))
                .containsExactly("{\"phase\":1,\"succeeded\":1,\"total\":2,\"threshold\":100}");

        clock.set(Instant.parse("2026-12-04T12:00:00Z"));
        tick();
        assertThat(said("window_ended")).containsExactly("{\"at\":\"2026-12-04T12:00:00Z\"}");
        assertThat(backend.apiJson("GET", "/api/v1/campaigns/" + ending, null, 200).get("state").asText())
                .isEqualTo("paused");
    }

    @Test
    void desiredFirmwareNamesWhoSetItAndWhetherTheDeviceRunsItAlready() throws Exception {
        backend.setDesired(imeis.get(0), firmwareId);
        JsonNode set = last(history(0));
        assertThat(set.get("code").asText()).isEqualTo("desired_set");
        assertThat(set.get("args").toString())
                .isEqualTo("{\"version\":\"2.0.0\",\"actorName\":\"API key\",\"actorRole\":\"api_key\"}");
        assertThat(set.get("detail").asText()).isEqualTo("desired firmware set to 2.0.0 by the API key");

        String running = backend.uploadFirmware("tracker-x", "1.0.0", new byte[]{1, 0, 0});
        backend.setDesired(imeis.get(1), running);
        JsonNode already = last(history(1));
        assertThat(already.get("state").asText()).isEqualTo("in_sync");
        assertThat(already.get("args").toString()).isEqualTo("{\"version\":\"1.0.0\",\"actorName\":\"API key\","
                + "\"actorRole\":\"api_key\",\"runsAlready\":\"1.0.0\"}");
        assertThat(already.get("detail").asText()).endsWith("; it runs 1.0.0 already");
    }

    /** Every event has a code the protocol knows, with exactly its arguments (and runsAlready only where allowed). */
    @AfterEach
    void everyEventHasAKnownCodeWithItsArguments() throws IOException {
        for (JsonNode e : events()) {
            EventCode code = EventCode.fromWire(e.path("code").asText()).orElseThrow(() ->
                    new AssertionError("no known code: " + e));
            Set<String> names = new HashSet<>();
            e.get("args").fieldNames().forEachRemaining(names::add);
            Set<String> expected = new HashSet<>(code.args());
            if (code.startsUpdate() && names.contains(EventCode.RUNS_ALREADY)) {
                expected.add(EventCode.RUNS_ALREADY);
            }
            assertThat(names).as(e.toString()).isEqualTo(expected);
        }
    }

    /** Creates and starts a campaign named "codes" over all trackers in IMEI order, with {@code more} JSON members. */
    private String campaign(String more) throws IOException {
        return campaign("codes", "{\"deviceType\":\"tracker-x\",\"capOrder\":\"imei\"}", more);
    }

    private String campaign(String name, String target, String more) throws IOException {
        return backend.apiJson("POST", "/api/v1/campaigns", "{\"name\":\"" + name + "\",\"firmwareId\":\"" + firmwareId
                + "\",\"target\":" + target + ",\"start\":true," + more + "}", 201).get("id").asText();
    }

    /** A target of the trackers numbered {@code devices}, in that order. */
    private String imeis(int... devices) {
        List<String> quoted = new ArrayList<>();
        for (int i : devices) {
            quoted.add("\"" + imeis.get(i) + "\"");
        }
        return "{\"imeis\":[" + String.join(",", quoted) + "],\"capOrder\":\"imei\"}";
    }

    /** The arguments of the events with {@code code}, as JSON, oldest first. */
    private List<String> said(String code) throws IOException {
        List<String> args = new ArrayList<>();
        for (JsonNode e : events()) {
            if (code.equals(e.path("code").asText())) {
                args.add(e.get("args").toString());
            }
        }
        return args;
    }

    private List<JsonNode> events() throws IOException {
        List<JsonNode> all = new ArrayList<>();
        backend.apiJson("GET", "/api/v1/events?since=0&limit=1000", null, 200).get("events").forEach(all::add);
        return all;
    }

    private JsonNode history(int device) throws IOException {
        return backend.apiJson("GET", "/api/v1/devices/" + imeis.get(device) + "/history", null, 200);
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }

    private void uplink(int i, String... records) throws IOException {
        try (Response r = backend.uplink(pack(imeis.get(i), records))) {
            assertThat(r.code()).isIn(200, 204);
        }
    }

    private void fail(int i) throws IOException {
        uplink(i, "{\"n\":\"fotaResult\",\"v\":8}");
    }

    private void tick() {
        backend.server().tick();
    }
}
