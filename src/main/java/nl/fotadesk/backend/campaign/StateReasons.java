package nl.fotadesk.backend.campaign;

import nl.fotadesk.backend.accounts.Principal;
import nl.fotadesk.protocol.api.CampaignState;

import java.time.Instant;
import java.util.List;

/**
 * Why a campaign is in its state ({@code stateReason}). A reason that names its actor or its start time
 * says nothing of anyone's devices; the engine's others count the whole campaign's devices ("phase 1:
 * 3 of 40 devices failed"), so a user who sees only part of a campaign gets one without numbers instead.
 */
final class StateReasons {
    private static final String PAUSED_BY = "paused by ";
    private static final String RESUMED_BY = "resumed by ";
    private static final String CANCELLED_BY = "cancelled by ";
    private static final String STARTS_AT = "starts at ";
    private static final List<String> WITHOUT_NUMBERS = List.of(PAUSED_BY, RESUMED_BY, CANCELLED_BY, STARTS_AT);

    private StateReasons() {
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

    /** {@code reason} as shown to a user who sees only part of the campaign. */
    static String forPart(CampaignState state, String reason) {
        if (reason == null || WITHOUT_NUMBERS.stream().anyMatch(reason::startsWith)) {
            return reason;
        }
        return switch (state) {
            case PAUSED -> "paused by a phase's error or success threshold, counted over all the campaign's devices";
            case RUNNING -> "retrying failed devices";
            case COMPLETED -> "completed";
            default -> null;
        };
    }
}
