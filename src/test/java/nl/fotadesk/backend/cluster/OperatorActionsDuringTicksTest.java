package nl.fotadesk.backend.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import nl.fotadesk.backend.BackendConfig;
import nl.fotadesk.backend.BackendServer;
import nl.fotadesk.backend.MutableClock;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.backend.TestPostgres;
import nl.fotadesk.backend.domain.StrictJson;
import nl.fotadesk.protocol.Imei;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two backends on one PostgreSQL database: operators pause, resume and cancel through one while the
 * other's engine ticks without pause, each tick a retry round over every device. No answer is a 500,
 * and what the operator did holds: a cancelled campaign keeps no device pending and no download active.
 */
class OperatorActionsDuringTicksTest {
    private static final int DEVICES = 120;
    private static final int ROUNDS = 3;

    @TempDir
    Path data;

    @Test
    void pausesAndCancelsThroughOneNodeHoldWhileTheOtherTicks() throws Exception {
        // both nodes on one database, each with its own data folder
        BackendConfig config = TestPostgres.config(data.resolve("a"), TestBackend.API_KEY).withEngineTick(Duration.ZERO);
        MutableClock clock = new MutableClock(Instant.now());
        ExecutorService ticker = Executors.newSingleThreadExecutor();
        try (TestBackend a = new TestBackend(config, clock);
             BackendServer b = BackendServer.start(config.withDataDir(data.resolve("b")), clock, TestBackend.QUICK_HASHES);
             Connection db = DriverManager.getConnection(config.jdbcUrl(), TestPostgres.USER, TestPostgres.PASSWORD)) {
            for (int i = 0; i < DEVICES; i++) {
                a.registerDevice(Imei.withCheckDigit(String.format("35693804%06d", i)), "tracker-x", "1.0.0");
            }
            String firmwareId = a.uploadFirmware("tracker-x", "2.0.0", new byte[4096]);

            for (int round = 0; round < ROUNDS; round++) {
                String id = a.apiJson("POST", "/api/v1/campaigns", "{\"name\":\"hammer " + round + "\",\"firmwareId\":\""
                        + firmwareId + "\",\"target\":{\"deviceType\":\"tracker-x\"},\"phases\":[{\"percent\":50},"
                        + "{\"percent\":100}],\"successThreshold\":100,\"errorThreshold\":100,\"deviceTimeoutSeconds\":10,"
                        + "\"maxRetries\":10,\"start\":true}", 201).get("id").asText();
                // node B: tick after tick, each one past every device's timeout, so each is a retry round
                AtomicBoolean stop = new AtomicBoolean();
                AtomicInteger ticks = new AtomicInteger();
                Future<?> ticking = ticker.submit(() -> {
                    while (!stop.get()) {
                        clock.advance(Duration.ofSeconds(11));
                        b.tick();
                        ticks.incrementAndGet();
                    }
                });
                List<Integer> answers = new ArrayList<>();
                for (String action : List.of("pause", "resume", "pause", "resume", "pause", "resume")) {
                    answers.add(post(a, "/api/v1/campaigns/" + id + "/" + action));
                }
                int ticksBeforeCancel = ticks.get();
                int cancelled = post(a, "/api/v1/campaigns/" + id + "/cancel");
                // let node B run two whole ticks after the cancel, then stop it
                int after = ticks.get();
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10)).until(() -> ticks.get() >= after + 2);
                stop.set(true);
                ticking.get();

                assertThat(answers).as("pause and resume answers, round " + round).allMatch(s -> s == 200 || s == 409);
                assertThat(cancelled).as("cancel, round " + round).isEqualTo(200);
                assertThat(ticksBeforeCancel + ticks.get()).as("node B ticked meanwhile").isGreaterThan(0);
                JsonNode view = a.apiJson("GET", "/api/v1/campaigns/" + id, null, 200);
                assertThat(view.get("state").asText()).isEqualTo("cancelled");
                assertThat(view.path("counts").path("cancelled").asInt()).as("every device cancelled, none back to pending: "
                        + view.path("counts")).isEqualTo(DEVICES);
                assertThat(count(db, "SELECT COUNT(*) FROM downloads d JOIN campaign_actions a ON a.imei = d.imei"
                        + " WHERE a.campaign_id = '" + id + "' AND d.active")).as("active downloads").isZero();
                assertThat(count(db, "SELECT COUNT(*) FROM devices d JOIN campaign_actions a ON a.imei = d.imei"
                        + " WHERE a.campaign_id = '" + id + "' AND d.status IN ('pending', 'notified', 'downloading')"))
                        .as("devices still told to update").isZero();
                assertThat(count(db, "SELECT COUNT(*) FROM events WHERE campaign_id = '" + id + "' AND kind = 'phase'"
                        + " AND phase_idx = 0 AND state = 'running'")).as("phase 1 started once").isEqualTo(1);
                assertThat(count(db, "SELECT COUNT(*) FROM events WHERE campaign_id = '" + id + "' AND kind = 'campaign'"
                        + " AND state = 'cancelled'")).as("cancelled once").isEqualTo(1);
            }
        } finally {
            ticker.shutdownNow();
        }
    }

    private static int post(TestBackend node, String path) throws Exception {
        try (Response r = node.api("POST", path, null)) {
            String body = r.body().string();
            if (r.code() != 200) {
                // a refusal must say why in JSON; anything else fails here with the body in view
                assertThat(StrictJson.MAPPER.readTree(body).has("error")).as(path + " answered " + r.code() + ": " + body).isTrue();
            }
            return r.code();
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
