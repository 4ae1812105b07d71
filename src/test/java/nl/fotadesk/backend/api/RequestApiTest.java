package nl.fotadesk.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Update requests over the API: the state machine (every transition from every state, allowed or
 * refused), scope (a requester never sees another client's request or devices), the image kept apart
 * until approval, the review's facts, the report, and the audit trail. On H2 and on PostgreSQL.
 */
class RequestApiTest extends ApiTestBase {
    private static final byte[] IMAGE = "firmware 2.0.0 for tracker".getBytes(StandardCharsets.UTF_8);
    private static final List<String> ACTIONS = List.of("review", "approve", "reject", "withdraw");

    RequestCalls calls;
    String rita;
    String rick;
    String cora;
    String vic;
    int nextDevice;

    @BeforeEach
    void fleet() throws IOException {
        calls = new RequestCalls(backend);
        call("POST", "/api/v1/clients", obj("name", "acme"), 201);
        call("POST", "/api/v1/clients", obj("name", "globex"), 201);
        for (int i = 0; i < 20; i++) {
            register(imei(i), "tracker", "acme", "1.0.0");
        }
        register(imei(100), "tracker", "globex", "1.0.0");
        register(imei(101), "tracker", "globex", "1.0.0");
        rita = calls.user("rita", "requester", ",\"client\":\"acme\"");
        rick = calls.user("rick", "requester", ",\"client\":\"globex\"");
        cora = calls.user("cora", "customer", ",\"client\":\"acme\"");
        vic = calls.user("vic", "viewer", "");
    }

    /** A request by rita for one acme device of its own (so approvals never share devices). */
    private String fresh() throws IOException {
        return calls.filed(rita, "{\"deviceType\":\"tracker\",\"version\":\"2.0.0\",\"target\":{\"imeis\":[\""
                + imei(nextDevice++) + "\"]}}", IMAGE).get("id").asText();
    }

    private Response act(String id, String action, String token) throws IOException {
        String body = switch (action) {
            case "approve" -> "{\"phases\":[{\"percent\":100}]}";
            case "reject" -> "{\"reason\":\"the release notes are missing\"}";
            default -> null;
        };
        return calls.call("POST", "/api/v1/requests/" + id + "/" + action, body, token);
    }

    /** Who takes each action: the operator (the API key), or the requester for a withdrawal. */
    private String actor(String action) {
        return action.equals("withdraw") ? rita : nl.fotadesk.backend.TestBackend.API_KEY;
    }

    /** A fresh request brought into {@code state} along the allowed path. */
    private String inState(String state) throws IOException {
        String id = fresh();
        List<String> path = switch (state) {
            case "submitted" -> List.of();
            case "in_review" -> List.of("review");
            case "approved" -> List.of("review", "approve");
            case "rejected" -> List.of("review", "reject");
            case "withdrawn" -> List.of("withdraw");
            default -> throw new IllegalArgumentException(state);
        };
        for (String action : path) {
            RequestCalls.json(act(id, action, actor(action)), 200);
        }
        return id;
    }

    @Test
    void everyTransitionFromEveryStateIsAllowedOrRefusedWithTheCurrentState() throws Exception {
        Map<String, Map<String, String>> allowed = Map.of(
                "submitted", Map.of("review", "in_review", "withdraw", "withdrawn"),
                "in_review", Map.of("approve", "approved", "reject", "rejected", "withdraw", "withdrawn"),
                "approved", Map.of(), "rejected", Map.of(), "withdrawn", Map.of());
        List<String> problems = new ArrayList<>();
        for (String state : List.of("submitted", "in_review", "approved", "rejected", "withdrawn")) {
            String refusedOn = inState(state);
            for (String action : ACTIONS) {
                String to = allowed.get(state).get(action);
                String id = to == null ? refusedOn : inState(state);
                try (Response r = act(id, action, actor(action))) {
                    JsonNode answer = mapper().readTree(r.body().string());
                    boolean ok = to == null
                            ? r.code() == 409 && answer.path("state").asText().equals(state)
                            && answer.path("error").asText().equals("invalid_state")
                            : r.code() == 200 && answer.path("state").asText().equals(to);
                    if (!ok) {
                        problems.add(action + " from " + state + ": " + r.code() + " " + answer);
                    }
                }
            }
            assertThat(get("/api/v1/requests/" + refusedOn).get("state").asText()).as("refusals change nothing")
                    .isEqualTo(state);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void approvalCreatesTheLinkedCampaignAndTheHistoryNamesEveryStep() throws Exception {
        JsonNode filed = calls.filed(rita, "{\"deviceType\":\"tracker\",\"version\":\"2.0.0\",\"releaseNotes\":"
                + "\"Fixes the GPS drift.\\nSecond line.\",\"target\":{},\"contact\":\"rita@acme.example\","
                + "\"window\":{\"earliestStart\":\"2026-01-01T00:00:00Z\",\"timeZone\":\"Europe/Amsterdam\","
                + "\"from\":\"02:00\",\"to\":\"05:00\"}}", IMAGE);
        assertThat(filed.get("state").asText()).isEqualTo("submitted");
        assertThat(filed.get("deviceCount").asInt()).as("every acme tracker, no globex one").isEqualTo(20);
        assertThat(filed.get("requestedBy").asText()).isEqualTo("rita (requester)");
        assertThat(filed.get("size").asLong()).isEqualTo(IMAGE.length);
        String id = filed.get("id").asText();
        calls.as(rita, "POST", "/api/v1/requests/" + id + "/comments", "{\"text\":\"Please update at night.\"}", 201);
        call("POST", "/api/v1/requests/" + id + "/comments", obj("text", "Will do."), 201);
        call("POST", "/api/v1/requests/" + id + "/review", null, 200);
        JsonNode review = get("/api/v1/requests/" + id + "/review");
        assertThat(review.path("plan").path("window").path("timeZone").asText()).as("the wished hours prefilled")
                .isEqualTo("Europe/Amsterdam");
        assertThat(review.path("plan").path("phases")).hasSize(2);

        JsonNode approved = call("POST", "/api/v1/requests/" + id + "/approve", obj("name", "GPS fix for acme",
                "phases", List.of(obj("percent", 50), obj("percent", 100))), 200);
        assertThat(approved.get("state").asText()).isEqualTo("approved");
        String campaignId = approved.get("campaignId").asText();
        JsonNode campaign = get("/api/v1/campaigns/" + campaignId);
        assertThat(campaign.get("name").asText()).isEqualTo("GPS fix for acme");
        assertThat(campaign.get("devices").asInt()).isEqualTo(20);
        assertThat(campaign.get("state").asText()).isEqualTo("running");
        assertThat(campaign.path("window").path("from").asText()).as("the wished window kept").isEqualTo("02:00");
        assertThat(campaign.path("phases")).hasSize(2);
        assertThat(approved.path("campaign").path("id").asText()).isEqualTo(campaignId);

        JsonNode seen = calls.as(rita, "GET", "/api/v1/requests/" + id, null, 200);
        assertThat(texts(seen.get("history"), "state")).containsExactly("submitted", "in_review", "approved");
        JsonNode filedStep = seen.get("history").get(0);
        assertThat(filedStep.get("detail").asText()).as("English for scripts").isEqualTo("20 devices");
        assertThat(filedStep.get("code").asText()).as("and a code the app words").isEqualTo("devices");
        assertThat(filedStep.get("args").toString()).isEqualTo("[\"20\"]");
        JsonNode approvedStep = seen.get("history").get(2);
        assertThat(approvedStep.get("detail").asText()).isEqualTo("campaign \"GPS fix for acme\" for 20 devices");
        assertThat(approvedStep.get("code").asText()).isEqualTo("campaign");
        assertThat(approvedStep.get("args").toString()).isEqualTo("[\"GPS fix for acme\",\"20\"]");
        assertThat(seen.get("history").get(1).has("code")).as("nothing noted").isFalse();
        assertThat(texts(seen.get("comments"), "text")).containsExactly("Please update at night.", "Will do.");
        assertThat(seen.get("releaseNotes").asText()).contains("\n");
        assertThat(texts(calls.as(rita, "GET", "/api/v1/requests?state=approved", null, 200), "id")).containsExactly(id);
        assertThat(calls.as(rita, "GET", "/api/v1/requests?state=submitted", null, 200)).isEmpty();
    }

    @Test
    void theCampaignOfAnApprovedRequestEndsByItsLatestEnd() throws Exception {
        String latest = "2099-01-01T00:00:00Z";
        String request = "{\"deviceType\":\"tracker\",\"version\":\"2.0.0\",\"target\":{\"imeis\":[\"%s\"]},"
                + "\"window\":{\"latestEnd\":\"" + latest + "\"}}";
        String id = calls.filed(rita, request.formatted(imei(nextDevice++)), IMAGE).get("id").asText();
        call("POST", "/api/v1/requests/" + id + "/review", null, 200);
        assertThat(get("/api/v1/requests/" + id + "/review").path("plan").path("window").path("endsAt").asText())
                .as("prefilled").isEqualTo(latest);
        String campaignId = call("POST", "/api/v1/requests/" + id + "/approve", obj("window", obj("timeZone", "UTC",
                "from", "02:00", "to", "05:00")), 200).get("campaignId").asText();
        JsonNode window = get("/api/v1/campaigns/" + campaignId).get("window");
        assertThat(window.path("from").asText()).as("the operator's hours").isEqualTo("02:00");
        assertThat(window.path("endsAt").asText()).as("ending by the latest end all the same").isEqualTo(latest);

        String later = calls.filed(rita, request.formatted(imei(nextDevice++)), IMAGE).get("id").asText();
        call("POST", "/api/v1/requests/" + later + "/review", null, 200);
        try (Response r = calls.call("POST", "/api/v1/requests/" + later + "/approve",
                "{\"window\":{\"endsAt\":\"2099-06-01T00:00:00Z\"}}", nl.fotadesk.backend.TestBackend.API_KEY)) {
            assertError(r, 400, "invalid_window", "latest end");
        }
        assertThat(get("/api/v1/requests/" + later).get("state").asText()).isEqualTo("in_review");
        String earlier = call("POST", "/api/v1/requests/" + later + "/approve", obj("window", obj("endsAt",
                "2098-01-01T00:00:00Z")), 200).get("campaignId").asText();
        assertThat(get("/api/v1/campaigns/" + earlier).path("window").path("endsAt").asText())
                .as("an earlier end is the operator's to choose").isEqualTo("2098-01-01T00:00:00Z");
    }

    /** The request events {@code token} is given after {@code cursor}, as "requestId state". */
    private List<String> requestEvents(String token, long cursor, int wait) throws IOException {
        List<String> seen = new ArrayList<>();
        calls.as(token, "GET", "/api/v1/events?since=" + cursor + "&wait=" + wait, null, 200).get("events")
                .forEach(e -> {
                    if (e.get("kind").asText().equals("request")) {
                        seen.add(e.get("requestId").asText() + " " + e.get("state").asText());
                    }
                });
        return seen;
    }

    /** The code and arguments of each request event after {@code cursor} in the API key's feed. */
    private List<String> codes(long cursor) throws IOException {
        List<String> said = new ArrayList<>();
        call("GET", "/api/v1/events?since=" + cursor, null, 200).get("events").forEach(e -> {
            if (e.get("kind").asText().equals("request")) {
                said.add(e.get("code").asText() + " " + e.get("args"));
            }
        });
        return said;
    }

    private String campaignName(String request) throws IOException {
        String campaign = call("GET", "/api/v1/requests/" + request, null, 200).get("campaign").get("id").asText();
        return call("GET", "/api/v1/campaigns/" + campaign, null, 200).get("name").asText();
    }

    private long cursor(String token) throws IOException {
        return calls.as(token, "GET", "/api/v1/events", null, 200).get("cursor").asLong();
    }

    @Test
    void everyChangeAndCommentIsAnEventThatOnlyUsersWhoSeeTheRequestReceive() throws Exception {
        long ritas = cursor(rita);
        long ricks = cursor(rick);
        long coras = cursor(cora);
        long all = cursor(nl.fotadesk.backend.TestBackend.API_KEY);
        CompletableFuture<List<String>> rickWaiting = CompletableFuture.supplyAsync(() -> {
            try {
                return requestEvents(rick, ricks, 3);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        String rejected = fresh();
        calls.as(rita, "POST", "/api/v1/requests/" + rejected + "/comments", "{\"text\":\"Soon, please.\"}", 201);
        RequestCalls.json(act(rejected, "review", actor("review")), 200);
        RequestCalls.json(act(rejected, "reject", actor("reject")), 200);
        String withdrawn = inState("withdrawn");
        String approved = inState("approved");
        assertThat(rickWaiting.get(10, TimeUnit.SECONDS)).as("a long poll of another client's requester")
                .isEmpty();

        List<String> expected = List.of(rejected + " submitted", rejected + " commented", rejected + " in_review",
                rejected + " rejected", withdrawn + " submitted", withdrawn + " withdrawn", approved + " submitted",
                approved + " in_review", approved + " approved");
        assertThat(requestEvents(rita, ritas, 0)).isEqualTo(expected);
        assertThat(requestEvents(cora, coras, 0)).as("the same client's customer").isEqualTo(expected);
        assertThat(requestEvents(nl.fotadesk.backend.TestBackend.API_KEY, all, 0)).isEqualTo(expected);
        assertThat(requestEvents(rick, ricks, 0)).isEmpty();
        assertThat(codes(all)).as("what each event says, as a program reads it").containsExactly(
                "request_devices {\"devices\":1}", "request_commented {}", "request_changed {}",
                "request_reason {\"text\":\"the release notes are missing\"}", "request_devices {\"devices\":1}",
                "request_changed {}", "request_devices {\"devices\":1}", "request_changed {}",
                "request_campaign {\"campaignName\":\"" + campaignName(approved) + "\",\"devices\":1}");

        String ricksOwn = calls.filed(rick, "{\"deviceType\":\"tracker\",\"version\":\"2.0.0\",\"target\":{\"imeis\":[\""
                + imei(100) + "\"]}}", IMAGE).get("id").asText();
        assertThat(requestEvents(rick, ricks, 0)).containsExactly(ricksOwn + " submitted");
        assertThat(requestEvents(rita, ritas, 0)).isEqualTo(expected);
        JsonNode event = calls.as(rick, "GET", "/api/v1/events?since=" + ricks, null, 200).get("events").get(0);
        assertThat(event.get("detail").asText()).isEqualTo("1 devices");
        assertThat(event.has("campaignId")).isFalse();
    }

    @Test
    void theImageCanBeUsedByNoCampaignBeforeApproval() throws Exception {
        String id = fresh();
        assertThat(get("/api/v1/firmware")).as("not in the firmware list").isEmpty();
        expectError("POST", "/api/v1/campaigns", obj("name", "sneaky", "firmwareId", id), 400, "unknown_firmware", id);
        call("POST", "/api/v1/requests/" + id + "/review", null, 200);
        call("POST", "/api/v1/requests/" + id + "/reject", obj("reason", "wrong image"), 200);
        assertThat(get("/api/v1/firmware")).as("a rejected request's image never becomes firmware").isEmpty();

        String approvedId = inState("approved");
        JsonNode firmware = get("/api/v1/firmware");
        assertThat(texts(firmware, "version")).containsExactly("2.0.0");
        assertThat(get("/api/v1/campaigns/" + get("/api/v1/requests/" + approvedId).get("campaignId").asText())
                .get("firmwareId").asText()).isEqualTo(firmware.get(0).get("id").asText());
    }

    @Test
    void aRequesterSeesOnlyTheirClientsRequestsAndDevices() throws Exception {
        String id = fresh();
        calls.as(rick, "GET", "/api/v1/requests/" + id, null, 404);
        assertThat(calls.as(rick, "GET", "/api/v1/requests", null, 200)).isEmpty();
        calls.as(rick, "POST", "/api/v1/requests/" + id + "/comments", "{\"text\":\"hi\"}", 404);
        calls.as(rick, "POST", "/api/v1/requests/" + id + "/withdraw", null, 404);
        calls.as(rick, "GET", "/api/v1/requests/" + id + "/report", null, 404);
        calls.as(rick, "GET", "/api/v1/requests/" + id + "/review", null, 403);
        calls.as(rick, "POST", "/api/v1/requests/" + id + "/review", null, 403);
        assertThat(texts(calls.as(cora, "GET", "/api/v1/requests", null, 200), "id")).as("the same client's customer")
                .containsExactly(id);
        calls.as(cora, "POST", "/api/v1/requests/" + id + "/withdraw", null, 403);

        JsonNode devices = calls.as(rita, "GET", "/api/v1/devices?limit=100", null, 200);
        assertThat(devices.get("total").asInt()).as("only acme's devices, read-only").isEqualTo(20);
        calls.as(rita, "PUT", "/api/v1/devices/" + imei(0) + "/desired", "{\"firmwareId\":\"" + id + "\"}", 403);
        calls.as(rita, "POST", "/api/v1/devices", "{}", 403);

        try (Response r = calls.file(rita, "{\"deviceType\":\"tracker\",\"version\":\"2.0.0\",\"target\":{\"imeis\":[\""
                + imei(100) + "\"]}}", IMAGE)) {
            assertError(r, 400, "no_devices", "of acme");
        }
        try (Response r = calls.file(rita, "{\"deviceType\":\"tracker\",\"version\":\"2.0.0\",\"target\":{\"client\":"
                + "\"globex\"}}", IMAGE)) {
            assertError(r, 400, "no_devices", "of acme");
        }
        try (Response r = calls.file(vic, "{\"deviceType\":\"tracker\",\"version\":\"2.0.0\"}", IMAGE)) {
            assertThat(r.code()).as("viewers file nothing").isEqualTo(403);
        }
    }

    @Test
    void theReviewShowsTheFactsOfImageAndDevices() throws Exception {
        String same = upload("tracker", "1.9.0", IMAGE);
        JsonNode pilot = call("POST", "/api/v1/campaigns", obj("name", "pilot", "firmwareId", same, "target",
                obj("imeis", List.of(imei(1))), "start", true), 201);
        reportsFirmware(imei(2), "1.0.0");
        reportsFirmware(imei(3), "3.0.0");
        String id = calls.filed(rita, "{\"deviceType\":\"tracker\",\"version\":\"2.0.0\",\"target\":{\"imeis\":[\""
                + imei(1) + "\",\"" + imei(2) + "\",\"" + imei(3) + "\",\"" + imei(4) + "\",\"" + imei(100)
                + "\",\"" + imei(999) + "\"]}}", IMAGE).get("id").asText();

        JsonNode review = get("/api/v1/requests/" + id + "/review?staleDays=3");
        JsonNode image = review.get("image");
        assertThat(image.get("size").asLong()).isEqualTo(IMAGE.length);
        assertThat(image.get("sha256").asText()).hasSize(64);
        assertThat(image.get("crc32").asText()).hasSize(8);
        assertThat(image.get("versionExists").asBoolean()).isFalse();
        assertThat(image.get("devicesOnNewerVersion").asInt()).as("device 3 runs 3.0.0").isEqualTo(1);
        assertThat(texts(image.get("identicalTo"), "version")).as("the same bytes as 1.9.0").containsExactly("1.9.0");
        JsonNode devices = review.get("devices");
        assertThat(devices.get("targeted").asInt()).isEqualTo(4);
        assertThat(devices.get("outsideScope").asInt()).as("globex's device").isEqualTo(1);
        assertThat(devices.get("someOutsideScope").get(0).asText()).isEqualTo(imei(100));
        assertThat(devices.get("unknownImeis").get(0).asText()).isEqualTo(imei(999));
        assertThat(devices.get("heldByCampaigns").get(0).get("campaignId").asText()).isEqualTo(pilot.get("id").asText());
        assertThat(devices.get("staleDays").asInt()).isEqualTo(3);
        assertThat(devices.get("notSeen").asInt()).as("devices 1 and 4 never sent an uplink").isEqualTo(2);
        JsonNode plan = review.get("plan");
        assertThat(plan.get("successThreshold").asInt()).isEqualTo(100);
        assertThat(plan.get("maxRetries").asInt()).isEqualTo(1);
        expectError("GET", "/api/v1/requests/" + id + "/review?staleDays=0", null, 400, "invalid_staleDays", "staleDays");
    }

    @Test
    void theReportListsEveryDeviceWithItsVersionsAndResultAsJsonAndCsv() throws Exception {
        String id = fresh();
        calls.as(rita, "GET", "/api/v1/requests/" + id + "/report", null, 409);
        call("POST", "/api/v1/requests/" + id + "/review", null, 200);
        call("POST", "/api/v1/requests/" + id + "/approve", null, 200);
        reportsFirmware(imei(0), "2.0.0");
        tick();
        JsonNode report = calls.as(rita, "GET", "/api/v1/requests/" + id + "/report", null, 200);
        assertThat(report).hasSize(1);
        assertThat(report.get(0).get("imei").asText()).isEqualTo(imei(0));
        assertThat(report.get(0).get("oldVersion").asText()).isEqualTo("1.0.0");
        assertThat(report.get(0).get("newVersion").asText()).isEqualTo("2.0.0");
        assertThat(report.get(0).get("result").asText()).isEqualTo("succeeded");
        try (Response r = calls.call("GET", "/api/v1/requests/" + id + "/report?format=csv", null, rita)) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("text/csv");
            assertThat(r.body().string()).isEqualTo("imei,oldVersion,newVersion,result,resultCode\r\n"
                    + imei(0) + ",1.0.0,2.0.0,succeeded,\r\n");
        }
    }

    @Test
    void everyChangeIsInTheAuditTrailWithItsActor() throws Exception {
        String id = fresh();
        calls.as(rita, "POST", "/api/v1/requests/" + id + "/comments", "{\"text\":\"soon?\"}", 201);
        call("POST", "/api/v1/requests/" + id + "/review", null, 200);
        call("POST", "/api/v1/requests/" + id + "/reject", obj("reason", "not now"), 200);
        List<String> lines = new ArrayList<>();
        get("/api/v1/audit?limit=100").get("items").forEach(e -> {
            if (e.get("object").asText().equals("request/" + id)) {
                lines.add(e.get("actor").asText() + " " + e.get("action").asText());
            }
        });
        assertThat(lines).containsExactlyInAnyOrder("rita request.file", "rita request.comment",
                "api-key request.review", "api-key request.reject");
    }

    @Test
    void aBadRequestBodyIsRefusedWith400() throws Exception {
        try (Response r = calls.call("POST", "/api/v1/requests", "{}", rita)) {
            assertError(r, 400, "invalid_multipart", "multipart/form-data");
        }
        try (Response r = calls.file(rita, "{\"deviceType\":\"tracker\",\"version\":\"2.0.0\",\"window\":{\"timeZone\":"
                + "\"UTC\",\"from\":\"2\",\"to\":\"05:00\"}}", IMAGE)) {
            assertError(r, 400, "invalid_window", "window.from");
        }
        try (Response r = calls.file(rita, "{\"deviceType\":\"tracker\",\"version\":2}", IMAGE)) {
            assertThat(r.code()).isEqualTo(400);
        }
        try (Response r = calls.file(rita, "{\"deviceType\":\"tracker\",\"version\":\"2.0.0\"}", new byte[0])) {
            assertError(r, 400, "empty_image", "empty");
        }
        expectError("GET", "/api/v1/requests?state=done", null, 400, "invalid_state", "done");
    }

    private static com.fasterxml.jackson.databind.ObjectMapper mapper() {
        return nl.fotadesk.backend.domain.StrictJson.MAPPER;
    }
}
