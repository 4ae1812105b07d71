package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a phase ends, cumulatively: {@code percent} of the targeted devices, or {@code count} devices
 * in all phases so far. Phases 5 %, 25 %, 100 % update 5 %, then 20 % more, then the rest.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PhaseSpec(Integer percent, Integer count) {
    public static PhaseSpec percent(int p) {
        return new PhaseSpec(p, null);
    }
}
