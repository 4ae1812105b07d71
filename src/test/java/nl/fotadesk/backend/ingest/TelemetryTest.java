package nl.fotadesk.backend.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.fotadesk.backend.domain.Limits;
import nl.fotadesk.backend.domain.StrictJson;
import nl.fotadesk.protocol.SenmlPack;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A device's telemetry stays within its caps, dropping the least recently reported names. */
class TelemetryTest {
    private static final String BN = "urn:dev:IMEI:490154203237518:";

    @Test
    void aRowStoredBeforeTheCapsShrinksAtTheNextUplink() throws Exception {
        ObjectNode old = StrictJson.MAPPER.createObjectNode();
        for (int i = 0; i < 5000; i++) {
            old.putObject("n" + i).put("time", "2026-01-01T00:00:00Z").put("vs", "x".repeat(100));
        }
        String merged = Telemetry.merge(old.toString(), pack("{\"n\":\"firmware\",\"vs\":\"1.0.0\"}"), BN);
        JsonNode kept = StrictJson.MAPPER.readTree(merged);
        assertThat(merged.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(Limits.TELEMETRY_BYTES);
        assertThat(kept.size()).isLessThanOrEqualTo(Limits.TELEMETRY_NAMES).isPositive();
        assertThat(kept.has("n4999")).as("the newest are kept").isTrue();
        assertThat(kept.has("n0")).isFalse();
    }

    @Test
    void bytesBindBeforeNamesWhenValuesAreLarge() throws Exception {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            records.add("{\"n\":\"big" + i + "\",\"vs\":\"" + "y".repeat(1500) + "\"}");
        }
        String merged = Telemetry.merge(null, pack(records.toArray(String[]::new)), BN);
        assertThat(merged.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(Limits.TELEMETRY_BYTES)
                .isGreaterThan(Limits.TELEMETRY_BYTES - 2 * Limits.TELEMETRY_ENTRY_BYTES);
        assertThat(StrictJson.MAPPER.readTree(merged).has("big39")).isTrue();
    }

    @Test
    void aValueTooLargeToKeepIsLeftOutAndTheStaleOneGoesToo() throws Exception {
        String before = Telemetry.merge(null, pack("{\"n\":\"blob\",\"vs\":\"small\"}", "{\"n\":\"t\",\"v\":1}"), BN);
        String after = Telemetry.merge(before, pack("{\"n\":\"blob\",\"vd\":\"" + "A".repeat(3000) + "\"}",
                "{\"n\":\"t\",\"v\":2}"), BN);
        assertThat(StrictJson.MAPPER.readTree(after).has("blob")).as("neither the large value nor the stale one").isFalse();
        assertThat(StrictJson.MAPPER.readTree(after).get("t").get("v").asInt()).isEqualTo(2);
    }

    private static SenmlPack pack(String... records) {
        return SenmlPack.parse(("[{\"bn\":\"" + BN + "\"}," + String.join(",", records) + "]")
                .getBytes(StandardCharsets.UTF_8), 1_764_201_600);
    }
}
