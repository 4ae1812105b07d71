package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/** Where a campaign phase is: waiting for its turn, running, or done. */
public enum PhaseState {
    WAITING, RUNNING, DONE;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** As stored in {@code campaign_phases.state} and shown in the API's {@code PhaseView.state}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static PhaseState fromWire(String wire) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown phase state \"" + wire + "\""));
    }
}
