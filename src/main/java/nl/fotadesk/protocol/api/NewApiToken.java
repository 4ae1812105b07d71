package nl.fotadesk.protocol.api;

/** {@code POST /api/v1/tokens}: a name to recognise it by, and an optional end (ISO-8601). */
public record NewApiToken(String name, String expiresAt) {
}
