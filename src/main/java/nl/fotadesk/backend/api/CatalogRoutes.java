package nl.fotadesk.backend.api;

import nl.fotadesk.backend.devices.CatalogService;
import nl.fotadesk.backend.http.Router;
import nl.fotadesk.protocol.api.NewCatalogEntry;

import static nl.fotadesk.backend.accounts.Access.OPERATOR;
import static nl.fotadesk.backend.accounts.Access.READ;

/** {@code /api/v1/clients} and {@code /api/v1/device-types}: the names devices and firmware are filed under. */
public final class CatalogRoutes implements Routes {
    private final CatalogService catalog;

    public CatalogRoutes(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    public void register(Router router) {
        router.add("GET", "/api/v1/clients", READ, x -> x.json(200, catalog.clients(x.principal())))
                .add("POST", "/api/v1/clients", OPERATOR, x -> x.json(201, catalog.createClient(x.principal(), x.body(NewCatalogEntry.class))))
                .add("GET", "/api/v1/device-types", READ, x -> x.json(200, catalog.deviceTypes(x.principal())))
                .add("POST", "/api/v1/device-types", OPERATOR, x -> x.json(201,
                        catalog.createDeviceType(x.principal(), x.body(NewCatalogEntry.class))));
    }
}
