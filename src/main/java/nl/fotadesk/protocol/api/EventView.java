package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something that happened: {@code kind} is "campaign", "phase", "device" or "request"; {@code state} the state
 * entered ("commented" for a request's new comment); {@code detail} the cause in English words, for scripts;
 * {@code code} with {@code args} the same for the app to word ({@code nl.fotadesk.protocol.EventCode}; absent
 * on events written before codes were). {@code id} orders events and is the feed's cursor.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventView(long id, String at, String kind, String campaignId, Integer phase, String imei,
                        String state, String detail, String requestId, String code, Map<String, Object> args) {
    /** The kind of an update request's event, which names the request by {@code requestId}. */
    public static final String REQUEST = "request";
    /** The state of a request's event that adds a comment (the others name the state the request entered). */
    public static final String COMMENTED = "commented";

    @JsonCreator
    public EventView {
        args = args == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    /** An event without a code, as written before codes were. */
    public EventView(long id, String at, String kind, String campaignId, Integer phase, String imei, String state,
                     String detail, String requestId) {
        this(id, at, kind, campaignId, phase, imei, state, detail, requestId, null, null);
    }

    /** An event of a campaign, a phase or a device, without a code. */
    public EventView(long id, String at, String kind, String campaignId, Integer phase, String imei, String state,
                     String detail) {
        this(id, at, kind, campaignId, phase, imei, state, detail, null);
    }

    /** The same event without what it says: for a user who may not see the counts in it. */
    public EventView withoutDetail() {
        return new EventView(id, at, kind, campaignId, phase, imei, state, null, requestId, null, null);
    }
}
