package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a user may do. Operators do everything, including managing users; suppliers work on the devices
 * of their device types across clients; customers on the devices of their one client; viewers only
 * read, in a scope if they have one.
 */
public enum Role {
    OPERATOR, SUPPLIER, CUSTOMER, VIEWER;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** False for roles that only read. */
    public boolean mayChange() {
        return this != VIEWER;
    }

    @JsonCreator
    public static Role fromWire(String wire) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role \"" + wire + "\""));
    }
}
