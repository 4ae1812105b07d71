package nl.fotadesk.backend.devices;

import nl.fotadesk.backend.domain.Conflict;
import nl.fotadesk.backend.domain.Limits;
import nl.fotadesk.backend.accounts.AuditTrail;
import nl.fotadesk.backend.accounts.Principal;
import nl.fotadesk.backend.accounts.Scope;
import nl.fotadesk.backend.store.CatalogStore;
import nl.fotadesk.backend.store.DeviceFilter;
import nl.fotadesk.protocol.api.CatalogEntry;
import nl.fotadesk.protocol.api.NewCatalogEntry;

import java.time.Clock;
import java.util.List;

/** Clients and device types: the names devices and firmware are filed under. */
public final class CatalogService {
    private final CatalogStore catalog;
    private final AuditTrail audit;
    private final Clock clock;

    public CatalogService(CatalogStore catalog, AuditTrail audit, Clock clock) {
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
    }

    public List<CatalogEntry> clients() {
        return clients(Scope.ALL);
    }

    /**
     * The clients {@code who} may see, with their devices in scope counted: all for an unscoped user;
     * else their own client, and the clients that have devices in their scope.
     */
    public List<CatalogEntry> clients(Principal who) {
        return clients(who.scope());
    }

    private List<CatalogEntry> clients(Scope scope) {
        return catalog.clients(scope.narrow(DeviceFilter.ALL)).stream()
                .filter(e -> scope.isAll() || e.name().equals(scope.client()) || e.devices() > 0)
                .map(e -> new CatalogEntry(e.name(), null, e.devices(), null, e.createdAt().toString())).toList();
    }

    public List<CatalogEntry> deviceTypes() {
        return deviceTypes(Scope.ALL);
    }

    /**
     * The device types {@code who} may see, with their devices in scope counted: all for an unscoped
     * user; else their own types, and the types of the devices in their scope.
     */
    public List<CatalogEntry> deviceTypes(Principal who) {
        return deviceTypes(who.scope());
    }

    private List<CatalogEntry> deviceTypes(Scope scope) {
        return catalog.deviceTypes(scope.narrow(DeviceFilter.ALL)).stream()
                .filter(e -> scope.isAll() || scope.deviceTypes().contains(e.name()) || e.devices() > 0)
                .map(e -> new CatalogEntry(e.name(), e.description(), e.devices(), e.firmware(),
                        e.createdAt().toString())).toList();
    }

    public CatalogEntry createClient(Principal actor, NewCatalogEntry entry) {
        String name = Names.name("name", entry.name());
        if (catalog.clientExists(name)) {
            throw new Conflict("duplicate_client", "client " + name + " exists already");
        }
        catalog.ensureClient(name, clock.instant());
        audit.done(actor, "client.create", "client/" + name, null);
        return named(clients(), name);
    }

    public CatalogEntry createDeviceType(Principal actor, NewCatalogEntry entry) {
        String name = Names.name("name", entry.name());
        String description = entry.description() == null || entry.description().isEmpty() ? null
                : Limits.text("description", entry.description(), Limits.DESCRIPTION);
        if (catalog.deviceTypeExists(name)) {
            throw new Conflict("duplicate_device_type", "device type " + name + " exists already");
        }
        catalog.ensureDeviceType(name, description, clock.instant());
        audit.done(actor, "device-type.create", "device-type/" + name, description);
        return named(deviceTypes(), name);
    }

    private static CatalogEntry named(List<CatalogEntry> entries, String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }
}
