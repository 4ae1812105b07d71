package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/** draft → (scheduled →) running ⇄ paused → completed, or cancelled from any state before completed. */
public enum CampaignState {
    DRAFT, SCHEDULED, RUNNING, PAUSED, COMPLETED, CANCELLED;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Its devices count as taken: another campaign may not target them. */
    public boolean holdsDevices() {
        return this == SCHEDULED || this == RUNNING || this == PAUSED;
    }

    @JsonCreator
    public static CampaignState fromWire(String wire) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown campaign state \"" + wire + "\""));
    }
}
