package nl.fotadesk.backend.store;

import nl.fotadesk.backend.secrets.SealedText;
import nl.fotadesk.backend.secrets.SealedValueException;
import nl.fotadesk.backend.secrets.SecretBox;
import nl.fotadesk.protocol.api.DeviceStatus;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * A device as stored, with what the backend needs beside it: what the device last {@link Reported},
 * its {@link Desired} firmware and its current {@link Download} (their fields null when there is none). Its
 * secret and its download's token are held as stored (sealed) and opened only by {@link #secret()} and
 * {@link Download#token()}.
 */
public record DeviceRow(String imei, String deviceType, String client, SealedText sealedSecret, DeviceStatus status,
                        Integer progress, Reported reported, Desired desired, Download download, Instant createdAt) {

    /**
     * What the device said in its uplinks: firmware version, LwM2M state and result, telemetry, when, and
     * how often it checks in (a moving average of the time between routine uplinks; null until known).
     */
    public record Reported(String firmware, String fotaState, Integer fotaResult, String telemetry, Instant lastSeen,
                           Duration checkinInterval) {
    }

    /** The firmware the device should run: the image's id, version, size and SHA-256. */
    public record Desired(String firmwareId, String version, Long size, String sha256) {
    }

    /**
     * The device's current download: its id, token (sealed) and the token's expiry, the bytes served for
     * it, and whether its downlink is vendor-strict.
     */
    public record Download(String id, SealedText sealedToken, Instant tokenExpiresAt, Long bytesServed,
                           boolean vendorStrict) {

        /**
         * The token; null when there is none or it does not open (a new one is issued). A token stored
         * in clear is accepted: it is only sent back to the device, never trusted from here.
         */
        public String token() {
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

    /** The device's secret in clear; null when the stored one does not open (the device then cannot authenticate). */
    public String secret() {
        try {
            return sealedSecret.open();
        } catch (SealedValueException e) {
            LoggerFactory.getLogger(DeviceRow.class).error("Device {}: {}", imei, e.getMessage());
            return null;
        }
    }
}
