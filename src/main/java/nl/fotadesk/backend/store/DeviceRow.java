package nl.fotadesk.backend.store;

import nl.fotadesk.backend.secrets.SealedText;
import nl.fotadesk.backend.secrets.SealedValueException;
import nl.fotadesk.backend.secrets.SecretBox;
import nl.fotadesk.protocol.api.DeviceStatus;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * A device with what the backend needs beside it: the version, size and hash of its desired firmware,
 * and the token, served bytes and downlink style of its current download (null when there is none).
 * Its secret and token are held as stored (sealed) and opened only by {@link #secret()} and
 * {@link #downloadToken()}.
 */
public record DeviceRow(String imei, String deviceType, String client, SealedText sealedSecret,
                        String reportedFirmware, String desiredFirmwareId, String downloadId,
                        DeviceStatus status, Integer progress, String fotaState, Integer fotaResult,
                        String telemetry, Instant lastSeen, Instant createdAt,
                        String desiredVersion, Long desiredSize, String desiredSha256,
                        SealedText sealedToken, Instant tokenExpiresAt, Long bytesServed, boolean vendorStrict) {

    /** The device's secret in clear; null when the stored one does not open (the device then cannot authenticate). */
    public String secret() {
        try {
            return sealedSecret.open();
        } catch (SealedValueException e) {
            LoggerFactory.getLogger(DeviceRow.class).error("Device {}: {}", imei, e.getMessage());
            return null;
        }
    }

    /**
     * The current download's token; null when there is none or it does not open (a new one is issued).
     * A token stored in clear is accepted: it is only sent back to the device, never trusted from here.
     */
    public String downloadToken() {
        String stored = sealedToken.stored();
        if (stored == null || !SecretBox.isSealed(stored)) {
            return stored;
        }
        try {
            return sealedToken.open();
        } catch (SealedValueException e) {
            return null;
        }
    }
}
