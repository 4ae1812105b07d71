package nl.fotadesk.backend.requests;

import nl.fotadesk.protocol.EventDetail;
import nl.fotadesk.protocol.api.RequestStep;

import java.util.List;

/**
 * What the server notes in a request's history: a code with arguments ({@link RequestStep}), which the app puts
 * in the user's language, and the same in English for scripts; {@link #event} is what the request's event in
 * the feed says, by the one mapping of step codes to event codes ({@link RequestStep#noted}).
 */
record RequestNote(String code, List<String> args, String english) {
    /** Words a user wrote (a rejection's reason), shown as written, so without a code; none for null. */
    static RequestNote written(String words) {
        return new RequestNote(null, null, words);
    }

    /** "38 devices". */
    static RequestNote devices(int count) {
        return new RequestNote(RequestStep.DEVICES, List.of(String.valueOf(count)), count + " devices");
    }

    /** "campaign "Request 1a2b3c4d: tracker-x 2.0" for 38 devices". */
    static RequestNote campaign(String name, int devices) {
        return new RequestNote(RequestStep.CAMPAIGN, List.of(name, String.valueOf(devices)),
                "campaign \"" + name + "\" for " + devices + " devices");
    }

    EventDetail event() {
        return RequestStep.noted(code, args, english).orElseThrow();
    }
}
