package nl.fotadesk.backend.requests;

import nl.fotadesk.protocol.EventCode;
import nl.fotadesk.protocol.EventDetail;
import nl.fotadesk.protocol.api.RequestStep;

import java.util.List;

/**
 * What the server notes in a request's history, in one place: a code with arguments, which the app puts in
 * the user's language ({@code ui.requests.RequestTexts}), and the same in English for scripts; {@code event}
 * is what the request's event in the feed says.
 */
record RequestNote(String code, List<String> args, String english, EventDetail event) {
    /** Words a user wrote (a rejection's reason): shown as written, so without a code. */
    static RequestNote written(String words) {
        return new RequestNote(null, null, words, EventCode.REQUEST_REASON.detail(words, words));
    }

    /** "38 devices". */
    static RequestNote devices(int count) {
        String english = count + " devices";
        return new RequestNote(RequestStep.DEVICES, List.of(String.valueOf(count)), english,
                EventCode.REQUEST_DEVICES.detail(english, count));
    }

    /** "campaign "Request 1a2b3c4d: tracker-x 2.0" for 38 devices". */
    static RequestNote campaign(String name, int devices) {
        String english = "campaign \"" + name + "\" for " + devices + " devices";
        return new RequestNote(RequestStep.CAMPAIGN, List.of(name, String.valueOf(devices)), english,
                EventCode.REQUEST_CAMPAIGN.detail(english, name, devices));
    }
}
