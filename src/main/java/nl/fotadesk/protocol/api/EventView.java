package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Something that happened: {@code kind} is "campaign", "phase" or "device"; {@code state} the state
 * entered; {@code detail} the cause in words. {@code id} orders events and is the feed's cursor.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventView(long id, String at, String kind, String campaignId, Integer phase, String imei,
                        String state, String detail) {
}
