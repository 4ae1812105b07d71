package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/** A device's update within a campaign: waiting for its phase, then the device's own update states. */
public enum ActionState {
    WAITING, PENDING, NOTIFIED, DOWNLOADING, DOWNLOADED, UPDATING, SUCCEEDED, FAILED, TIMED_OUT, CANCELLED;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == TIMED_OUT || this == CANCELLED;
    }

    /** The device is working on it: notified or further, not yet done. */
    public boolean isInFlight() {
        return !isTerminal() && this != WAITING;
    }

    public boolean isFailure() {
        return this == FAILED || this == TIMED_OUT;
    }

    /** The action state that mirrors a device's update status. */
    public static ActionState of(DeviceStatus status) {
        return valueOf(status.name());
    }

    @JsonCreator
    public static ActionState fromWire(String wire) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown device state \"" + wire + "\""));
    }
}
