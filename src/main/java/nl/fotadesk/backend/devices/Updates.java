package nl.fotadesk.backend.devices;

import nl.fotadesk.backend.events.EventLog;
import nl.fotadesk.backend.files.Downloads;
import nl.fotadesk.backend.store.DeviceRow;
import nl.fotadesk.backend.store.DeviceStore;
import nl.fotadesk.backend.store.DownloadStore;
import nl.fotadesk.backend.store.FirmwareRow;
import nl.fotadesk.protocol.EventDetail;
import nl.fotadesk.protocol.api.DeviceStatus;

import java.time.Clock;
import java.util.UUID;

/**
 * Starting and stopping one device's update: the download its next uplink points it at, its status,
 * and the event that says why. Used for single devices and by campaigns; callers hold a transaction.
 */
public final class Updates {
    private final DeviceStore devices;
    private final DownloadStore downloadStore;
    private final Downloads downloads;
    private final EventLog events;
    private final Clock clock;

    public Updates(DeviceStore devices, DownloadStore downloadStore, Downloads downloads, EventLog events, Clock clock) {
        this.devices = devices;
        this.downloadStore = downloadStore;
        this.downloads = downloads;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Sets {@code image} as the device's desired firmware. Unless it already runs that version, this
     * gives it a new download (its previous one answers 410 from then on).
     *
     * @return the new download id, or null when the device is in sync already
     */
    public String start(DeviceRow device, FirmwareRow image, boolean vendorStrict, String campaignId, Integer phase,
                        EventDetail cause) {
        if (device.download().id() != null) {
            downloads.deactivate(device.download().id());
        }
        if (image.version().equals(device.reported().firmware())) {
            devices.setDesired(device.imei(), image.id(), null, DeviceStatus.IN_SYNC);
            events.append(EventLog.DEVICE, campaignId, phase, device.imei(), DeviceStatus.IN_SYNC.wireName(),
                    cause.runningAlready(image.version()));
            return null;
        }
        String downloadId = UUID.randomUUID().toString();
        downloadStore.insert(downloadId, device.imei(), image.id(), vendorStrict, clock.instant());
        devices.setDesired(device.imei(), image.id(), downloadId, DeviceStatus.PENDING);
        events.append(EventLog.DEVICE, campaignId, phase, device.imei(), DeviceStatus.PENDING.wireName(), cause);
        return downloadId;
    }

    /** Ends the device's update with {@code status} (timed out, cancelled): its download answers 410. */
    public void stop(DeviceRow device, DeviceStatus status, String campaignId, Integer phase, EventDetail cause) {
        if (device.download().id() != null) {
            downloads.deactivate(device.download().id());
        }
        devices.setStatus(device.imei(), status);
        events.append(EventLog.DEVICE, campaignId, phase, device.imei(), status.wireName(), cause);
    }
}
