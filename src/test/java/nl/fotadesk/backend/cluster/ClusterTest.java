package nl.fotadesk.backend.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.backend.TestPostgres;
import nl.fotadesk.backend.domain.StrictJson;
import nl.fotadesk.client.HttpFotaDeskClient;
import nl.fotadesk.device.DeviceIdentity;
import nl.fotadesk.device.DeviceSettings;
import nl.fotadesk.device.fleet.FaultPlan;
import nl.fotadesk.device.fleet.Fleet;
import nl.fotadesk.device.fleet.FleetGenerator;
import nl.fotadesk.device.fleet.FleetRegistration;
import nl.fotadesk.protocol.DeviceUrn;
import nl.fotadesk.protocol.Downlink;
import nl.fotadesk.protocol.MessageToken;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two backend processes on one PostgreSQL behind a TCP balancer, with simulated devices spread over
 * both: a three-phase campaign with failing devices and retries runs through the SIGKILL of the node
 * that runs the engine, and a cancel through one node holds while the other runs the engine.
 */
class ClusterTest {
    private static final int DEVICES = 100;
    private static final int MAX_RETRIES = 2;
    private static final int PROBES = 20;
    private static final MediaType JSON = MediaType.get("application/json");

    @TempDir
    Path dir;
    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(60)).build();
    private final List<NodeProcess> nodes = new ArrayList<>();

    @Test
    void twoNodesRunACampaignAsOneThroughAKilledNodeAndACancel() throws Exception {
        String jdbcUrl = TestPostgres.newDatabase();
        List<DeviceIdentity> fleetIds = FleetGenerator.generate(DEVICES, 11).stream()
                .map(d -> new DeviceIdentity(d.imei(), d.secret(), "tracker-x", d.client(), "1.0.0")).toList();
        byte[] image = new byte[8192];
        new Random(11).nextBytes(image);
        try (TcpBalancer balancer = new TcpBalancer(List.of());
             Connection db = DriverManager.getConnection(jdbcUrl, TestPostgres.USER, TestPostgres.PASSWORD)) {
            // one after the other: the first start creates the schema and the shared secrets
            NodeProcess a = node("a", jdbcUrl, balancer);
            NodeProcess b = node("b", jdbcUrl, balancer);
            FleetRegistration.register(new HttpFotaDeskClient(a.url(), TestBackend.API_KEY), fleetIds);

            // 1. a cancel through the node without the engine holds while the other one runs it
            await("a node takes the engine").atMost(Duration.ofSeconds(15)).until(() -> engineHolder(db) != null);
            NodeProcess engine = engineHolder(db);
            NodeProcess operator = engine == a ? b : a;
            String cancelledImage = upload(engine, "2.0.0", image);
            String cancelledId = api(operator, "POST", "/api/v1/campaigns", "{\"name\":\"cancelled\",\"firmwareId\":\""
                    + cancelledImage + "\",\"target\":{\"deviceType\":\"tracker-x\"},\"phases\":[{\"percent\":100}],"
                    + "\"start\":true}", 201).get("id").asText();
            List<String[]> downloads = new ArrayList<>();
            for (int i = 0; i < PROBES; i++) {
                NodeProcess via = i % 2 == 0 ? engine : operator;
                Downlink d = uplink(via, fleetIds.get(i)).orElseThrow(() -> new AssertionError("no downlink"));
                assertThat(d.url()).as("download URL, from node " + via.name).startsWith(balancer.url() + "/f/v1/");
                String path = d.url().substring(balancer.url().length());
                assertThat(part(via, path, d.token())).as("first part of " + path).isEqualTo(206);
                downloads.add(new String[]{path, d.token()});
            }
            api(operator, "POST", "/api/v1/campaigns/" + cancelledId + "/cancel", null, 200);
            long cancelled = System.nanoTime();
            await("every node refuses every download of the cancelled campaign").atMost(Duration.ofSeconds(5)).until(() -> downloads
                    .stream().allMatch(d -> part(engine, d[0], d[1]) == 410 && part(operator, d[0], d[1]) == 410));
            assertThat(Duration.ofNanos(System.nanoTime() - cancelled)).as("until refused").isLessThan(Duration.ofMillis(1500));
            // and stay refused while the engine's node ticks (every second) on
            await("downloads stay refused").during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5)).until(() -> downloads
                    .stream().allMatch(d -> part(engine, d[0], d[1]) == 410 && part(operator, d[0], d[1]) == 410));
            for (int i = 0; i < PROBES; i++) {
                assertThat(uplink(i % 2 == 0 ? operator : engine, fleetIds.get(i))).as("downlink after the cancel").isEmpty();
            }
            JsonNode cancelledView = api(engine, "GET", "/api/v1/campaigns/" + cancelledId, null, 200);
            assertThat(cancelledView.get("state").asText()).isEqualTo("cancelled");
            assertThat(cancelledView.path("counts").path("cancelled").asInt()).as(cancelledView.path("counts").toString())
                    .isEqualTo(DEVICES);
            assertThat(count(db, "SELECT COUNT(*) FROM downloads d JOIN campaign_actions a ON a.imei = d.imei"
                    + " WHERE a.campaign_id = ? AND d.firmware_id = '" + cancelledImage + "' AND d.active", cancelledId))
                    .as("active downloads of the cancelled campaign").isZero();

            // 2. a three-phase campaign over devices on both nodes; the engine's node dies once phase 1 is done
            String firmwareId = upload(a, "3.0.0", image);
            String id;
            Map<String, Boolean> failsToInstall = new HashMap<>();
            try (Fleet fleet = new Fleet(balancer.url(), fleetIds, DeviceSettings.quick(512), FaultPlan.parse("install=0.08"),
                    11, 16)) {
                fleet.devices().forEach(d -> failsToInstall.put(d.imei(), d.faults().installFails()));
                fleet.start(Duration.ofMillis(300));
                id = api(b, "POST", "/api/v1/campaigns", "{\"name\":\"cluster\",\"firmwareId\":\"" + firmwareId
                        + "\",\"target\":{\"deviceType\":\"tracker-x\"},\"phases\":[{\"percent\":20},{\"percent\":50},"
                        + "{\"percent\":100}],\"successThreshold\":80,\"errorThreshold\":30,\"deviceTimeoutSeconds\":10,"
                        + "\"maxRetries\":" + MAX_RETRIES + ",\"start\":true}", 201).get("id").asText();
                await("phase 1 done").atMost(Duration.ofSeconds(30)).until(() -> count(db, "SELECT COUNT(*) FROM events WHERE"
                        + " campaign_id = ? AND kind = 'phase' AND phase_idx = 0 AND state = 'done'", id) > 0);
                NodeProcess holder = engineHolder(db);
                NodeProcess survivor = holder == a ? b : a;
                holder.kill();
                long killed = System.nanoTime();
                await("the other node takes the engine over").atMost(Duration.ofSeconds(20)).until(() -> engineHolder(db) == survivor);
                assertThat(Duration.ofNanos(System.nanoTime() - killed)).as("takeover").isLessThan(Duration.ofSeconds(12));
                await("the campaign ends").atMost(Duration.ofSeconds(45)).until(() -> !state(survivor, id).equals("running"));
                assertThat(balancer.connectionsTo(a.port)).as("device connections to a").isPositive();
                assertThat(balancer.connectionsTo(b.port)).as("device connections to b").isPositive();
                JsonNode campaign = api(survivor, "GET", "/api/v1/campaigns/" + id, null, 200);
                assertThat(campaign.get("state").asText()).as(campaign.toString()).isEqualTo("completed");
                nodes.remove(holder);
            }
            for (int phase = 0; phase < 3; phase++) {
                for (String state : List.of("running", "done")) {
                    assertThat(count(db, "SELECT COUNT(*) FROM events WHERE campaign_id = ? AND kind = 'phase'"
                            + " AND phase_idx = " + phase + " AND state = '" + state + "'", id))
                            .as("phase " + (phase + 1) + " " + state + " events").isEqualTo(1);
                }
            }
            assertThat(count(db, "SELECT COUNT(*) FROM events WHERE campaign_id = ? AND kind = 'campaign'"
                    + " AND state = 'completed'", id)).as("completed events").isEqualTo(1);
            Map<String, Long> retries = perDevice(db, "SELECT imei, COUNT(*) FROM events WHERE campaign_id = ?"
                    + " AND kind = 'device' AND detail LIKE 'retry %' GROUP BY imei", id);
            Map<String, String> outcome = new HashMap<>();
            try (PreparedStatement st = db.prepareStatement(
                    "SELECT imei, state, attempts FROM campaign_actions WHERE campaign_id = ?")) {
                st.setString(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        String imei = rs.getString(1).trim();
                        outcome.put(imei, rs.getString(2));
                        assertThat(rs.getInt(3)).as("attempts of " + imei).isBetween(1, MAX_RETRIES + 1);
                        assertThat(retries.getOrDefault(imei, 0L)).as("retries of " + imei).isLessThanOrEqualTo(MAX_RETRIES);
                    }
                }
            }
            failsToInstall.forEach((imei, fails) -> {
                if (fails) {
                    assertThat(outcome.get(imei)).as(imei + ", whose installs fail").isEqualTo("failed");
                    assertThat(retries.get(imei)).as("retry rounds of " + imei + ", each once").isEqualTo(MAX_RETRIES);
                } else {
                    assertThat(outcome.get(imei)).as(imei).isEqualTo("succeeded");
                }
            });
            assertThat(failsToInstall).containsValue(true);
        } catch (Throwable e) {
            for (NodeProcess n : nodes) {
                System.out.println("--- node " + n.name + ", last lines\n" + n.logTail());
            }
            throw e;
        } finally {
            for (NodeProcess n : nodes) {
                n.close();
            }
            http.dispatcher().executorService().shutdown();
        }
    }

    private NodeProcess node(String name, String jdbcUrl, TcpBalancer balancer) throws Exception {
        NodeProcess n = NodeProcess.start(name, dir.resolve(name), jdbcUrl, balancer.url());
        nodes.add(n);
        balancer.add(n.port);
        return n;
    }

    /** The running node that holds the engine's lease, by the pid in its holder name (pid@host/...). */
    private NodeProcess engineHolder(Connection db) {
        try (PreparedStatement st = db.prepareStatement("SELECT holder FROM cluster_locks WHERE name = 'rollout-engine'");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            String holder = rs.getString(1);
            return holder == null ? null : nodes.stream()
                    .filter(n -> holder.startsWith(n.pid() + "@")).findFirst().orElse(null);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String upload(NodeProcess node, String version, byte[] image) throws IOException {
        Request request = new Request.Builder()
                .url(node.url() + "/api/v1/firmware?deviceType=tracker-x&version=" + version)
                .header("Authorization", "Bearer " + TestBackend.API_KEY)
                .post(RequestBody.create(image, MediaType.get("application/octet-stream"))).build();
        try (Response r = http.newCall(request).execute()) {
            String body = r.body().string();
            assertThat(r.code()).as(body).isEqualTo(201);
            return StrictJson.MAPPER.readTree(body).get("id").asText();
        }
    }

    private JsonNode api(NodeProcess node, String method, String path, String json, int expected) throws IOException {
        Request request = new Request.Builder().url(node.url() + path)
                .header("Authorization", "Bearer " + TestBackend.API_KEY)
                .method(method, json == null ? (method.equals("POST") ? RequestBody.create(new byte[0], JSON) : null)
                        : RequestBody.create(json, JSON)).build();
        try (Response r = http.newCall(request).execute()) {
            String body = r.body().string();
            if (r.code() != expected) {
                throw new AssertionError(method + " " + path + " on node " + node.name + " answered " + r.code() + ": "
                        + body + "\n" + node.logTail());
            }
            return StrictJson.MAPPER.readTree(body);
        }
    }

    private String state(NodeProcess node, String id) {
        try {
            return api(node, "GET", "/api/v1/campaigns/" + id, null, 200).get("state").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An uplink of {@code device} as the device sends it; the downlink in the answer, if any. */
    private java.util.Optional<Downlink> uplink(NodeProcess node, DeviceIdentity device) throws IOException {
        byte[] body = ("[{\"bn\":\"" + DeviceUrn.of(device.imei()) + "\"}]").getBytes(StandardCharsets.UTF_8);
        Request request = new Request.Builder().url(node.url() + "/ingestion/m2m/senml/v1")
                .header(MessageToken.HEADER, MessageToken.compute(body, device.secret()))
                .post(RequestBody.create(body, JSON)).build();
        try (Response r = http.newCall(request).execute()) {
            assertThat(r.code()).isIn(200, 204);
            return r.code() == 200 ? Downlink.parse(r.body().bytes(), DeviceUrn.of(device.imei())) : java.util.Optional.empty();
        }
    }

    /** The status of a request for the first part of a download, as a device sends it. */
    private int part(NodeProcess node, String path, String token) {
        Request request = new Request.Builder().url(node.url() + path).header("Authorization", "Bearer " + token)
                .header("Range", "bytes=0-511").build();
        try (Response r = http.newCall(request).execute()) {
            return r.code();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(Connection db, String sql, String param) {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            st.setString(1, param);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> perDevice(Connection db, String sql, String param) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (PreparedStatement st = db.prepareStatement(sql)) {
            st.setString(1, param);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1).trim(), rs.getLong(2));
                }
            }
        }
        return counts;
    }
}
