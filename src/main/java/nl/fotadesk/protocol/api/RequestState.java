package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/** Where an update request stands: submitted → in_review → approved or rejected; withdrawn before approval. */
public enum RequestState {
    SUBMITTED, IN_REVIEW, APPROVED, REJECTED, WITHDRAWN;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** True once the request is decided or withdrawn: nothing moves it any more. */
    public boolean isFinal() {
        return this == APPROVED || this == REJECTED || this == WITHDRAWN;
    }

    @JsonCreator
    public static RequestState fromWire(String wire) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown request state \"" + wire + "\""));
    }
}
