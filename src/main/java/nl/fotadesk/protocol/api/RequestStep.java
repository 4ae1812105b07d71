package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One change of a request's state: when, by whom ("Olga Jansen (operator)"), to what, and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestStep(String at, String actor, RequestState state, String detail) {
}
