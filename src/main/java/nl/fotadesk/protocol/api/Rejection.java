package nl.fotadesk.protocol.api;

/** Why an operator rejects a request; the requester reads it. */
public record Rejection(String reason) {
}
