package nl.fotadesk.backend.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.fotadesk.backend.domain.Limits;
import nl.fotadesk.backend.domain.StrictJson;
import nl.fotadesk.protocol.SenmlPack;
import nl.fotadesk.protocol.SenmlRecord;
import nl.fotadesk.protocol.UplinkRecords;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * A device's latest value per telemetry name (the records the update logic does not read), as JSON,
 * kept within {@link Limits#TELEMETRY_NAMES} names and {@link Limits#TELEMETRY_BYTES} bytes: names are
 * kept in the order they were last reported, and the least recently reported are dropped to make room.
 * A value that alone takes more than {@link Limits#TELEMETRY_ENTRY_BYTES} is not kept, but the uplink
 * is not refused for it: its firmware and update records still count (a device cannot send them apart).
 */
final class Telemetry {
    private Telemetry() {
    }

    /**
     * {@code previous} with the pack's values merged over it, within the caps; {@code previous} itself when
     * the pack has none and it is within them.
     */
    static String merge(String previous, SenmlPack pack, String baseName) {
        ObjectNode merged = null;
        String prefix = baseName == null ? "" : baseName;
        for (SenmlRecord r : pack.records()) {
            String name = r.name().startsWith(prefix) ? r.name().substring(prefix.length()) : r.name();
            if (name.isEmpty() || UplinkRecords.ALL.contains(name)) {
                continue;
            }
            if (merged == null) {
                merged = parse(previous);
            }
            ObjectNode value = StrictJson.MAPPER.createObjectNode();
            value.put("time", Instant.ofEpochMilli(Math.round(r.time() * 1000)).toString());
            if (r.unit() != null) value.put("u", r.unit());
            if (r.value() != null) value.put("v", r.value());
            if (r.stringValue() != null) value.put("vs", r.stringValue());
            if (r.booleanValue() != null) value.put("vb", r.booleanValue());
            if (r.dataValue() != null) value.put("vd", r.dataValue());
            if (r.sum() != null) value.put("s", r.sum());
            merged.remove(name); // re-added last (the most recently reported), unless it is too large to keep
            if (bytes(name) + bytes(value.toString()) <= Limits.TELEMETRY_ENTRY_BYTES) {
                merged.set(name, value);
            }
        }
        if (merged == null) {
            // a row stored before the caps existed shrinks at the device's next uplink
            return previous == null || previous.length() <= Limits.TELEMETRY_BYTES ? previous
                    : bounded(parse(previous)).toString();
        }
        return bounded(merged).toString();
    }

    /** Drops the least recently reported names until the telemetry fits its caps. */
    private static ObjectNode bounded(ObjectNode telemetry) {
        int size = bytes(telemetry.toString());
        Iterator<Map.Entry<String, JsonNode>> oldestFirst = telemetry.properties().iterator();
        int names = telemetry.size();
        while ((names > Limits.TELEMETRY_NAMES || size > Limits.TELEMETRY_BYTES) && oldestFirst.hasNext()) {
            Map.Entry<String, JsonNode> oldest = oldestFirst.next();
            // "name":value and the comma after it
            size -= bytes(quote(oldest.getKey())) + 1 + bytes(oldest.getValue().toString()) + 1;
            oldestFirst.remove();
            names--;
        }
        return telemetry;
    }

    private static String quote(String name) {
        return StrictJson.MAPPER.getNodeFactory().textNode(name).toString();
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static ObjectNode parse(String json) {
        try {
            return json == null ? StrictJson.MAPPER.createObjectNode() : (ObjectNode) StrictJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
