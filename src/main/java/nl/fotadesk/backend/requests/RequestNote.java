package nl.fotadesk.backend.requests;

import nl.fotadesk.protocol.api.RequestStep;

import java.util.List;

/**
 * What the server notes in a request's history, in one place: a code with arguments, which the app puts in
 * the user's language ({@code ui.requests.RequestTexts}), and the same in English for scripts.
 */
record RequestNote(String code, List<String> args, String english) {
    /** Words a user wrote (a rejection's reason): shown as written, so without a code. */
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
}
