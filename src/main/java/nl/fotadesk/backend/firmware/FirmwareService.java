package nl.fotadesk.backend.firmware;

import nl.fotadesk.backend.accounts.AuditTrail;
import nl.fotadesk.backend.accounts.Principal;
import nl.fotadesk.backend.accounts.Scope;
import nl.fotadesk.backend.devices.Names;
import nl.fotadesk.backend.domain.Conflict;
import nl.fotadesk.backend.domain.Forbidden;
import nl.fotadesk.backend.domain.NotFound;
import nl.fotadesk.backend.domain.TooLarge;
import nl.fotadesk.backend.files.ImageStore;
import nl.fotadesk.backend.files.ImageUpload;
import nl.fotadesk.backend.store.CampaignStore;
import nl.fotadesk.backend.store.CatalogStore;
import nl.fotadesk.backend.store.DeviceFilter;
import nl.fotadesk.backend.store.FirmwareRow;
import nl.fotadesk.backend.store.FirmwareStore;
import nl.fotadesk.backend.store.Jdbc;
import nl.fotadesk.backend.store.StoreException;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.protocol.api.ServerLimits;
import nl.fotadesk.protocol.api.Role;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

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
    private final AuditTrail audit;
    private final Clock clock;

    public FirmwareService(Jdbc jdbc, FirmwareStore store, CampaignStore campaigns, CatalogStore catalog,
                           ImageStore images, long maxSize, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.store = store;
        this.campaigns = campaigns;
        this.catalog = catalog;
        this.images = images;
        this.maxSize = maxSize;
        this.clock = clock;
    }

    /** An image being received; {@link #close()} it in every case (it removes what was not kept). */
    public final class Upload implements AutoCloseable {
        private final Principal actor;
        private final String deviceType;
        private final String version;
        private final ImageUpload body;

        private Upload(Principal actor, String deviceType, String version, ImageUpload body) {
            this.actor = actor;
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
     * declared length ({@code -1} when unknown) and whether the version is taken. Suppliers upload for
     * their own device types only; customers and viewers upload none.
     */
    public Upload begin(Principal actor, String deviceType, String version, long declaredLength) throws IOException {
        Names.name("deviceType", deviceType);
        Names.version("version", version);
        if (actor.role() == Role.CUSTOMER || actor.role() == Role.VIEWER) {
            throw new Forbidden("a " + actor.role().wireName() + " uploads no firmware; an operator or the device's"
                    + " supplier does");
        }
        if (!actor.scope().admitsDeviceType(deviceType)) {
            throw new Forbidden("a supplier uploads firmware for their own device types only ("
                    + String.join(", ", actor.scope().deviceTypes().stream().sorted().toList()) + ")");
        }
        if (declaredLength > maxSize) {
            throw new TooLarge("the image is " + declaredLength
                    + " bytes, larger than the limit of " + maxSize + " bytes");
        }
        if (store.exists(deviceType, version)) {
            throw duplicate(deviceType, version);
        }
        return new Upload(actor, deviceType, version, images.receive(maxSize));
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
                    audit.done(upload.actor, "firmware.upload", "firmware/" + row.id(),
                            row.deviceType() + " " + row.version() + ", " + row.size() + " bytes");
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
        return view(row, upload.actor.scope());
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

    /** The limits an upload is held to, for clients to state before they send. */
    public ServerLimits limits() {
        return new ServerLimits(maxSize);
    }

    /** The images of the device types {@code who} sees, with only their devices and campaigns counted. */
    public List<FirmwareView> list(Principal who) {
        Predicate<String> visible = visibleTypes(who.scope());
        return store.list().stream().filter(f -> visible.test(f.deviceType())).map(f -> view(f, who.scope())).toList();
    }

    public FirmwareView get(Principal who, String id) {
        return view(find(who.scope(), id), who.scope());
    }

    private FirmwareRow find(String id) {
        return store.find(id).orElseThrow(() -> new NotFound("no firmware with id " + id));
    }

    /** The image, if it is for a device type {@code scope} sees; else not found, as an unknown id. */
    private FirmwareRow find(Scope scope, String id) {
        return store.find(id).filter(f -> visibleTypes(scope).test(f.deviceType()))
                .orElseThrow(() -> new NotFound("no firmware with id " + id));
    }

    /** A scope sees its own device types and those of the devices in it. */
    private Predicate<String> visibleTypes(Scope scope) {
        if (scope.isAll()) {
            return type -> true;
        }
        Set<String> types = new HashSet<>(scope.deviceTypes());
        catalog.deviceTypes(scope.narrow(DeviceFilter.ALL)).stream().filter(e -> e.devices() > 0)
                .forEach(e -> types.add(e.name()));
        return types::contains;
    }

    /** An image's bytes as offered for download: the file name, its size and its content. */
    public record ImageFile(String fileName, long size, FileChannel content) {
    }

    /** The image's bytes, verified, for positional reads (the channel is shared: never close it). */
    public ImageFile content(Principal who, String id) {
        FirmwareRow f = find(who.scope(), id);
        return new ImageFile(f.deviceType() + "-" + f.version() + ".bin", f.size(), images.channel(f.sha256()));
    }

    /** Deletes an image that nothing uses, with its stored bytes unless another record shares them. */
    public void delete(Principal actor, String id) throws IOException {
        FirmwareRow f = find(id);
        FirmwareView v = view(f, Scope.ALL);
        if (v.devices() > 0 || v.campaigns() > 0 || store.activeDownloads(id) > 0) {
            throw new Conflict("firmware_in_use", "firmware " + f.version() + " for " + f.deviceType()
                    + " is the desired firmware of " + v.devices() + " devices and used by " + v.campaigns()
                    + " campaigns; it can be deleted when nothing uses it");
        }
        if (jdbc.inTransaction(() -> {
            audit.done(actor, "firmware.delete", "firmware/" + id, f.deviceType() + " " + f.version());
            return store.delete(f);
        })) {
            images.delete(f.sha256());
        }
    }

    private static Conflict duplicate(String deviceType, String version) {
        return new Conflict("duplicate_firmware", "device type " + deviceType + " already has firmware "
                + version);
    }

    private FirmwareView view(FirmwareRow f, Scope scope) {
        DeviceFilter within = scope.narrow(DeviceFilter.ALL);
        return new FirmwareView(f.id(), f.deviceType(), f.version(), f.size(), f.sha256(), f.crc32(),
                f.uploadedAt().toString(), store.desiredBy(f.id(), within), campaigns.usingFirmware(f.id(), within));
    }
}
