package nl.fotadesk.backend.campaign;

import nl.fotadesk.backend.accounts.Principal;
import nl.fotadesk.protocol.EventCode;
import nl.fotadesk.protocol.EventDetail;

/** Why a campaign gave a device its update, or ended it: the detail of the device's history entry. */
final class UpdateCauses {
    private UpdateCauses() {
    }

    /** "campaign "Winter rollout", phase 1"; {@code phase} counts from 0. */
    static EventDetail givenByCampaign(String name, int phase) {
        return EventCode.GIVEN_BY_CAMPAIGN.detail("campaign \"" + name + "\", phase " + (phase + 1), name, phase + 1);
    }

    static EventDetail retriedBy(Principal actor) {
        return EventCode.RETRIED_BY.detail("retried by " + actor.described(), actor.displayName(), actor.eventRole());
    }

    /** "retry 1 of 3 after fotaResult 8". */
    static EventDetail retryAfterFailure(int attempt, int maxAttempts, int fotaResult) {
        return EventCode.RETRY_AFTER_FAILURE.detail(retry(attempt, maxAttempts) + failure(fotaResult), attempt,
                maxAttempts, fotaResult);
    }

    /** "retry 1 of 3 after no progress for 600 s". */
    static EventDetail retryAfterNoProgress(int attempt, int maxAttempts, long seconds) {
        return EventCode.RETRY_AFTER_NO_PROGRESS.detail(retry(attempt, maxAttempts) + stuck(seconds), attempt,
                maxAttempts, seconds);
    }

    static EventDetail noProgress(long seconds) {
        return EventCode.NO_PROGRESS.detail(stuck(seconds), seconds);
    }

    static EventDetail cancelledWithCampaign() {
        return EventCode.CANCELLED_WITH_CAMPAIGN.detail("campaign cancelled");
    }

    static EventDetail givenAnotherUpdate() {
        return EventCode.GIVEN_ANOTHER_UPDATE.detail("the device was given another update");
    }

    private static String retry(int attempt, int maxAttempts) {
        return "retry " + attempt + " of " + maxAttempts + " after ";
    }

    private static String failure(int fotaResult) {
        return "fotaResult " + fotaResult;
    }

    private static String stuck(long seconds) {
        return "no progress for " + seconds + " s";
    }
}
