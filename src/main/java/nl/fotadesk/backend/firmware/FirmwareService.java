package nl.fotadesk.backend.firmware;

import nl.fotadesk.backend.devices.Names;
import nl.fotadesk.backend.files.ImageStore;
import nl.fotadesk.backend.http.HttpError;
import nl.fotadesk.backend.store.CampaignStore;
import nl.fotadesk.backend.store.CatalogStore;
import nl.fotadesk.backend.store.FirmwareRow;
import nl.fotadesk.backend.store.Jdbc;
import nl.fotadesk.backend.store.FirmwareStore;
import nl.fotadesk.backend.store.StoreException;
import nl.fotadesk.protocol.api.FirmwareView;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Firmware images: streamed to the content-addressed store, described in the database. */
public final class FirmwareService {
    private final Jdbc jdbc;
    private final FirmwareStore store;
    private final CampaignStore campaigns;
    private final CatalogStore catalog;
    private final ImageStore images;
    private final long maxSize;
    private final Clock clock;

    public FirmwareService(Jdbc jdbc, FirmwareStore store, CampaignStore campaigns, CatalogStore catalog,
                           ImageStore images, long maxSize, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.campaigns = campaigns;
        this.catalog = catalog;
        this.images = images;
        this.maxSize = maxSize;
        this.clock = clock;
    }

    public FirmwareView upload(String deviceType, String version, long declaredLength, InputStream body)
            throws IOException {
        Names.name("deviceType", deviceType);
        Names.version("version", version);
        if (declaredLength > maxSize) {
            throw new HttpError(413, "too_large", "the image is " + declaredLength
                    + " bytes, larger than the limit of " + maxSize + " bytes");
        }
        if (store.exists(deviceType, version)) {
            throw duplicate(deviceType, version);
        }
        ImageStore.StoredImage image = images.store(body, maxSize);
        FirmwareRow row = new FirmwareRow(UUID.randomUUID().toString(), deviceType, version, image.size(),
                image.sha256(), image.crc32(), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        try {
            jdbc.inTransaction(() -> {
                catalog.ensureDeviceType(deviceType, null, clock.instant());
                store.insert(row);
                return null;
            });
        } catch (StoreException e) {
            if (e.isDuplicateKey()) {
                throw duplicate(deviceType, version);
            }
            throw e;
        }
        return view(row);
    }

    public List<FirmwareView> list() {
        return store.list().stream().map(this::view).toList();
    }

    public FirmwareView get(String id) {
        return view(find(id));
    }

    /** The image file, for reading. */
    public FirmwareRow find(String id) {
        return store.find(id).orElseThrow(() -> HttpError.notFound("no firmware with id " + id));
    }

    public java.nio.file.Path content(FirmwareRow f) {
        return images.path(f.sha256());
    }

    /** Deletes an image that no device and no campaign uses. */
    public void delete(String id) throws IOException {
        FirmwareRow f = find(id);
        FirmwareView v = view(f);
        if (v.devices() > 0 || v.campaigns() > 0 || store.activeDownloads(id) > 0) {
            throw HttpError.conflict("firmware_in_use", "firmware " + f.version() + " for " + f.deviceType()
                    + " is the desired firmware of " + v.devices() + " devices and used by " + v.campaigns()
                    + " campaigns; it can be deleted when nothing uses it");
        }
        if (jdbc.inTransaction(() -> store.delete(f))) {
            images.delete(f.sha256());
        }
    }

    private static HttpError duplicate(String deviceType, String version) {
        return HttpError.conflict("duplicate_firmware", "device type " + deviceType + " already has firmware "
                + version);
    }

    private FirmwareView view(FirmwareRow f) {
        return new FirmwareView(f.id(), f.deviceType(), f.version(), f.size(), f.sha256(), f.crc32(),
                f.uploadedAt().toString(), store.desiredBy(f.id()), campaigns.usingFirmware(f.id()));
    }
}
