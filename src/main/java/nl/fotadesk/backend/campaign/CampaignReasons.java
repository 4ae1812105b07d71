package nl.fotadesk.backend.campaign;

import nl.fotadesk.backend.accounts.Principal;
import nl.fotadesk.backend.campaign.RolloutRules.PhaseCounts;
import nl.fotadesk.protocol.api.ActionState;
import nl.fotadesk.protocol.api.CampaignState;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Why a campaign is in its state ({@code stateReason}). A reason that names its actor or its start time
 * says nothing of anyone's devices; the engine's others count the whole campaign's devices ("phase 1:
 * 3 of 40 devices failed"), so a user who sees only part of a campaign gets one of their own devices.
 * The app translates each of them ({@code ui.campaigns.StateReasons}).
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
    static String pausedBy(Principal actor) {
        return PAUSED_BY + actor.described();
    }

    static String resumedBy(Principal actor) {
        return RESUMED_BY + actor.described();
    }

    static String cancelledBy(Principal actor) {
        return CANCELLED_BY + actor.described();
    }

    static String startsAt(Instant at) {
        return STARTS_AT + at;
    }

    /** "the window ended at 2026-12-04T06:00:00Z": no phase starts and no device is given a download any more. */
    static String windowEnded(Instant at) {
        return WINDOW_ENDED + at;
    }

    /** "38 devices updated, 2 failed". */
    static String completed(PhaseCounts n) {
        return n.succeeded() + " devices updated, " + n.failed() + " failed";
    }

    /**
     * {@code reason} as shown to a user who sees only part of the campaign: {@code part} counts their
     * devices, {@code phase} is the current phase (from 0). A threshold counts every device of its phase,
     * so a pause names the phase only; retrying counts every failed device, so a running campaign gives none.
     */
    static String forPart(CampaignState state, String reason, Map<ActionState, Integer> part, int phase) {
        if (reason == null || WITHOUT_NUMBERS.stream().anyMatch(reason::startsWith)) {
            return reason;
        }
        return switch (state) {
            case PAUSED -> "phase " + (phase + 1) + " paused the campaign at its thresholds, which count all of its devices";
            case COMPLETED -> completed(PhaseCounts.of(0, part));
            default -> null;
        };
    }
}
