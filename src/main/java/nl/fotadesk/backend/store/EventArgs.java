package nl.fotadesk.backend.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import nl.fotadesk.backend.domain.StrictJson;

import java.util.Map;

/** An event's arguments as the database holds them: a JSON object of strings and numbers. */
public final class EventArgs {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private EventArgs() {
    }

    public static String json(Map<String, Object> args) {
        try {
            return args == null ? null : StrictJson.MAPPER.writeValueAsString(args);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event arguments are strings and numbers", e);
        }
    }

    /** The arguments as written; null for none (written before events had codes). */
    public static Map<String, Object> of(String json) {
        if (json == null) {
            return null;
        }
        try {
            return StrictJson.MAPPER.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event arguments are not the JSON they were written as", e);
        }
    }
}
