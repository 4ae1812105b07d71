package nl.fotadesk.device;

import com.fasterxml.jackson.databind.JsonNode;
import nl.fotadesk.backend.OnEachDatabase;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.client.HttpFotaDeskClient;
import nl.fotadesk.device.fleet.FaultPlan;
import nl.fotadesk.device.fleet.Fleet;
import nl.fotadesk.device.fleet.FleetGenerator;
import nl.fotadesk.device.fleet.FleetRegistration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Campaigns over 300 simulated devices, with the real backend and its engine ticking on its own, on H2 and PostgreSQL. */
class CampaignEndToEndTest extends OnEachDatabase {
    @TempDir
    Path data;

    @Test
    void aThreePhaseCampaignWithAFewInstallFailuresCompletes() throws Exception {
        JsonNode campaign = run("install=0.03", 1);
        assertThat(campaign.get("state").asText()).isEqualTo("completed");
        int succeeded = campaign.path("counts").path("succeeded").asInt();
        int failed = campaign.path("counts").path("failed").asInt();
        assertThat(succeeded + failed).isEqualTo(300);
        assertThat(failed).isBetween(1, 20);
        campaign.path("phases").forEach(p -> assertThat(p.get("state").asText()).isEqualTo("done"));
    }

    /** With seed 3, 30 % install failures hit more than 20 % of phase one (fleet, faults and phases are seeded). */
    @Test
    void manyFailuresInPhaseOnePauseTheCampaignBeforePhaseTwo() throws Exception {
        JsonNode campaign = run("install=0.3", 3);
        assertThat(campaign.get("state").asText()).isEqualTo("paused");
        assertThat(campaign.get("stateReason").asText()).contains("phase 1").contains("error threshold");
        JsonNode phases = campaign.path("phases");
        assertThat(phases.get(0).path("counts").path("failed").asInt()).isGreaterThan(3);
        assertThat(phases.get(1).get("state").asText()).isEqualTo("waiting");
        assertThat(phases.get(1).path("counts").path("waiting").asInt()).as("no device of phase 2 was notified")
                .isEqualTo(phases.get(1).get("devices").asInt());
    }

    /** Runs 300 devices through a 5 %, 25 %, 100 % campaign until it completes or pauses. */
    private JsonNode run(String faults, long seed) throws Exception {
        List<DeviceIdentity> identities = FleetGenerator.generate(300, seed).stream()
                .map(d -> new DeviceIdentity(d.imei(), d.secret(), "tracker-x", d.client(), "1.0.0")).toList();
        byte[] image = new byte[8192];
        new Random(seed).nextBytes(image);
        try (TestBackend backend = new TestBackend(database.config(data, TestBackend.API_KEY)
                .withEngineTick(Duration.ofMillis(200)));
             Fleet fleet = new Fleet(backend.url(), identities, DeviceSettings.quick(512), FaultPlan.parse(faults),
                     seed, 16)) {
            FleetRegistration.register(new HttpFotaDeskClient(backend.url(), TestBackend.API_KEY), identities);
            fleet.start(Duration.ofMillis(300));
            String firmwareId = backend.uploadFirmware("tracker-x", "2.0.0", image);
            String id = backend.apiJson("POST", "/api/v1/campaigns", "{\"name\":\"spring\",\"firmwareId\":\"" + firmwareId
                    + "\",\"target\":{\"deviceType\":\"tracker-x\"},\"phases\":[{\"percent\":5},{\"percent\":25},"
                    + "{\"percent\":100}],\"successThreshold\":80,\"errorThreshold\":20,\"maxRetries\":0,"
                    + "\"start\":true}", 201).get("id").asText();
            String path = "/api/v1/campaigns/" + id;
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() ->
                    !backend.apiJson("GET", path, null, 200).get("state").asText().equals("running"));
            JsonNode campaign = backend.apiJson("GET", path, null, 200);
            return campaign;
        }
    }
}
