package nl.fotadesk.backend.store;

import nl.fotadesk.protocol.EventDetail;

import java.util.Map;

/**
 * Why a campaign is in its state: in English, and as the code with arguments of the event that put it there
 * (null code and arguments for a reason given before events had codes).
 */
public record StateReason(String english, String code, Map<String, Object> args) {
    public static StateReason of(EventDetail detail) {
        return new StateReason(detail.english(), detail.code().wireName(), detail.args());
    }
}
