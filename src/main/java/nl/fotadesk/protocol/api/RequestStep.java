package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One change of a request's state: when, by whom ("Olga Jansen (operator)"), to what, and why. {@code detail}
 * says why in English (for scripts; a rejection's reason as the operator wrote it); where the server wrote it,
 * {@code code} with {@code args} says the same for the app to put in the user's language:
 * {@value #DEVICES} [count], {@value #CAMPAIGN} [campaign name, device count].
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
}
