package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/** Where a device stands with its firmware update (docs/protocol.md §5: pending → notified → … → succeeded). */
public enum DeviceStatus {
    IN_SYNC, PENDING, NOTIFIED, DOWNLOADING, DOWNLOADED, UPDATING, SUCCEEDED, FAILED, TIMED_OUT, CANCELLED;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** True while the device still has to download or install its desired firmware. */
    public boolean isActive() {
        return this == PENDING || this == NOTIFIED || this == DOWNLOADING || this == DOWNLOADED || this == UPDATING;
    }

    @JsonCreator
    public static DeviceStatus fromWire(String wire) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown status \"" + wire + "\""));
    }
}
