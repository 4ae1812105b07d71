package nl.fotadesk.backend.campaign;

import nl.fotadesk.backend.accounts.Principal;
import nl.fotadesk.backend.campaign.RolloutRules.PhaseCounts;
import nl.fotadesk.backend.store.StateReason;
import nl.fotadesk.protocol.EventCode;
import nl.fotadesk.protocol.EventDetail;
import nl.fotadesk.protocol.api.ActionState;
import nl.fotadesk.protocol.api.CampaignState;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Why a campaign is in its state ({@code stateReason}). A reason that names its actor or its start time
 * says nothing of anyone's devices; the engine's others count the whole campaign's devices ("phase 1:
 * 3 of 40 devices failed"), so a user who sees only part of a campaign gets one of their own devices.
 * Each is an event's detail too, with its code and arguments; the app words older reasons, which have no
 * code, by their English ({@code ui.campaigns.StateReasons}).
 */
final class CampaignReasons {
    private static final String PAUSED_BY = "paused by ";
    private static final String RESUMED_BY = "resumed by ";
    private static final String CANCELLED_BY = "cancelled by ";
    private static final String STARTS_AT = "starts at ";
    private static final String WINDOW_ENDED = "the window ended at ";
    private static final List<String> WITHOUT_NUMBERS = List.of(PAUSED_BY, RESUMED_BY, CANCELLED_BY, STARTS_AT,
            WINDOW_ENDED);

    private CampaignReasons() {
    }

    /** "paused by Olga Jansen (operator)". */
    static EventDetail pausedBy(Principal actor) {
        return byActor(EventCode.PAUSED_BY, PAUSED_BY, actor);
    }

    static EventDetail resumedBy(Principal actor) {
        return byActor(EventCode.RESUMED_BY, RESUMED_BY, actor);
    }

    static EventDetail cancelledBy(Principal actor) {
        return byActor(EventCode.CANCELLED_BY, CANCELLED_BY, actor);
    }

    static EventDetail startsAt(Instant at) {
        return EventCode.STARTS_AT.detail(STARTS_AT + at, at.toString());
    }

    /** "the window ended at 2026-12-04T06:00:00Z": no phase starts and no device is given a download any more. */
    static EventDetail windowEnded(Instant at) {
        return EventCode.WINDOW_ENDED.detail(WINDOW_ENDED + at, at.toString());
    }

    /** Running, as started: nothing more to say. */
    static EventDetail started() {
        return EventCode.CAMPAIGN_STARTED.detail(null);
    }

    static EventDetail retrying(int failed) {
        return EventCode.RETRYING_FAILED.detail("retrying " + failed + " failed devices", failed);
    }

    /** "phase 1: 3 of 40 devices failed, above the error threshold of 5 %"; {@code phase} counts from 0. */
    static EventDetail errorThreshold(int phase, PhaseCounts n, int threshold) {
        return EventCode.ERROR_THRESHOLD_REACHED.detail("phase " + (phase + 1) + ": " + n.failed() + " of " + n.total()
                + " devices failed, above the error threshold of " + threshold + " %", phase + 1, n.failed(), n.total(),
                threshold);
    }

    /** "phase 1 ended with 30 of 40 devices updated, below the success threshold of 90 %". */
    static EventDetail successThreshold(int phase, PhaseCounts n, int threshold) {
        return EventCode.SUCCESS_THRESHOLD_MISSED.detail("phase " + (phase + 1) + " ended with " + n.succeeded()
                + " of " + n.total() + " devices updated, below the success threshold of " + threshold + " %",
                phase + 1, n.succeeded(), n.total(), threshold);
    }

    /** "38 devices updated, 2 failed". */
    static EventDetail completed(PhaseCounts n) {
        return EventCode.CAMPAIGN_COMPLETED.detail(n.succeeded() + " devices updated, " + n.failed() + " failed",
                n.succeeded(), n.failed());
    }

    private static EventDetail byActor(EventCode code, String words, Principal actor) {
        return code.detail(words + actor.described(), actor.displayName(), actor.eventRole());
    }

    /**
     * {@code reason} as shown to a user who sees only part of the campaign: {@code part} counts their
     * devices, {@code phase} is the current phase (from 0). A threshold counts every device of its phase,
     * so a pause names the phase only; retrying counts every failed device, so a running campaign gives none.
     */
    static StateReason forPart(CampaignState state, StateReason reason, Map<ActionState, Integer> part, int phase) {
        if (reason == null || reason.english() == null || WITHOUT_NUMBERS.stream().anyMatch(reason.english()::startsWith)) {
            return reason;
        }
        return switch (state) {
            case PAUSED -> StateReason.of(EventCode.THRESHOLD_OF_ALL.detail("phase " + (phase + 1)
                    + " paused the campaign at its thresholds, which count all of its devices", phase + 1));
            case COMPLETED -> StateReason.of(completed(PhaseCounts.of(0, part)));
            default -> null;
        };
    }
}
