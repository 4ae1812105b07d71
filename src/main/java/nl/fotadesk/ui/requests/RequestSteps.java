package nl.fotadesk.ui.requests;

import nl.fotadesk.protocol.api.RequestStep;
import nl.fotadesk.ui.I18n;

import java.util.List;

/**
 * A request's history entry in the user's language: what the server noted is given as a code with arguments
 * ({@link RequestStep}) and worded here from {@code requests.history.<code>}; a detail without a code (the
 * reason an operator wrote, or a code this version does not know) is shown as written.
 */
final class RequestSteps {
    private RequestSteps() {
    }

    /** The step's detail in the user's language; empty for none. */
    static String detail(I18n i18n, RequestStep step) {
        List<String> args = step.args() == null ? List.of() : step.args();
        try {
            if (RequestStep.DEVICES.equals(step.code()) && args.size() == 1) {
                return i18n.get("requests.history.devices", Long.parseLong(args.get(0)));
            }
            if (RequestStep.CAMPAIGN.equals(step.code()) && args.size() == 2) {
                return i18n.get("requests.history.campaign", args.get(0), Long.parseLong(args.get(1)));
            }
        } catch (NumberFormatException e) {
            // not as this version knows the code: the server's words below
        }
        return step.detail() == null ? "" : step.detail();
    }
}
