package nl.fotadesk.device;

import com.fasterxml.jackson.databind.JsonNode;
import nl.fotadesk.backend.OnEachDatabase;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.backend.api.RequestCalls;
import nl.fotadesk.client.HttpFotaDeskClient;
import nl.fotadesk.device.fleet.FaultPlan;
import nl.fotadesk.device.fleet.Fleet;
import nl.fotadesk.device.fleet.FleetGenerator;
import nl.fotadesk.device.fleet.FleetRegistration;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole request flow over real HTTP with simulated devices: a requester of acme files a request for
 * acme's 50 devices (10 of globex stay out of it), an operator reviews it and approves it with a two-phase
 * plan and a maintenance window that is open now, the campaign completes, and the requester's report lists
 * every device with its result. On H2 and PostgreSQL.
 */
class RequestEndToEndTest extends OnEachDatabase {
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");
    @TempDir
    Path data;

    @Test
    void aRequestForFiftyDevicesIsApprovedRolledOutAndReported() throws Exception {
        List<DeviceIdentity> identities = new ArrayList<>();
        List<DeviceIdentity> generated = FleetGenerator.generate(60, 13);
        for (int i = 0; i < generated.size(); i++) {
            DeviceIdentity d = generated.get(i);
            identities.add(new DeviceIdentity(d.imei(), d.secret(), "tracker-x", i < 50 ? "acme" : "globex", "1.0.0"));
        }
        Set<String> acme = identities.subList(0, 50).stream().map(DeviceIdentity::imei).collect(Collectors.toSet());
        byte[] image = new byte[8192];
        new Random(13).nextBytes(image);
        try (TestBackend backend = new TestBackend(database.config(data, TestBackend.API_KEY)
                .withEngineTick(Duration.ofMillis(200)));
             Fleet fleet = new Fleet(backend.url(), identities, DeviceSettings.quick(512), FaultPlan.parse(""), 13, 16)) {
            FleetRegistration.register(new HttpFotaDeskClient(backend.url(), TestBackend.API_KEY), identities);
            fleet.start(Duration.ofMillis(300));
            RequestCalls calls = new RequestCalls(backend);
            String rita = calls.user("rita", "requester", ",\"client\":\"acme\"");

            JsonNode filed = calls.filed(rita, "{\"deviceType\":\"tracker-x\",\"version\":\"2.0.0\",\"releaseNotes\":"
                    + "\"Battery fix\",\"target\":{},\"contact\":\"rita@acme.example\"}", image);
            assertThat(filed.get("deviceCount").asInt()).isEqualTo(50);
            String id = filed.get("id").asText();

            backend.apiJson("POST", "/api/v1/requests/" + id + "/review", null, 200);
            JsonNode review = backend.apiJson("GET", "/api/v1/requests/" + id + "/review", null, 200);
            assertThat(review.path("devices").path("targeted").asInt()).isEqualTo(50);
            assertThat(review.path("devices").path("outsideScope").asInt()).as("globex was not asked for").isZero();
            LocalTime now = LocalTime.now(ZoneOffset.UTC);
            String window = "{\"timeZone\":\"UTC\",\"from\":\"" + HOURS.format(now.minusHours(1)) + "\",\"to\":\""
                    + HOURS.format(now.plusHours(2)) + "\"}";
            JsonNode approved = backend.apiJson("POST", "/api/v1/requests/" + id + "/approve", "{\"phases\":"
                    + "[{\"percent\":20},{\"percent\":100}],\"successThreshold\":80,\"deviceTimeoutSeconds\":120,"
                    + "\"window\":" + window + "}", 200);
            String campaignId = approved.get("campaignId").asText();
            assertThat(approved.path("campaign").path("opensAt").isNull()).as("the window is open").isTrue();

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() ->
                    calls.as(rita, "GET", "/api/v1/requests/" + id, null, 200).path("campaign").path("state").asText()
                            .equals("completed"));
            JsonNode campaign = backend.apiJson("GET", "/api/v1/campaigns/" + campaignId, null, 200);
            assertThat(campaign.path("phases")).hasSize(2);
            assertThat(campaign.path("counts").path("succeeded").asInt()).isEqualTo(50);

            JsonNode report = calls.as(rita, "GET", "/api/v1/requests/" + id + "/report", null, 200);
            assertThat(report).hasSize(50);
            for (JsonNode line : report) {
                assertThat(acme).contains(line.get("imei").asText());
                assertThat(line.get("oldVersion").asText()).isEqualTo("1.0.0");
                assertThat(line.get("newVersion").asText()).isEqualTo("2.0.0");
                assertThat(line.get("result").asText()).isEqualTo("succeeded");
            }
            try (Response csv = calls.call("GET", "/api/v1/requests/" + id + "/report?format=csv", null, rita)) {
                List<String> lines = csv.body().string().lines().toList();
                assertThat(lines).hasSize(51);
                assertThat(lines.subList(1, 51)).allMatch(l -> l.endsWith(",1.0.0,2.0.0,succeeded,1"));
            }
        }
    }
}
