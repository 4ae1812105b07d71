package nl.fotadesk.backend.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.fotadesk.backend.http.Json;
import nl.fotadesk.protocol.SenmlPack;
import nl.fotadesk.protocol.SenmlRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Set;

/** A device's latest value per telemetry name (the records the update logic does not read), as JSON. */
final class Telemetry {
    private static final Set<String> UNDERSTOOD =
            Set.of(Ingestion.FIRMWARE, Ingestion.FOTA_STATE, Ingestion.FOTA_PROGRESS, Ingestion.FOTA_RESULT);

    private Telemetry() {
    }

    /** {@code previous} with the pack's values merged over it; {@code previous} itself when the pack has none. */
    static String merge(String previous, SenmlPack pack, String baseName) {
        ObjectNode merged = null;
        String prefix = baseName == null ? "" : baseName;
        for (SenmlRecord r : pack.records()) {
            String name = r.name().startsWith(prefix) ? r.name().substring(prefix.length()) : r.name();
            if (name.isEmpty() || UNDERSTOOD.contains(name)) {
                continue;
            }
            if (merged == null) {
                merged = parse(previous);
            }
            ObjectNode value = merged.putObject(name);
            value.put("time", Instant.ofEpochMilli(Math.round(r.time() * 1000)).toString());
            if (r.unit() != null) value.put("u", r.unit());
            if (r.value() != null) value.put("v", r.value());
            if (r.stringValue() != null) value.put("vs", r.stringValue());
            if (r.booleanValue() != null) value.put("vb", r.booleanValue());
            if (r.dataValue() != null) value.put("vd", r.dataValue());
            if (r.sum() != null) value.put("s", r.sum());
        }
        return merged == null ? previous : merged.toString();
    }

    private static ObjectNode parse(String json) {
        try {
            return json == null ? Json.MAPPER.createObjectNode() : (ObjectNode) Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
