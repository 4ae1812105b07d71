package nl.fotadesk.protocol.api;

/**
 * An uploaded firmware image. {@code uploadedAt} is ISO-8601 UTC; hashes are lowercase hex.
 * {@code devices} want it as their desired firmware; {@code campaigns} roll it out. An image that
 * neither uses can be deleted.
 */
public record FirmwareView(String id, String deviceType, String version, long size,
                           String sha256, String crc32, String uploadedAt, long devices, long campaigns) {
}
