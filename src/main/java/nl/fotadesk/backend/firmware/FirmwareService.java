package nl.fotadesk.backend.firmware;

import nl.fotadesk.backend.devices.Names;
import nl.fotadesk.backend.files.ImageStore;
import nl.fotadesk.backend.http.HttpError;
import nl.fotadesk.backend.store.FirmwareRow;
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
    private final FirmwareStore store;
    private final ImageStore images;
    private final long maxSize;
    private final Clock clock;

    public FirmwareService(FirmwareStore store, ImageStore images, long maxSize, Clock clock) {
        this.store = store;
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
                image.sha256(), image.crc32(), clock.instant());
        try {
            store.insert(row);
        } catch (StoreException e) {
            if (e.isDuplicateKey()) {
                throw duplicate(deviceType, version);
            }
            throw e;
        }
        return view(row);
    }

    public List<FirmwareView> list() {
        return store.list().stream().map(FirmwareService::view).toList();
    }

    public FirmwareView get(String id) {
        return store.find(id).map(FirmwareService::view)
                .orElseThrow(() -> HttpError.notFound("no firmware with id " + id));
    }

    private static HttpError duplicate(String deviceType, String version) {
        return HttpError.conflict("duplicate_firmware", "device type " + deviceType + " already has firmware "
                + version);
    }

    private static FirmwareView view(FirmwareRow f) {
        return new FirmwareView(f.id(), f.deviceType(), f.version(), f.size(), f.sha256(), f.crc32(),
                f.uploadedAt().toString());
    }
}
