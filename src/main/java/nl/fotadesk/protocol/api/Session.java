package nl.fotadesk.protocol.api;

import java.time.Instant;

/** A signed-in session: the bearer token to send, when it ends if unused, and who it is for. */
public record Session(String token, Instant expiresAt, UserView user) {
}
