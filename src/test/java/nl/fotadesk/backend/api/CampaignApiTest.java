package nl.fotadesk.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/v1/campaigns}: preview, validation, the operator's actions and the rollout they steer. */
class CampaignApiTest extends ApiTestBase {
    static final String UNREGISTERED = "490154203237518";

    String firmware;

    /** Trackers 1..8 of acme on 1.0.0, tracker 9 of acme on 2.0.0 already, meter 10 of acme, tracker 11 of globex. */
    void fleet() throws IOException {
        registerAll("tracker-x", "acme", "1.0.0", imei(1), imei(2), imei(3), imei(4), imei(5), imei(6), imei(7), imei(8));
        register(imei(9), "tracker-x", "acme", "2.0.0");
        register(imei(10), "meter-y", "acme", "1.0.0");
        register(imei(11), "tracker-x", "globex", "1.0.0");
        firmware = upload("tracker-x", "2.0.0", new byte[64]);
    }

    /** Two trackers on 1.0.0, and firmware 2.0.0 for them. */
    void twoTrackers() throws IOException {
        registerAll("tracker-x", "acme", "1.0.0", imei(1), imei(2));
        firmware = upload("tracker-x", "2.0.0", new byte[64]);
    }

    Map<String, Object> spec(String name, Object target, Object... settings) {
        Map<String, Object> spec = obj("name", name, "firmwareId", firmware, "target", target);
        spec.putAll(obj(settings));
        return spec;
    }

    /** Targets these devices, given to phases in IMEI order. */
    static Map<String, Object> devices(String... imeis) {
        return obj("imeis", List.of(imeis), "capOrder", "imei");
    }

    JsonNode campaign(String id) throws IOException {
        return get("/api/v1/campaigns/" + id);
    }

    JsonNode action(String id, String path, int status) throws IOException {
        return call("POST", "/api/v1/campaigns/" + id + "/" + path, null, status);
    }

    @Test
    void previewListsTheTargetedDevicesAPageAtATime() throws IOException {
        fleet();
        Map<String, Object> spec = spec("acme", obj("client", "acme", "capOrder", "imei"));
        JsonNode first = call("POST", "/api/v1/campaigns/preview?limit=3", spec, 200);
        assertThat(first.get("targeted").asInt()).isEqualTo(8);
        assertThat(first.get("devices").findValuesAsText("imei")).containsExactly(imei(1), imei(2), imei(3));
        assertThat(first.get("devices").get(0).get("deviceType").asText()).isEqualTo("tracker-x");
        assertThat(first.get("devices").get(0).get("firmware").asText()).isEqualTo("1.0.0");
        JsonNode last = call("POST", "/api/v1/campaigns/preview?offset=6&limit=3", spec, 200);
        assertThat(last.get("devices").findValuesAsText("imei")).as("the already current and the meter are not listed")
                .containsExactly(imei(7), imei(8));
        assertThat(call("POST", "/api/v1/campaigns/preview?offset=8", spec, 200).get("devices")).isEmpty();
        assertThat(call("POST", "/api/v1/campaigns/preview", spec, 200).get("devices")).as("50 by default").hasSize(8);
        assertThat(call("POST", "/api/v1/campaigns/preview?limit=0", spec, 200).get("devices")).isEmpty();
        call("POST", "/api/v1/campaigns/preview?limit=100000", spec, 400);
        call("POST", "/api/v1/campaigns/preview?offset=-1", spec, 400);
    }

    @Test
    void previewCountsWhatACampaignWouldTargetAndCreatesNothing() throws IOException {
        fleet();
        JsonNode p = call("POST", "/api/v1/campaigns/preview", spec("acme", obj("client", "acme"),
                "phases", List.of(obj("percent", 25), obj("percent", 50))), 200);
        assertThat(p.get("matched").asInt()).isEqualTo(10);
        assertThat(p.get("otherType").asInt()).isEqualTo(1);
        assertThat(p.get("alreadyCurrent").asInt()).isEqualTo(1);
        assertThat(p.get("unknownImeis")).isEmpty();
        assertThat(p.get("targeted").asInt()).isEqualTo(8);
        assertThat(sizes(p)).as("2 (25 %), 2 more (50 %), and a phase for the rest").containsExactly(2, 2, 4);
        assertThat(p.get("conflicts")).isEmpty();

        JsonNode hawkbit = call("POST", "/api/v1/campaigns/preview", spec("acme", obj("client", "acme"),
                "phases", List.of(obj("percent", 5), obj("percent", 25), obj("percent", 100))), 200);
        assertThat(sizes(hawkbit)).as("cumulative, rounded up").containsExactly(1, 1, 6);

        JsonNode listed = call("POST", "/api/v1/campaigns/preview", spec("list",
                obj("imeis", List.of(imei(1), imei(9), imei(10), UNREGISTERED))), 200);
        assertThat(listed.get("matched").asInt()).isEqualTo(3);
        assertThat(listed.get("otherType").asInt()).isEqualTo(1);
        assertThat(listed.get("alreadyCurrent").asInt()).isEqualTo(1);
        assertThat(listed.get("unknownImeis").size()).isEqualTo(1);
        assertThat(listed.get("unknownImeis").get(0).asText()).isEqualTo(UNREGISTERED);
        assertThat(listed.get("targeted").asInt()).isEqualTo(1);
        assertThat(sizes(listed)).containsExactly(1);

        JsonNode capped = call("POST", "/api/v1/campaigns/preview", spec("capped", obj("deviceType", "tracker-x",
                "cap", 3), "phases", List.of(obj("count", 1), obj("percent", 100))), 200);
        assertThat(capped.get("matched").asInt()).isEqualTo(10);
        assertThat(capped.get("targeted").asInt()).isEqualTo(3);
        assertThat(sizes(capped)).containsExactly(1, 2);

        String group = call("POST", "/api/v1/groups", obj("name", "pilot",
                "imeis", List.of(imei(1), imei(2), imei(11))), 201).get("id").asText();
        JsonNode grouped = call("POST", "/api/v1/campaigns/preview", spec("pilot",
                obj("groupId", group, "client", "acme")), 200);
        assertThat(grouped.get("matched").asInt()).as("every criterion must match").isEqualTo(2);
        String globex = call("POST", "/api/v1/groups", obj("name", "globex", "filter", obj("client", "globex")), 201)
                .get("id").asText();
        assertThat(call("POST", "/api/v1/campaigns/preview", spec("none", obj("groupId", globex, "client", "acme")),
                200).get("matched").asInt()).as("a group's filter and the target's disagree").isZero();
        assertThat(call("POST", "/api/v1/campaigns/preview", spec("all", obj()), 200).get("matched").asInt())
                .isEqualTo(11);

        assertThat(get("/api/v1/campaigns")).isEmpty();
        assertThat(get("/api/v1/devices/" + imei(1)).get("status").asText()).isEqualTo("in_sync");
    }

    @Test
    void refusesInvalidCampaignsAndStoresNone() throws IOException {
        fleet();
        Map<String, Object> acme = obj("client", "acme");
        String path = "/api/v1/campaigns";
        expectError("POST", path, spec(" ", acme), 400, "invalid_name", "1 to 128");
        expectError("POST", path, obj("name", "x", "target", acme), 400, "missing_firmware_id", "firmwareId");
        expectError("POST", path, obj("name", "x", "firmwareId", "nope"), 400, "unknown_firmware", "nope");
        expectError("POST", path, spec("x", obj("cap", 0)), 400, "invalid_target", "cap");
        expectError("POST", path, spec("x", obj("capOrder", "newest")), 400, "invalid_target", "capOrder");
        expectError("POST", path, spec("x", acme, "successThreshold", 101), 400, "invalid_threshold", "successThreshold");
        expectError("POST", path, spec("x", acme, "errorThreshold", -1), 400, "invalid_threshold", "errorThreshold");
        expectError("POST", path, spec("x", acme, "deviceTimeoutSeconds", 9), 400, "invalid_timeout", "at least 10");
        expectError("POST", path, spec("x", acme, "maxRetries", 11), 400, "invalid_retries", "0 to 10");
        expectError("POST", path, spec("x", acme, "scheduledAt", "tomorrow"), 400, "invalid_schedule", "ISO-8601");
        expectError("POST", path, spec("x", acme, "phases", List.of(obj("percent", 50), obj("percent", 25))),
                400, "invalid_phases", "phase 2 must reach further than phase 1");
        expectError("POST", path, spec("x", acme, "phases", List.of(obj("percent", 10, "count", 5))),
                400, "invalid_phases", "either percent or count");
        expectError("POST", path, spec("x", acme, "phases", List.of(obj())), 400, "invalid_phases", "either");
        expectError("POST", path, spec("x", acme, "phases", List.of(obj("percent", 0))),
                400, "invalid_phases", "1 to 100");
        expectError("POST", path, spec("x", acme, "phases", List.of(obj("count", 0))), 400, "invalid_phases", "at least 1");
        expectError("POST", path, spec("x", acme, "phases", java.util.Collections.nCopies(21, obj("percent", 100))),
                400, "invalid_phases", "at most 20");
        expectError("POST", path, spec("x", obj("groupId", "nope")), 400, "unknown_group", "nope");
        expectError("POST", path, "{\"name\":", 400, "invalid_json", "");
        expectError("POST", "/api/v1/campaigns/preview", spec("x", acme, "maxRetries", -1), 400, "invalid_retries", "");

        JsonNode nothing = call("POST", "/api/v1/campaigns/preview", spec("x", obj("imeis", List.of(UNREGISTERED))), 200);
        assertThat(nothing.get("targeted").asInt()).isZero();
        assertThat(sizes(nothing)).containsExactly(0);
        expectError("POST", path, spec("x", obj("imeis", List.of(UNREGISTERED))), 400, "no_devices",
                "0 matched");
        expectError("POST", path, spec("x", obj("imeis", List.of(imei(9)))), 400, "no_devices", "1 run it already");
        expectError("POST", path, spec("x", obj("client", "acme", "deviceType", "meter-y")), 400, "no_devices",
                "1 of another type");

        assertThat(get(path)).isEmpty();
    }

    @Test
    void runsThroughItsLifecycleAndRefusesActionsThatDoNotFitItsState() throws IOException {
        twoTrackers();
        JsonNode draft = call("POST", "/api/v1/campaigns", spec("two phases", devices(imei(1), imei(2)),
                "phases", List.of(obj("percent", 50))), 201);
        String id = draft.get("id").asText();
        assertThat(draft.get("state").asText()).isEqualTo("draft");
        assertThat(draft.get("firmwareVersion").asText()).isEqualTo("2.0.0");
        assertThat(draft.get("deviceType").asText()).isEqualTo("tracker-x");
        assertThat(draft.get("devices").asInt()).isEqualTo(2);
        assertThat(draft.get("counts").get("waiting").asInt()).isEqualTo(2);
        assertThat(draft.get("successThreshold").asInt()).isEqualTo(100);
        assertThat(draft.get("errorThreshold").asInt()).isEqualTo(10);
        assertThat(draft.get("deviceTimeoutSeconds").asLong()).isEqualTo(3600);
        assertThat(draft.get("maxRetries").asInt()).isEqualTo(1);
        assertThat(draft.get("vendorStrict").asBoolean()).isFalse();
        assertThat(draft.get("startedAt").isNull()).isTrue();
        assertThat(draft.get("currentPhase").asInt()).isZero();
        assertThat(texts(draft.get("phases"), "state")).containsExactly("waiting", "waiting");
        assertThat(ints(draft.get("phases"), "devices")).containsExactly(1, 1);
        assertThat(texts(get("/api/v1/campaigns"), "id")).containsExactly(id);
        assertThat(get("/api/v1/devices/" + imei(1)).get("status").asText()).as("a draft changes no device")
                .isEqualTo("in_sync");

        expectError("POST", "/api/v1/campaigns/" + id + "/pause", null, 409, "invalid_state", "this one is draft");
        expectError("POST", "/api/v1/campaigns/" + id + "/resume", null, 409, "invalid_state", "only a paused");
        expectError("POST", "/api/v1/campaigns/" + id + "/retry", null, 409, "invalid_state", "draft");

        JsonNode running = action(id, "start", 200);
        assertThat(running.get("state").asText()).isEqualTo("running");
        assertThat(running.get("startedAt").asText()).endsWith("Z");
        assertThat(texts(running.get("phases"), "state")).containsExactly("running", "waiting");
        assertThat(running.get("counts").get("pending").asInt()).isEqualTo(1);
        assertThat(get("/api/v1/devices/" + imei(1)).get("status").asText()).isEqualTo("pending");
        assertThat(get("/api/v1/devices/" + imei(2)).get("status").asText()).isEqualTo("in_sync");
        expectError("POST", "/api/v1/campaigns/" + id + "/start", null, 409, "invalid_state", "only a draft");
        expectError("POST", "/api/v1/campaigns/" + id + "/resume", null, 409, "invalid_state", "running");

        JsonNode paused = action(id, "pause", 200);
        assertThat(paused.get("state").asText()).isEqualTo("paused");
        assertThat(paused.get("stateReason").asText()).isEqualTo("paused by the API key");
        expectError("POST", "/api/v1/campaigns/" + id + "/pause", null, 409, "invalid_state", "paused");

        reportsFirmware(imei(1), "2.0.0");
        tick();
        JsonNode stillPaused = campaign(id);
        assertThat(stillPaused.get("counts").get("succeeded").asInt()).as("devices are followed while paused")
                .isEqualTo(1);
        assertThat(texts(stillPaused.get("phases"), "state")).as("but no phase moves").containsExactly("running", "waiting");

        JsonNode resumed = action(id, "resume", 200);
        assertThat(resumed.get("state").asText()).isEqualTo("running");
        assertThat(texts(resumed.get("phases"), "state")).containsExactly("done", "running");
        assertThat(resumed.get("currentPhase").asInt()).isEqualTo(1);
        assertThat(resumed.get("startedAt").asText()).as("the first start stays").isEqualTo(running.get("startedAt").asText());

        JsonNode second = get("/api/v1/campaigns/" + id + "/devices?phase=1");
        assertThat(second.get("total").asInt()).isEqualTo(1);
        JsonNode d = second.get("items").get(0);
        assertThat(d.get("imei").asText()).isEqualTo(imei(2));
        assertThat(d.get("phase").asInt()).isEqualTo(1);
        assertThat(d.get("state").asText()).isEqualTo("pending");
        assertThat(d.get("attempts").asInt()).isEqualTo(1);
        assertThat(texts(get("/api/v1/campaigns/" + id + "/devices?state=succeeded").get("items"), "imei"))
                .containsExactly(imei(1));
        JsonNode both = get("/api/v1/campaigns/" + id + "/devices?state=pending,succeeded&limit=1");
        assertThat(both.get("total").asInt()).isEqualTo(2);
        assertThat(both.get("items")).hasSize(1);

        reportsFirmware(imei(2), "2.0.0");
        tick();
        JsonNode completed = campaign(id);
        assertThat(completed.get("state").asText()).isEqualTo("completed");
        assertThat(completed.get("stateReason").asText()).isEqualTo("2 devices updated, 0 failed");
        assertThat(completed.get("finishedAt").asText()).endsWith("Z");
        assertThat(completed.get("counts").get("succeeded").asInt()).isEqualTo(2);
        assertThat(completed.get("currentPhase").asInt()).isEqualTo(-1);

        expectError("POST", "/api/v1/campaigns/" + id + "/cancel", null, 409, "invalid_state", "completed already");
        expectError("POST", "/api/v1/campaigns/" + id + "/pause", null, 409, "invalid_state", "completed");
        JsonNode retry = action(id, "retry", 200);
        assertThat(retry.get("retried").asInt()).isZero();
        assertThat(retry.get("campaign").get("state").asText()).isEqualTo("completed");
    }

    @Test
    void aPhaseIsDoneAtItsSuccessThresholdAndTheNextStartsWhileItsOtherDevicesGoOn() throws IOException {
        registerAll("tracker-x", "acme", "1.0.0", imei(1), imei(2), imei(3), imei(4));
        firmware = upload("tracker-x", "2.0.0", new byte[64]);
        String id = call("POST", "/api/v1/campaigns", spec("half is enough",
                devices(imei(1), imei(2), imei(3), imei(4)), "phases", List.of(obj("percent", 50)),
                "successThreshold", 50, "start", true), 201).get("id").asText();

        reportsFirmware(imei(1), "2.0.0");
        tick();
        JsonNode c = campaign(id);
        assertThat(texts(c.get("phases"), "state")).as("1 of 2 is 50 %: enough").containsExactly("done", "running");
        assertThat(get("/api/v1/devices/" + imei(2)).get("status").asText()).isEqualTo("pending");
        assertThat(get("/api/v1/devices/" + imei(3)).get("status").asText()).isEqualTo("pending");

        reportsFirmware(imei(3), "2.0.0");
        reportsFirmware(imei(4), "2.0.0");
        tick();
        assertThat(campaign(id).get("state").asText()).as("device 2 is still updating").isEqualTo("running");
        reportsFirmware(imei(2), "2.0.0");
        tick();
        assertThat(campaign(id).get("state").asText()).isEqualTo("completed");
    }

    @Test
    void pausesOnlyAboveTheErrorThresholdAndRetriesTheFailedDevices() throws IOException {
        twoTrackers();
        JsonNode started = call("POST", "/api/v1/campaigns", spec("strict", devices(imei(1), imei(2)),
                "maxRetries", 0, "errorThreshold", 50, "start", true), 201);
        String id = started.get("id").asText();
        assertThat(started.get("state").asText()).isEqualTo("running");

        reportsFailure(imei(1), 8);
        tick();
        JsonNode half = campaign(id);
        assertThat(half.get("state").asText()).as("50 % failed is not above 50 %").isEqualTo("running");
        JsonNode failed = get("/api/v1/campaigns/" + id + "/devices?state=failed,timed_out");
        assertThat(failed.get("total").asInt()).isEqualTo(1);
        assertThat(failed.get("items").get(0).get("imei").asText()).isEqualTo(imei(1));
        assertThat(failed.get("items").get(0).get("resultCode").asInt()).isEqualTo(8);
        assertThat(failed.get("items").get(0).get("attempts").asInt()).isEqualTo(1);

        reportsFailure(imei(2), 4);
        tick();
        JsonNode paused = campaign(id);
        assertThat(paused.get("state").asText()).isEqualTo("paused");
        assertThat(paused.get("stateReason").asText()).contains("2 of 2 devices failed", "error threshold of 50 %");
        assertThat(paused.get("counts").get("failed").asInt()).isEqualTo(2);

        JsonNode retried = action(id, "retry", 200);
        assertThat(retried.get("retried").asInt()).isEqualTo(2);
        assertThat(retried.get("campaign").get("state").asText()).as("retrying does not resume").isEqualTo("paused");
        assertThat(retried.get("campaign").get("counts").get("pending").asInt()).isEqualTo(2);
        assertThat(get("/api/v1/devices/" + imei(1)).get("status").asText()).isEqualTo("pending");

        assertThat(action(id, "resume", 200).get("state").asText()).isEqualTo("running");
        reportsFirmware(imei(1), "2.0.0");
        reportsFirmware(imei(2), "2.0.0");
        tick();
        JsonNode done = campaign(id);
        assertThat(done.get("state").asText()).isEqualTo("completed");
        assertThat(done.get("counts").get("succeeded").asInt()).isEqualTo(2);
    }

    @Test
    void aFailedDeviceIsRetriedWithinTheBudgetThenCountsAsFailed() throws IOException {
        twoTrackers();
        String id = call("POST", "/api/v1/campaigns", spec("one retry", devices(imei(1)),
                "maxRetries", 1, "errorThreshold", 0, "start", true), 201).get("id").asText();

        reportsFailure(imei(1), 5);
        tick();
        JsonNode d = get("/api/v1/campaigns/" + id + "/devices").get("items").get(0);
        assertThat(d.get("state").asText()).isEqualTo("pending");
        assertThat(d.get("attempts").asInt()).isEqualTo(2);
        assertThat(campaign(id).get("state").asText()).isEqualTo("running");
        assertThat(get("/api/v1/devices/" + imei(1)).get("status").asText()).as("a new download").isEqualTo("pending");

        reportsFailure(imei(1), 5);
        tick();
        d = get("/api/v1/campaigns/" + id + "/devices").get("items").get(0);
        assertThat(d.get("state").asText()).isEqualTo("failed");
        assertThat(d.get("attempts").asInt()).isEqualTo(2);
        assertThat(campaign(id).get("state").asText()).as("1 failure is above 0 %").isEqualTo("paused");
    }

    @Test
    void cancelStopsEveryUnfinishedDeviceAndReleasesIt() throws IOException {
        twoTrackers();
        String id = call("POST", "/api/v1/campaigns", spec("stop me", devices(imei(1), imei(2)), "start", true), 201)
                .get("id").asText();
        assertThat(uplink(imei(1), "{\"n\":\"firmware\",\"vs\":\"1.0.0\"}")).isEqualTo(200);
        tick();
        assertThat(campaign(id).get("counts").get("notified").asInt()).isEqualTo(1);

        JsonNode cancelled = action(id, "cancel", 200);
        assertThat(cancelled.get("state").asText()).isEqualTo("cancelled");
        assertThat(cancelled.get("stateReason").asText()).isEqualTo("cancelled by the API key");
        assertThat(cancelled.get("finishedAt").asText()).endsWith("Z");
        assertThat(cancelled.get("counts").get("cancelled").asInt()).isEqualTo(2);
        assertThat(get("/api/v1/devices/" + imei(1)).get("status").asText()).isEqualTo("cancelled");
        assertThat(uplink(imei(1), "{\"n\":\"firmware\",\"vs\":\"1.0.0\"}")).as("no more downlink").isEqualTo(204);

        expectError("POST", "/api/v1/campaigns/" + id + "/cancel", null, 409, "invalid_state", "cancelled already");
        expectError("POST", "/api/v1/campaigns/" + id + "/retry", null, 409, "invalid_state", "cancelled");
        expectError("POST", "/api/v1/campaigns/" + id + "/start", null, 409, "invalid_state", "cancelled");
        backend.setDesired(imei(1), firmware);

        String draft = call("POST", "/api/v1/campaigns", spec("never started", devices(imei(2))), 201)
                .get("id").asText();
        int events = get("/api/v1/devices/" + imei(2) + "/history").size();
        assertThat(action(draft, "cancel", 200).get("counts").get("cancelled").asInt()).isEqualTo(1);
        assertThat(get("/api/v1/devices/" + imei(2) + "/history").size()).as("a waiting device is not touched")
                .isEqualTo(events);
    }

    @Test
    void aScheduledCampaignWaitsForItsTime() throws IOException {
        twoTrackers();
        JsonNode scheduled = call("POST", "/api/v1/campaigns", spec("later", devices(imei(1)),
                "scheduledAt", "2099-01-01T06:00:00Z", "start", true), 201);
        String id = scheduled.get("id").asText();
        assertThat(scheduled.get("state").asText()).isEqualTo("scheduled");
        assertThat(scheduled.get("scheduledAt").asText()).isEqualTo("2099-01-01T06:00:00Z");
        assertThat(scheduled.get("stateReason").asText()).contains("2099-01-01T06:00:00Z");
        tick();
        assertThat(campaign(id).get("state").asText()).isEqualTo("scheduled");
        assertThat(get("/api/v1/devices/" + imei(1)).get("status").asText()).isEqualTo("in_sync");
        expectError("PUT", "/api/v1/devices/" + imei(1) + "/desired", obj("firmwareId", firmware), 409,
                "device_in_campaign", "later");
        assertThat(action(id, "pause", 200).get("state").asText()).isEqualTo("paused");
        assertThat(action(id, "cancel", 200).get("state").asText()).isEqualTo("cancelled");

        JsonNode past = call("POST", "/api/v1/campaigns", spec("past", devices(imei(2)),
                "scheduledAt", "2020-01-01T00:00:00Z"), 201);
        assertThat(past.get("state").asText()).isEqualTo("draft");
        assertThat(action(past.get("id").asText(), "start", 200).get("state").asText()).isEqualTo("running");
    }

    @Test
    void aDeviceIsInOneCampaignAtATime() throws IOException {
        registerAll("tracker-x", "acme", "1.0.0", imei(1), imei(2), imei(3));
        firmware = upload("tracker-x", "2.0.0", new byte[64]);
        String first = call("POST", "/api/v1/campaigns", spec("first", devices(imei(1), imei(2)), "start", true), 201)
                .get("id").asText();

        JsonNode preview = call("POST", "/api/v1/campaigns/preview", spec("second", devices(imei(2), imei(3))), 200);
        JsonNode conflict = preview.get("conflicts").get(0);
        assertThat(preview.get("conflicts")).hasSize(1);
        assertThat(conflict.get("campaignId").asText()).isEqualTo(first);
        assertThat(conflict.get("campaignName").asText()).isEqualTo("first");
        assertThat(conflict.get("devices").asInt()).isEqualTo(1);
        assertThat(conflict.get("someImeis").size()).isEqualTo(1);
        assertThat(conflict.get("someImeis").get(0).asText()).isEqualTo(imei(2));

        expectError("POST", "/api/v1/campaigns", spec("second", devices(imei(2), imei(3))), 409, "campaign_conflict",
                "1 in \"first\" (" + first + "), e.g. " + imei(2));
        expectError("PUT", "/api/v1/devices/" + imei(2) + "/desired", obj("firmwareId", firmware), 409,
                "device_in_campaign", "\"first\" (" + first + ")");
        assertThat(get("/api/v1/campaigns")).hasSize(1);

        String draftA = call("POST", "/api/v1/campaigns", spec("draft a", devices(imei(3))), 201).get("id").asText();
        String draftB = call("POST", "/api/v1/campaigns", spec("draft b", devices(imei(3))), 201).get("id").asText();
        action(draftA, "start", 200);
        expectError("POST", "/api/v1/campaigns/" + draftB + "/start", null, 409, "campaign_conflict", "draft a");
        assertThat(campaign(draftB).get("state").asText()).isEqualTo("draft");

        reportsFirmware(imei(1), "2.0.0");
        tick();
        assertThat(call("PUT", "/api/v1/devices/" + imei(1) + "/desired", obj("firmwareId", firmware), 200)
                .get("status").asText()).as("a device whose update is done is free again").isEqualTo("in_sync");

        action(first, "cancel", 200);
        JsonNode second = call("POST", "/api/v1/campaigns", spec("second", devices(imei(2))), 201);
        assertThat(second.get("devices").asInt()).isEqualTo(1);
    }

    @Test
    void retryingTakesNoDeviceThatAnotherCampaignHolds() throws IOException {
        twoTrackers();
        String first = call("POST", "/api/v1/campaigns", spec("first", devices(imei(1)), "maxRetries", 0,
                "start", true), 201).get("id").asText();
        reportsFailure(imei(1), 8);
        tick();
        assertThat(campaign(first).get("state").asText()).isEqualTo("paused");
        String second = call("POST", "/api/v1/campaigns", spec("second", devices(imei(1)), "start", true), 201)
                .get("id").asText();

        expectError("POST", "/api/v1/campaigns/" + first + "/retry", null, 409, "campaign_conflict", "second");
        tick();
        assertThat(campaign(second).get("counts").has("cancelled")).isFalse();
    }

    @Test
    void answersUnknownCampaignsAndBadListQueries() throws IOException {
        twoTrackers();
        for (String path : new String[]{"", "/devices"}) {
            expectError("GET", "/api/v1/campaigns/nope" + path, null, 404, "not_found", "no campaign with id nope");
        }
        for (String a : new String[]{"start", "pause", "resume", "cancel", "retry"}) {
            expectError("POST", "/api/v1/campaigns/nope/" + a, null, 404, "not_found", "nope");
        }
        String id = call("POST", "/api/v1/campaigns", spec("x", devices(imei(1))), 201).get("id").asText();
        String devices = "/api/v1/campaigns/" + id + "/devices";
        expectError("GET", devices + "?state=happy", null, 400, "invalid_state", "happy");
        expectError("GET", devices + "?phase=-1", null, 400, "invalid_phase", "phase");
        expectError("GET", devices + "?limit=1001", null, 400, "invalid_limit", "limit");
        expectError("GET", devices + "?offset=-1", null, 400, "invalid_offset", "offset");
        assertThat(get(devices + "?phase=3").get("total").asInt()).isZero();
        expectError("DELETE", "/api/v1/campaigns/" + id, null, 405, "method_not_allowed", "DELETE");
    }

    static List<Integer> sizes(JsonNode preview) {
        List<Integer> sizes = new java.util.ArrayList<>();
        preview.get("phaseSizes").forEach(n -> sizes.add(n.asInt()));
        return sizes;
    }
}
