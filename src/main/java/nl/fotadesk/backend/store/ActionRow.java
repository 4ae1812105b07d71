package nl.fotadesk.backend.store;

import nl.fotadesk.protocol.api.ActionState;
import nl.fotadesk.protocol.api.DeviceStatus;

import java.time.Instant;

/**
 * One device's update in a campaign, with the device's own state beside it (status, progress,
 * result, current download and the bytes served for it) so the engine can reconcile the two.
 */
public record ActionRow(String campaignId, String imei, int phase, int position, ActionState state, int attempts,
                        String downloadId, Integer resultCode, Integer progress, Long bytesServed,
                        Instant lastProgressAt, Instant updatedAt,
                        DeviceStatus deviceStatus, String deviceDownloadId, Integer deviceProgress,
                        Integer deviceResult, Long deviceBytesServed) {
}
