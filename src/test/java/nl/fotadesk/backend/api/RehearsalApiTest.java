package nl.fotadesk.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/v1/campaigns/rehearsals} and {@code GET /api/v1/campaigns/{id}/forecast}. */
class RehearsalApiTest extends ApiTestBase {
    static final String PATH = "/api/v1/campaigns/rehearsals";
    String firmware;

    void trackers(int n) throws IOException {
        String[] imeis = new String[n];
        for (int i = 0; i < n; i++) {
            imeis[i] = imei(i + 1);
        }
        registerAll("tracker-x", "acme", "1.0.0", imeis);
        firmware = upload("tracker-x", "2.0.0", new byte[20_000]);
    }

    Map<String, Object> campaign(Object... settings) {
        Map<String, Object> spec = obj("name", "trackers", "firmwareId", firmware, "target", obj("deviceType", "tracker-x"),
                "phases", List.of(obj("percent", 25), obj("percent", 100)));
        spec.putAll(obj(settings));
        return spec;
    }

    @Test
    void rehearsesACampaignToCreateAndCreatesNothing() throws IOException {
        trackers(8);
        JsonNode f = call("POST", PATH, obj("campaign", campaign(), "bearers", obj("tracker-x", "NB_IOT"),
                "pricePerMb", 0.5, "runs", 3, "seed", 7), 200);
        assertThat(f.get("devices").asInt()).isEqualTo(8);
        assertThat(f.get("runs").asInt()).isEqualTo(3);
        assertThat(f.get("seed").asLong()).isEqualTo(7);
        assertThat(f.get("imageBytes").asLong()).isEqualTo(20_000);
        assertThat(f.get("bearers").get("tracker-x").asText()).isEqualTo("NB_IOT");
        assertThat(ints(f.get("phases"), "devices")).containsExactly(2, 6);
        assertThat(f.get("durationSeconds").has("median")).isTrue();
        assertThat(f.get("data").get("totalBytes").asLong()).isGreaterThan(8 * 20_000L);
        assertThat(f.get("data").get("cost").asDouble()).isPositive();
        assertThat(f.get("partSizeAdvice").get("current").get("partSize").asInt()).isEqualTo(512);
        assertThat(f.get("failureChances").get(0).get("source").asText()).as("no campaign ran yet").isEqualTo("default");
        assertThat(call("POST", PATH, obj("campaign", campaign(), "bearers", obj("tracker-x", "NB_IOT"),
                "pricePerMb", 0.5, "runs", 3, "seed", 7), 200)).as("the same request, the same forecast").isEqualTo(f);

        assertThat(get("/api/v1/campaigns")).as("a rehearsal creates nothing").isEmpty();
        assertThat(get("/api/v1/devices/" + imei(1)).get("status").asText()).isEqualTo("in_sync");
    }

    @Test
    void refusesInvalidRehearsalsLikeInvalidCampaigns() throws IOException {
        trackers(2);
        expectError("POST", PATH, obj(), 400, "invalid_rehearsal", "give one of campaign");
        expectError("POST", PATH, obj("campaign", campaign(), "campaignId", "x"), 400, "invalid_rehearsal", "one of");
        expectError("POST", PATH, obj("campaign", campaign(), "requestId", "x"), 400, "invalid_rehearsal", "one of");
        expectError("POST", PATH, obj("campaign", campaign(), "plan", obj()), 400, "invalid_rehearsal", "with requestId");
        expectError("POST", PATH, obj("campaign", campaign(), "runs", 0), 400, "invalid_runs", "1 to 25");
        expectError("POST", PATH, obj("campaign", campaign(), "runs", 26), 400, "invalid_runs", "1 to 25");
        expectError("POST", PATH, obj("campaign", campaign(), "pricePerMb", -1), 400, "invalid_price", "pricePerMb");
        expectError("POST", PATH, obj("campaign", campaign(), "bearers", obj("tracker-x", "WIFI")), 400,
                "invalid_bearer", "bearers.tracker-x must be one of [NB_IOT");
        expectError("POST", PATH, obj("campaign", campaign(), "defaultBearer", "5G"), 400, "invalid_bearer",
                "defaultBearer");
        expectError("POST", PATH, obj("campaign", campaign(), "partSize", 8), 400, "invalid_part_size", "16 to");
        expectError("POST", PATH, obj("campaign", campaign(), "installSeconds", -1), 400, "invalid_seconds",
                "installSeconds");
        expectError("POST", PATH, obj("campaign", campaign("errorThreshold", 101)), 400, "invalid_threshold",
                "errorThreshold");
        expectError("POST", PATH, obj("campaign", campaign("phases", List.of(obj("percent", 50), obj("percent", 25)))),
                400, "invalid_phases", "phase 2 must reach further");
        expectError("POST", PATH, obj("campaign", campaign("target", obj("client", "nobody"))), 400, "no_devices",
                "0 matched");
        expectError("POST", PATH, "{\"campaign\":", 400, "invalid_json", "");
        expectError("POST", PATH, obj("campaignId", "0b0e8c1e-2f43-4d7c-9a51-6f1f3c2d9e10"), 404, "not_found",
                "no campaign");
        expectError("POST", PATH, obj("requestId", "0b0e8c1e-2f43-4d7c-9a51-6f1f3c2d9e10"), 404, "not_found",
                "no request");

        String id = call("POST", "/api/v1/campaigns", campaign("start", true), 201).get("id").asText();
        expectError("POST", PATH, obj("campaignId", id), 409, "invalid_state", "this one is running");
    }

    @Test
    void keepsTheForecastOfADraftAndShowsItBesideWhatHappened() throws IOException {
        trackers(2);
        String id = call("POST", "/api/v1/campaigns", campaign("phases", List.of(obj("percent", 100))), 201)
                .get("id").asText();
        expectError("GET", "/api/v1/campaigns/" + id + "/forecast", null, 404, "not_found", "has no forecast");

        JsonNode forecast = call("POST", PATH, obj("campaignId", id, "runs", 2), 200);
        JsonNode before = get("/api/v1/campaigns/" + id + "/forecast");
        assertThat(before.get("campaignId").asText()).isEqualTo(id);
        assertThat(before.get("forecast")).isEqualTo(forecast);
        assertThat(before.get("actual").isNull()).as("not started yet").isTrue();

        call("POST", "/api/v1/campaigns/" + id + "/start", null, 200);
        reportsFirmware(imei(1), "2.0.0");
        reportsFailure(imei(2), 8);
        tick();
        JsonNode running = get("/api/v1/campaigns/" + id + "/forecast").get("actual");
        assertThat(running.get("state").asText()).isEqualTo("running");
        assertThat(running.get("succeeded").asInt()).isEqualTo(1);
        assertThat(running.get("durationSeconds").asDouble()).isNotNegative();
        assertThat(running.get("bytesServed").asLong()).isZero();
        expectError("GET", "/api/v1/campaigns/nope/forecast", null, 404, "not_found", "no campaign");
    }

    @Test
    void learnsTheFailureChancesFromTheUpdatesOfPastCampaigns() throws IOException {
        trackers(20); // a device type is learned from once 20 attempts were seen
        String ran = call("POST", "/api/v1/campaigns", campaign("phases", List.of(obj("percent", 100)), "maxRetries", 0,
                "start", true), 201).get("id").asText();
        for (int i = 1; i <= 20; i++) {
            if (i % 4 == 0) {
                reportsFailure(imei(i), 8);
            } else {
                reportsFirmware(imei(i), "2.0.0");
            }
        }
        tick();
        JsonNode counts = get("/api/v1/campaigns/" + ran).get("counts");
        assertThat(List.of(counts.path("succeeded").asInt(), counts.path("failed").asInt())).containsExactly(15, 5);

        firmware = upload("tracker-x", "3.0.0", new byte[20_000]);
        JsonNode chance = call("POST", PATH, obj("campaign", campaign(), "runs", 1), 200).get("failureChances").get(0);
        assertThat(chance.get("source").asText()).as("3.0.0 has no history; the device type has").isEqualTo("device_type");
        assertThat(chance.get("attemptsSeen").asInt()).isEqualTo(20);
        assertThat(chance.get("failed").asDouble()).as("5 of 20 first attempts failed").isEqualTo(0.25);
        assertThat(chance.get("silent").asDouble()).isZero();
    }

    @Test
    void theForecastOfACampaignToCreateIsKeptWithTheCampaignCreatedWithIt() throws IOException {
        trackers(4);
        JsonNode f = call("POST", PATH, obj("campaign", campaign(), "pricePerMb", 0.5, "runs", 2), 200);
        String token = f.get("forecastToken").asText();
        assertThat(token).isNotEmpty();

        expectError("POST", "/api/v1/campaigns", campaign("forecastToken", token.substring(1)), 400,
                "invalid_forecast_token", "not a token of a rehearsal");
        expectError("POST", "/api/v1/campaigns", campaign("forecastToken", "a.b"), 400, "invalid_forecast_token", "");
        expectError("POST", "/api/v1/campaigns", campaign("phases", List.of(obj("percent", 100)), "forecastToken", token),
                409, "forecast_outdated", "rehearse it again");
        assertThat(get("/api/v1/campaigns")).as("a refused token creates nothing").isEmpty();

        String id = call("POST", "/api/v1/campaigns", campaign("forecastToken", token),
                201).get("id").asText();
        JsonNode kept = get("/api/v1/campaigns/" + id + "/forecast");
        assertThat(kept.get("forecast")).as("the very forecast, without its token")
                .isEqualTo(((com.fasterxml.jackson.databind.node.ObjectNode) f.deepCopy()).putNull("forecastToken"));
    }

    @Test
    void rehearsesAnUpdateRequestWithThePlanToApproveItWithAndKeepsItWithItsCampaign() throws IOException {
        trackers(6);
        RequestCalls calls = new RequestCalls(backend);
        String rita = calls.user("rita", "requester", ",\"client\":\"acme\"");
        String request = calls.filed(rita, "{\"deviceType\":\"tracker-x\",\"version\":\"3.0.0\",\"target\":{\"imeis\":[\""
                + imei(1) + "\",\"" + imei(2) + "\",\"" + imei(3) + "\",\"" + imei(4) + "\"]}}", new byte[30_000])
                .get("id").asText();
        call("POST", "/api/v1/requests/" + request + "/review", null, 200);
        Map<String, Object> plan = obj("phases", List.of(obj("percent", 50), obj("percent", 100)), "errorThreshold", 30);

        JsonNode f = call("POST", PATH, obj("requestId", request, "plan", plan, "runs", 2, "pricePerMb", 1), 200);
        assertThat(f.get("devices").asInt()).as("the request's devices").isEqualTo(4);
        assertThat(f.get("imageBytes").asLong()).as("the request's image").isEqualTo(30_000);
        assertThat(f.get("firmwareVersion").asText()).isEqualTo("3.0.0");
        assertThat(ints(f.get("phases"), "devices")).as("the plan's phases").containsExactly(2, 2);
        assertThat(f.get("timeline").get("errorThreshold").asInt()).as("the plan's threshold").isEqualTo(30);
        assertThat(call("POST", PATH, obj("requestId", request, "runs", 2, "pricePerMb", 1), 200).get("phases").size())
                .as("without a plan: the review's prefilled one, a pilot and the rest").isEqualTo(2);
        assertThat(get("/api/v1/firmware")).as("rehearsing approves nothing: the image is no firmware yet").hasSize(1);

        JsonNode approved = call("POST", "/api/v1/requests/" + request + "/approve",
                obj("phases", plan.get("phases"), "errorThreshold", 30, "forecastToken", f.get("forecastToken").asText()),
                200);
        JsonNode kept = get("/api/v1/campaigns/" + approved.get("campaignId").asText() + "/forecast");
        assertThat(kept.get("forecast").get("timeline")).isEqualTo(f.get("timeline"));
        assertThat(kept.get("forecast").get("data")).isEqualTo(f.get("data"));
        expectError("POST", PATH, obj("requestId", request), 409, "invalid_state", "approved");
    }
}
