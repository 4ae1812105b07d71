package nl.fotadesk.protocol.api;

/** Every failed API (and device-facing) request answers this: a stable code and a readable detail. */
public record ApiError(String error, String detail) {
}
