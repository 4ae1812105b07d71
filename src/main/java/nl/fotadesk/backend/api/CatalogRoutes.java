package nl.fotadesk.backend.api;

import nl.fotadesk.backend.devices.Names;
import nl.fotadesk.backend.http.HttpError;
import nl.fotadesk.backend.http.Limits;
import nl.fotadesk.backend.http.Router;
import nl.fotadesk.backend.store.CatalogStore;
import nl.fotadesk.protocol.api.CatalogEntry;
import nl.fotadesk.protocol.api.NewCatalogEntry;

import java.time.Clock;
import java.util.List;

/** {@code /api/v1/clients} and {@code /api/v1/device-types}: the names devices and firmware are filed under. */
public final class CatalogRoutes implements Routes {
    private final CatalogStore catalog;
    private final Clock clock;

    public CatalogRoutes(CatalogStore catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public void register(Router router) {
        router.add("GET", "/api/v1/clients", x -> x.json(200, clients()))
                .add("POST", "/api/v1/clients", x -> {
                    String name = Names.name("name", x.body(NewCatalogEntry.class).name());
                    if (catalog.clientExists(name)) {
                        throw HttpError.conflict("duplicate_client", "client " + name + " exists already");
                    }
                    catalog.ensureClient(name, clock.instant());
                    x.json(201, clients().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow());
                })
                .add("GET", "/api/v1/device-types", x -> x.json(200, deviceTypes()))
                .add("POST", "/api/v1/device-types", x -> {
                    NewCatalogEntry e = x.body(NewCatalogEntry.class);
                    String name = Names.name("name", e.name());
                    String description = e.description() == null || e.description().isEmpty() ? null
                            : Limits.text("description", e.description(), Limits.DESCRIPTION);
                    if (catalog.deviceTypeExists(name)) {
                        throw HttpError.conflict("duplicate_device_type", "device type " + name + " exists already");
                    }
                    catalog.ensureDeviceType(name, description, clock.instant());
                    x.json(201, deviceTypes().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow());
                });
    }

    private List<CatalogEntry> clients() {
        return catalog.clients().stream()
                .map(e -> new CatalogEntry(e.name(), null, e.devices(), null, e.createdAt().toString())).toList();
    }

    private List<CatalogEntry> deviceTypes() {
        return catalog.deviceTypes().stream().map(e -> new CatalogEntry(e.name(), e.description(), e.devices(),
                e.firmware(), e.createdAt().toString())).toList();
    }
}
