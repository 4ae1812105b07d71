package nl.fotadesk.protocol.api;

/** Body of {@code PUT /api/v1/devices/{imei}/desired}. */
public record DesiredFirmware(String firmwareId) {
}
