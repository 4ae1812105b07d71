package nl.fotadesk.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import nl.fotadesk.backend.domain.StrictJson;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Campaigns that run, seen and steered by a customer: an operator's campaign across clients that its
 * thresholds pause, told to the customer without the other client's numbers, and the customer's own
 * campaign, whose retry and history name them, as a device's history names who set its desired firmware.
 */
class CampaignScopeApiTest extends ApiTestBase {
    private static final String PASSWORD = "correct horse battery";
    private String firmware;
    private String cora;

    @BeforeEach
    void fleet() throws IOException {
        register(imei(1), "tracker", "acme", "1.0.0");
        register(imei(2), "tracker", "acme", "1.0.0");
        register(imei(3), "tracker", "globex", "1.0.0");
        firmware = upload("tracker", "2.0.0", new byte[]{1, 2});
        call("POST", "/api/v1/users", obj("username", "cora", "password", PASSWORD, "role", "customer",
                "client", "acme", "displayName", "Cora de Vries"), 201);
        cora = call("POST", "/api/v1/sessions", obj("username", "cora", "password", PASSWORD), 201).get("token").asText();
    }

    @Test
    void anOperatorsCampaignPausedByAnotherClientsFailureIsToldToTheCustomerWithoutItsNumbers() throws IOException {
        String id = call("POST", "/api/v1/campaigns", obj("name", "all trackers", "firmwareId", firmware,
                "maxRetries", 0, "errorThreshold", 30, "start", true), 201).get("id").asText();
        reportsFailure(imei(3), 8);
        tick();
        JsonNode whole = get("/api/v1/campaigns/" + id);
        assertThat(whole.get("state").asText()).isEqualTo("paused");
        assertThat(whole.get("stateReason").asText()).contains("1 of 3 devices failed");

        JsonNode part = as(cora, "GET", "/api/v1/campaigns/" + id, 200);
        assertThat(part.get("state").asText()).isEqualTo("paused");
        assertThat(part.get("stateReason").asText())
                .isEqualTo("phase 1 paused the campaign at its thresholds, which count all of its devices");
        assertThat(part.get("devices").asInt()).isEqualTo(2);
        assertThat(whole.get("changeable").asBoolean()).as("the operator's to steer").isTrue();
        assertThat(part.get("changeable").asBoolean()).as("not the customer's: it holds globex's device").isFalse();
        assertThat(part.get("counts").has("failed")).as("globex's failure is not theirs").isFalse();
        assertThat(as(cora, "GET", "/api/v1/campaigns/" + id + "/devices?state=failed", 200).get("total").asInt()).isZero();
        assertThat(texts(as(cora, "GET", "/api/v1/campaigns", 200), "stateReason"))
                .containsExactly(part.get("stateReason").asText());
        assertThat(as(cora, "POST", "/api/v1/campaigns/" + id + "/resume", 403).get("detail").asText())
                .contains("outside your scope");
        assertThat(get("/api/v1/campaigns/" + id).get("state").asText()).as("still paused").isEqualTo("paused");
    }

    @Test
    void aCustomerRetriesTheirOwnCampaignAndTheHistoryNamesThem() throws IOException {
        String id = as(cora, "POST", "/api/v1/campaigns", json(obj("name", "acme trackers", "firmwareId", firmware,
                "maxRetries", 0, "errorThreshold", 100, "start", true)), 201).get("id").asText();
        JsonNode own = as(cora, "GET", "/api/v1/campaigns/" + id, 200);
        assertThat(own.get("devices").asInt()).as("acme's two only").isEqualTo(2);
        assertThat(own.get("changeable").asBoolean()).as("wholly theirs").isTrue();
        call("POST", "/api/v1/users", obj("username", "vera", "password", PASSWORD, "role", "viewer", "client", "acme"), 201);
        String vera = call("POST", "/api/v1/sessions", obj("username", "vera", "password", PASSWORD), 201).get("token").asText();
        assertThat(as(vera, "GET", "/api/v1/campaigns/" + id, 200).get("changeable").asBoolean()).as("a viewer's never").isFalse();
        reportsFailure(imei(1), 5);
        tick();
        JsonNode retried = as(cora, "POST", "/api/v1/campaigns/" + id + "/retry", 200);
        assertThat(retried.get("retried").asInt()).isEqualTo(1);
        JsonNode history = as(cora, "GET", "/api/v1/devices/" + imei(1) + "/history", 200);
        assertThat(history.get(history.size() - 1).get("detail").asText()).isEqualTo("retried by Cora de Vries (customer)");
        reportsFirmware(imei(1), "2.0.0");
        reportsFirmware(imei(2), "2.0.0");
        tick();
        JsonNode done = as(cora, "GET", "/api/v1/campaigns/" + id, 200);
        assertThat(done.get("state").asText()).isEqualTo("completed");
        assertThat(done.get("stateReason").asText()).isEqualTo("2 devices updated, 0 failed");
        assertThat(get("/api/v1/audit?actor=cora&action=campaign.retry").get("total").asInt()).isEqualTo(1);
    }

    @Test
    void aDevicesHistorySaysWhoSetItsDesiredFirmwareOrWhichCampaignPhase() throws IOException {
        as(cora, "PUT", "/api/v1/devices/" + imei(1) + "/desired", json(obj("firmwareId", firmware)), 200);
        call("PUT", "/api/v1/devices/" + imei(3) + "/desired", obj("firmwareId", firmware), 200);
        String id = as(cora, "POST", "/api/v1/campaigns", json(obj("name", "acme rest", "firmwareId", firmware,
                "target", obj("imeis", List.of(imei(2))), "start", true)), 201).get("id").asText();
        tick();

        assertThat(lastDetail(as(cora, "GET", "/api/v1/devices/" + imei(1) + "/history", 200)))
                .isEqualTo("desired firmware set to 2.0.0 by Cora de Vries (customer)");
        assertThat(lastDetail(get("/api/v1/devices/" + imei(3) + "/history")))
                .isEqualTo("desired firmware set to 2.0.0 by the API key");
        JsonNode byCampaign = as(cora, "GET", "/api/v1/devices/" + imei(2) + "/history", 200);
        assertThat(lastDetail(byCampaign)).isEqualTo("campaign \"acme rest\", phase 1");
        assertThat(byCampaign.get(byCampaign.size() - 1).get("campaignId").asText()).isEqualTo(id);
    }

    @Test
    void aCampaignsProgressHistoryIsForThoseWhoSeeAllOfItsDevices() throws IOException {
        String across = call("POST", "/api/v1/campaigns", obj("name", "all trackers", "firmwareId", firmware,
                "start", true), 201).get("id").asText();
        assertThat(get("/api/v1/campaigns/" + across + "/progress")).as("the operator's").hasSize(1);
        assertThat(as(cora, "GET", "/api/v1/campaigns/" + across + "/progress", 200))
                .as("its samples count globex's device too").isEmpty();
        call("POST", "/api/v1/campaigns/" + across + "/cancel", null, 200);
        String own = as(cora, "POST", "/api/v1/campaigns", json(obj("name", "acme trackers", "firmwareId", firmware,
                "start", true)), 201).get("id").asText();
        JsonNode history = as(cora, "GET", "/api/v1/campaigns/" + own + "/progress", 200);
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("counts").get("pending").asInt()).isEqualTo(2);
    }

    @Test
    void whatTheViewCallsChangeableIsWhatTheCustomerMaySteer() throws IOException {
        String across = call("POST", "/api/v1/campaigns", obj("name", "acme and globex", "firmwareId", firmware,
                "target", obj("imeis", List.of(imei(2), imei(3)))), 201).get("id").asText();
        String inside = call("POST", "/api/v1/campaigns", obj("name", "acme only", "firmwareId", firmware,
                "target", obj("imeis", List.of(imei(1)))), 201).get("id").asText();

        assertThat(as(cora, "GET", "/api/v1/campaigns/" + across, 200).get("changeable").asBoolean())
                .as("one of its two devices is globex's").isFalse();
        assertThat(as(cora, "POST", "/api/v1/campaigns/" + across + "/start", 403).get("detail").asText())
                .contains("outside your scope");
        assertThat(get("/api/v1/campaigns/" + across).get("state").asText()).as("refused: still a draft").isEqualTo("draft");

        assertThat(as(cora, "GET", "/api/v1/campaigns/" + inside, 200).get("changeable").asBoolean())
                .as("an operator's campaign wholly within acme").isTrue();
        assertThat(as(cora, "POST", "/api/v1/campaigns/" + inside + "/start", 200).get("state").asText()).isEqualTo("running");
    }

    private static String lastDetail(JsonNode history) {
        return history.get(history.size() - 1).get("detail").asText();
    }

    /** Calls the API as {@code token} and expects {@code status}; returns the JSON answer. */
    private JsonNode as(String token, String method, String path, int status) throws IOException {
        return as(token, method, path, null, status);
    }

    private JsonNode as(String token, String method, String path, String json, int status) throws IOException {
        try (Response r = backend.apiWithKey(method, path, json, token)) {
            String text = r.body().string();
            assertThat(r.code()).as(method + " " + path + ": " + text).isEqualTo(status);
            return StrictJson.MAPPER.readTree(text);
        }
    }
}
