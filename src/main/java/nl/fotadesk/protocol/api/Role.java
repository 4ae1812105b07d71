package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a user may do. Operators do everything, including managing users; suppliers work on the devices
 * of their device types across clients; customers on the devices of their one client; viewers only
 * read, in a scope if they have one; requesters (customers without access to the FOTA tooling) read their one
 * client's devices and file update requests that an operator reviews and runs.
 */
public enum Role {
    OPERATOR, SUPPLIER, CUSTOMER, VIEWER, REQUESTER;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** False for roles that only read devices, firmware and campaigns (requesters only file requests). */
    public boolean mayChange() {
        return this != VIEWER && this != REQUESTER;
    }

    /** Whether users of this role may file update requests: all but viewers. */
    public boolean mayRequest() {
        return this != VIEWER;
    }

    /** Whether a user of this role may be scoped to one client (customers and requesters must be). */
    public boolean takesClient() {
        return this == CUSTOMER || this == REQUESTER || this == VIEWER;
    }

    /** Whether a user of this role may be scoped to device types (suppliers must be). */
    public boolean takesDeviceTypes() {
        return this == SUPPLIER || this == VIEWER;
    }

    @JsonCreator
    public static Role fromWire(String wire) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role \"" + wire + "\""));
    }
}
