package nl.fotadesk.backend.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.backend.TestDatabase;
import nl.fotadesk.client.HttpFotaDeskClient;
import nl.fotadesk.device.DeviceIdentity;
import nl.fotadesk.device.DeviceSettings;
import nl.fotadesk.device.fleet.FaultPlan;
import nl.fotadesk.device.fleet.Fleet;
import nl.fotadesk.device.fleet.FleetGenerator;
import nl.fotadesk.device.fleet.FleetRegistration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rehearsal against what really happens: the simulated fleet (quick settings, install failures) on a
 * real backend. A first campaign teaches the failure chance; the second is rehearsed as a draft, then
 * run, and its forecast compared with the outcome: duration, failures and bytes served.
 */
class RehearsalVersusFleetTest {
    static final int DEVICES = 40;
    static final int IMAGE = 8192;
    static final Duration TICK = Duration.ofMillis(200);

    @TempDir
    Path data;

    @Test
    void aRehearsalForeseesWhatTheFleetThenDoes() throws Exception {
        List<DeviceIdentity> identities = FleetGenerator.generate(DEVICES, 5).stream()
                .map(d -> new DeviceIdentity(d.imei(), d.secret(), "tracker-x", d.client(), "1.0.0")).toList();
        DeviceSettings quick = DeviceSettings.quick(512);
        try (TestBackend backend = new TestBackend(TestDatabase.H2.config(data, TestBackend.API_KEY).withEngineTick(TICK));
             Fleet fleet = new Fleet(backend.url(), identities, quick, FaultPlan.parse("install=0.2"), 5, DEVICES)) {
            FleetRegistration.register(new HttpFotaDeskClient(backend.url(), TestBackend.API_KEY), identities);
            fleet.start(quick.uplinkInterval());

            // the first campaign, on half the fleet, is the history the rehearsal learns from
            String first = create(backend, backend.uploadFirmware("tracker-x", "2.0.0", new byte[IMAGE]),
                    "\"cap\":" + DEVICES / 2 + ",\"capOrder\":\"imei\"", true);
            JsonNode learnedFrom = awaitEnd(backend, first);
            int failedBefore = learnedFrom.path("counts").path("failed").asInt();

            String second = create(backend, backend.uploadFirmware("tracker-x", "3.0.0", new byte[IMAGE]), "", false);
            JsonNode forecast = backend.apiJson("POST", "/api/v1/campaigns/rehearsals", "{\"campaignId\":\"" + second
                    + "\",\"defaultBearer\":\"LAN\",\"installSeconds\":0.05,\"rebootSeconds\":0.05,\"runs\":9}", 200);
            JsonNode chance = forecast.get("failureChances").get(0);
            assertThat(chance.get("source").asText()).isEqualTo("device_type");
            assertThat(chance.get("failed").asDouble()).as("learned from the first campaign")
                    .isEqualTo((double) failedBefore / (DEVICES / 2), org.assertj.core.data.Offset.offset(1e-9));

            backend.apiJson("POST", "/api/v1/campaigns/" + second + "/start", null, 200);
            awaitEnd(backend, second);
            JsonNode both = backend.apiJson("GET", "/api/v1/campaigns/" + second + "/forecast", null, 200);
            JsonNode actual = both.get("actual");
            JsonNode f = both.get("forecast");

            // failures: the forecast's mean within 3 standard deviations of a binomial count, and one device
            double p = chance.get("failed").asDouble();
            double sd = Math.sqrt(DEVICES * p * (1 - p));
            assertThat((double) actual.get("failed").asInt()).as(both.toPrettyString())
                    .isBetween(f.get("expectedFailed").asDouble() - 3 * sd - 1, f.get("expectedFailed").asDouble() + 3 * sd + 1);
            // bytes served: every device that picked its download up got all of it
            assertThat((double) actual.get("bytesServed").asLong()).as(both.toPrettyString())
                    .isBetween(f.get("data").get("payloadBytes").asLong() * 0.95, f.get("data").get("payloadBytes").asLong() * 1.05);
            // duration: one real run passes the 90th percentile one time in ten by definition, and on a machine
            // busy with other work (2 cores, a build beside it: measured up to 2.05 x the 90th percentile) the
            // real fleet's threads answer slower than the LAN bearer's 10 ms while the forecast does not: from
            // half the median to two and a half times the 90th percentile (a model off by 5 x still fails)
            double median = f.get("durationSeconds").get("median").asDouble();
            double p90 = f.get("durationSeconds").get("p90").asDouble();
            assertThat(actual.get("durationSeconds").asDouble()).as(both.toPrettyString())
                    .isBetween(median / 2, p90 * 2.5);
        }
    }

    private static String create(TestBackend backend, String firmwareId, String target, boolean start) throws IOException {
        return backend.apiJson("POST", "/api/v1/campaigns", "{\"name\":\"" + firmwareId + "\",\"firmwareId\":\""
                + firmwareId + "\",\"target\":{\"deviceType\":\"tracker-x\"" + (target.isEmpty() ? "" : "," + target)
                + "},\"phases\":[{\"percent\":25},{\"percent\":100}],\"successThreshold\":1,\"errorThreshold\":100,"
                + "\"maxRetries\":0,\"start\":" + start + "}", 201).get("id").asText();
    }

    private static JsonNode awaitEnd(TestBackend backend, String id) {
        String path = "/api/v1/campaigns/" + id;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                backend.apiJson("GET", path, null, 200).get("state").asText().equals("completed"));
        return get(backend, path);
    }

    private static JsonNode get(TestBackend backend, String path) {
        try {
            return backend.apiJson("GET", path, null, 200);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
