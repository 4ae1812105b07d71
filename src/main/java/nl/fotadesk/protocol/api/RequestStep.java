package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import nl.fotadesk.protocol.EventCode;
import nl.fotadesk.protocol.EventDetail;

import java.util.List;
import java.util.Optional;

/**
 * One change of a request's state: when, by whom ("Olga Jansen (operator)"), to what, and why. {@code detail}
 * says why in English (for scripts; a rejection's reason as the operator wrote it); where the server wrote it,
 * {@code code} with {@code args} says the same for the app to put in the user's language:
 * {@value #DEVICES} [count], {@value #CAMPAIGN} [campaign name, device count]. What a step notes is what the
 * request's event says ({@link #noted}): the one mapping of these codes to {@link EventCode}s.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestStep(String at, String actor, RequestState state, String detail, String code, List<String> args) {
    /** Filed for this many devices. */
    public static final String DEVICES = "devices";
    /** Approved into this campaign of this many devices. */
    public static final String CAMPAIGN = "campaign";

    @JsonCreator
    public RequestStep {
        args = args == null ? null : List.copyOf(args);
    }

    /** A step whose detail, if any, has no code: the words of the user who gave it. */
    public RequestStep(String at, String actor, RequestState state, String detail) {
        this(at, actor, state, detail, null, null);
    }

    /** What this step notes, as its request's event says it; empty for a code (or its arguments) this version does not know. */
    public Optional<EventDetail> noted() {
        return noted(code, args, detail);
    }

    /**
     * What a step with {@code code}, {@code args} and English {@code detail} notes, as its request's event says it:
     * {@value #DEVICES} as {@link EventCode#REQUEST_DEVICES}, {@value #CAMPAIGN} as {@link EventCode#REQUEST_CAMPAIGN},
     * a detail without a code (a user's words) as {@link EventCode#REQUEST_REASON}, and nothing as
     * {@link EventCode#REQUEST_CHANGED}; empty for a code (or arguments) this version does not know.
     */
    public static Optional<EventDetail> noted(String code, List<String> args, String detail) {
        List<String> given = args == null ? List.of() : args;
        try {
            if (code == null) {
                return Optional.of(detail == null ? EventCode.REQUEST_CHANGED.detail(null)
                        : EventCode.REQUEST_REASON.detail(detail, detail));
            }
            if (DEVICES.equals(code) && given.size() == 1) {
                return Optional.of(EventCode.REQUEST_DEVICES.detail(detail, Long.parseLong(given.get(0))));
            }
            if (CAMPAIGN.equals(code) && given.size() == 2) {
                return Optional.of(EventCode.REQUEST_CAMPAIGN.detail(detail, given.get(0), Long.parseLong(given.get(1))));
            }
        } catch (NumberFormatException e) {
            // not as this version knows the code
        }
        return Optional.empty();
    }
}
