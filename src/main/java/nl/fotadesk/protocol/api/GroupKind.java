package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/** What a group is: a saved filter that follows the fleet, or a static list of IMEIs. A group keeps its kind. */
public enum GroupKind {
    FILTER, STATIC;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The kind in JSON and in the database: "filter" or "static". */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static GroupKind fromWire(String wire) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown group kind \"" + wire + "\""));
    }
}
