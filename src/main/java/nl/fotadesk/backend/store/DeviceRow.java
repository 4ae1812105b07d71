package nl.fotadesk.backend.store;

import nl.fotadesk.protocol.api.DeviceStatus;

import java.time.Instant;

/**
 * A device with what the backend needs beside it: the version, size and hash of its desired firmware,
 * and the token, served bytes and downlink style of its current download (null when there is none).
 */
public record DeviceRow(String imei, String deviceType, String client, String secret,
                        String reportedFirmware, String desiredFirmwareId, String downloadId,
                        DeviceStatus status, Integer progress, String fotaState, Integer fotaResult,
                        String telemetry, Instant lastSeen, Instant createdAt,
                        String desiredVersion, Long desiredSize, String desiredSha256,
                        String downloadToken, Instant tokenExpiresAt, Long bytesServed, boolean vendorStrict) {
}
