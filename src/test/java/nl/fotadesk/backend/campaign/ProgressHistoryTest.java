package nl.fotadesk.backend.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

import static nl.fotadesk.backend.TestBackend.pack;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/campaigns/{id}/progress}: the server samples a campaign's counts on each state change
 * and at most every few seconds otherwise, so the history is complete whoever asks, and a retry does not
 * erase the failures it retried. On H2 and on PostgreSQL.
 */
class ProgressHistoryTest extends SteppedEngine {
    ProgressHistoryTest() {
        super(Instant.parse("2026-12-01T10:00:00Z"), 4, 1024);
    }

    @Test
    void keepsTheCountsOverTimeAcrossARetry() throws Exception {
        String id = backend.apiJson("POST", "/api/v1/campaigns", "{\"name\":\"history\",\"firmwareId\":\"" + firmwareId
                + "\",\"target\":{\"deviceType\":\"tracker-x\"},\"phases\":[{\"percent\":100}],\"successThreshold\":0,"
                + "\"errorThreshold\":100,\"maxRetries\":0,\"start\":true}", 201).get("id").asText();
        assertThat(progress(id)).as("the start is a state change").hasSize(1);
        JsonNode first = progress(id).get(0);
        assertThat(first.get("state").asText()).isEqualTo("running");
        assertThat(first.get("counts").get("pending").asInt()).isEqualTo(4);

        uplink(0, "{\"n\":\"fotaResult\",\"v\":8}");
        backend.server().tick();
        assertThat(progress(id)).as("counts changed within the sampling interval").hasSize(1);
        clock.advance(ProgressHistory.EVERY);
        backend.server().tick();
        assertThat(progress(id)).hasSize(2);
        assertThat(progress(id).get(1).get("counts").get("failed").asInt()).isEqualTo(1);
        clock.advance(ProgressHistory.EVERY);
        backend.server().tick();
        assertThat(progress(id)).as("nothing changed: no sample").hasSize(2);

        for (int i = 1; i < 4; i++) {
            uplink(i, "{\"n\":\"firmware\",\"vs\":\"2.0.0\"}", "{\"n\":\"fotaResult\",\"v\":1}");
        }
        backend.server().tick();
        assertThat(progress(id)).as("completing is a state change").hasSize(3);
        backend.apiJson("POST", "/api/v1/campaigns/" + id + "/retry", null, 200);
        JsonNode points = progress(id);
        assertThat(points).hasSize(4);
        assertThat(points.get(2).get("state").asText()).isEqualTo("completed");
        assertThat(points.get(2).get("counts").get("failed").asInt()).as("the failure stays in the history").isEqualTo(1);
        assertThat(points.get(3).get("state").asText()).isEqualTo("running");
        assertThat(points.get(3).get("counts").path("failed").asInt()).isZero();
        assertThat(points.get(3).get("counts").get("pending").asInt()).isEqualTo(1);
        assertThat(Instant.parse(points.get(3).get("at").asText())).isAfter(Instant.parse(points.get(0).get("at").asText()));
    }

    @Test
    void anUnknownCampaignHasNoProgress() throws Exception {
        backend.apiJson("GET", "/api/v1/campaigns/00000000-0000-0000-0000-000000000000/progress", null, 404);
    }

    @Test
    void thinningDropsEveryOtherSampleOfTheOlderHalfAndKeepsTheFirst() {
        List<Long> seqs = LongStream.range(0, 10).boxed().toList();
        assertThat(ProgressHistory.thinned(seqs)).containsExactly(1L, 3L);
        assertThat(ProgressHistory.thinned(List.of(0L))).isEmpty();
    }

    JsonNode progress(String id) throws IOException {
        return backend.apiJson("GET", "/api/v1/campaigns/" + id + "/progress", null, 200);
    }

    void uplink(int i, String... records) throws IOException {
        backend.uplink(pack(imeis.get(i), records)).close();
    }
}
