package nl.fotadesk.backend.firmware;

import nl.fotadesk.backend.devices.Names;
import nl.fotadesk.backend.domain.Conflict;
import nl.fotadesk.backend.domain.NotFound;
import nl.fotadesk.backend.domain.TooLarge;
import nl.fotadesk.backend.files.ImageStore;
import nl.fotadesk.backend.files.ImageUpload;
import nl.fotadesk.backend.store.CampaignStore;
import nl.fotadesk.backend.store.CatalogStore;
import nl.fotadesk.backend.store.FirmwareRow;
import nl.fotadesk.backend.store.FirmwareStore;
import nl.fotadesk.backend.store.Jdbc;
import nl.fotadesk.backend.store.StoreException;
import nl.fotadesk.protocol.api.FirmwareView;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Firmware images: received into a temporary file, stored in the database with their record, described. */
public final class FirmwareService {
    private static final Logger LOG = LoggerFactory.getLogger(FirmwareService.class);
    /**
     * How long an upload keeps trying while another transaction holds what it needs (the same version,
     * the same bytes or a new device type being stored by a concurrent upload).
     */
    private static final Duration CONTENTION_LIMIT = Duration.ofMinutes(5);

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

    /** An image being received; {@link #close()} it in every case (it removes what was not kept). */
    public final class Upload implements AutoCloseable {
        private final String deviceType;
        private final String version;
        private final ImageUpload body;

        private Upload(String deviceType, String version, ImageUpload body) {
            this.deviceType = deviceType;
            this.version = version;
            this.body = body;
        }

        /** The next piece of the image; a 413 once it grows past the limit. */
        public void write(ByteBuffer data) throws IOException {
            body.write(data);
        }

        /** The whole image arrived: stores it with its record (201) or refuses it (409 for a taken version). */
        public FirmwareView complete() throws IOException {
            return store(this);
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    /**
     * Checks an upload before its body is read, so a refused one costs no transfer: the names, the
     * declared length ({@code -1} when unknown) and whether the version is taken.
     */
    public Upload begin(String deviceType, String version, long declaredLength) throws IOException {
        Names.name("deviceType", deviceType);
        Names.version("version", version);
        if (declaredLength > maxSize) {
            throw new TooLarge("the image is " + declaredLength
                    + " bytes, larger than the limit of " + maxSize + " bytes");
        }
        if (store.exists(deviceType, version)) {
            throw duplicate(deviceType, version);
        }
        return new Upload(deviceType, version, images.receive(maxSize));
    }

    private FirmwareView store(Upload upload) throws IOException {
        ImageStore.StoredImage image = upload.body.finish();
        FirmwareRow row = new FirmwareRow(UUID.randomUUID().toString(), upload.deviceType, upload.version,
                image.size(), image.sha256(), image.crc32(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        long giveUp = System.nanoTime() + CONTENTION_LIMIT.toNanos();
        while (true) {
            try {
                jdbc.inTransaction(() -> {
                    catalog.ensureDeviceType(row.deviceType(), null, clock.instant());
                    insert(row);
                    try {
                        images.persist(upload.body);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return null;
                });
                break;
            } catch (StoreException e) {
                // Concurrent uploads wait for each other here: the one that commits first wins, a
                // later one of the same version ends with the 409 of insert, one of the same bytes shares them.
                if (!isContention(e) || System.nanoTime() - giveUp > 0) {
                    throw e;
                }
                LOG.debug("Upload of {} {} meets a concurrent upload ({}); trying again", row.deviceType(),
                        row.version(), e.getMessage());
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        images.cache(upload.body);
        return view(row);
    }

    private void insert(FirmwareRow row) {
        try {
            store.insert(row);
        } catch (StoreException e) {
            if (e.isDuplicateKey()) {
                throw duplicate(row.deviceType(), row.version());
            }
            throw e;
        }
    }

    /** A conflict with a concurrent upload that a new attempt resolves: a key taken meanwhile, or an aborted transaction. */
    private static boolean isContention(StoreException e) {
        return e.isDuplicateKey() || e.isTransient();
    }

    public List<FirmwareView> list() {
        return store.list().stream().map(this::view).toList();
    }

    public FirmwareView get(String id) {
        return view(find(id));
    }

    private FirmwareRow find(String id) {
        return store.find(id).orElseThrow(() -> new NotFound("no firmware with id " + id));
    }

    /** An image's bytes as offered for download: the file name, its size and its content. */
    public record ImageFile(String fileName, long size, FileChannel content) {
    }

    /** The image's bytes, verified, for positional reads (the channel is shared: never close it). */
    public ImageFile content(String id) {
        FirmwareRow f = find(id);
        return new ImageFile(f.deviceType() + "-" + f.version() + ".bin", f.size(), images.channel(f.sha256()));
    }

    /** Deletes an image that nothing uses, with its stored bytes unless another record shares them. */
    public void delete(String id) throws IOException {
        FirmwareRow f = find(id);
        FirmwareView v = view(f);
        if (v.devices() > 0 || v.campaigns() > 0 || store.activeDownloads(id) > 0) {
            throw new Conflict("firmware_in_use", "firmware " + f.version() + " for " + f.deviceType()
                    + " is the desired firmware of " + v.devices() + " devices and used by " + v.campaigns()
                    + " campaigns; it can be deleted when nothing uses it");
        }
        if (jdbc.inTransaction(() -> store.delete(f))) {
            images.delete(f.sha256());
        }
    }

    private static Conflict duplicate(String deviceType, String version) {
        return new Conflict("duplicate_firmware", "device type " + deviceType + " already has firmware "
                + version);
    }

    private FirmwareView view(FirmwareRow f) {
        return new FirmwareView(f.id(), f.deviceType(), f.version(), f.size(), f.sha256(), f.crc32(),
                f.uploadedAt().toString(), store.desiredBy(f.id()), campaigns.usingFirmware(f.id()));
    }
}
