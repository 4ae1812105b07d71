package nl.fotadesk.protocol.api;

/** What the server accepts, for forms to say before anything is sent: the largest firmware image, in bytes. */
public record ServerLimits(long maxFirmwareBytes) {
}
