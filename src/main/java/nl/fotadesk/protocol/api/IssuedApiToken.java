package nl.fotadesk.protocol.api;

/** A new personal API token: {@code token} is shown in this answer only. */
public record IssuedApiToken(String id, String token) {
}
