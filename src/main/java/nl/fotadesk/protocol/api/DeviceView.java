package nl.fotadesk.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * A device as the management API shows it: reported and desired firmware side by side.
 * {@code bytesServed} is what the file server sent for the current update, retries included.
 * {@code secret} is present only in the answer that generated it. Times are ISO-8601 UTC.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceView(String imei, String deviceType, String client,
                         String reportedFirmware, String desiredFirmware, String desiredFirmwareId,
                         DeviceStatus status, Integer progress, Long bytesServed, Integer fotaResult,
                         String lastSeen, Map<String, Object> telemetry, String secret) {

    public DeviceView withSecret(String generatedSecret) {
        return new DeviceView(imei, deviceType, client, reportedFirmware, desiredFirmware, desiredFirmwareId,
                status, progress, bytesServed, fotaResult, lastSeen, telemetry, generatedSecret);
    }
}
