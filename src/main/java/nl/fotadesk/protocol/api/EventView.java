package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Something that happened: {@code kind} is "campaign", "phase", "device" or "request"; {@code state} the state
 * entered ("commented" for a request's new comment); {@code detail} the cause in words. {@code id} orders
 * events and is the feed's cursor.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventView(long id, String at, String kind, String campaignId, Integer phase, String imei,
                        String state, String detail, String requestId) {
    /** The kind of an update request's event, which names the request by {@code requestId}. */
    public static final String REQUEST = "request";
    /** The state of a request's event that adds a comment (the others name the state the request entered). */
    public static final String COMMENTED = "commented";

    @JsonCreator
    public EventView {
    }

    /** An event of a campaign, a phase or a device. */
    public EventView(long id, String at, String kind, String campaignId, Integer phase, String imei, String state,
                     String detail) {
        this(id, at, kind, campaignId, phase, imei, state, detail, null);
    }
}
