package nl.fotadesk.backend.api;

import nl.fotadesk.backend.domain.Limits;
import nl.fotadesk.backend.devices.DeviceImport;
import nl.fotadesk.backend.devices.DeviceService;
import nl.fotadesk.backend.domain.Invalid;
import nl.fotadesk.backend.events.EventLog;
import nl.fotadesk.backend.http.Router;
import nl.fotadesk.protocol.api.DesiredFirmware;
import nl.fotadesk.protocol.api.DeviceStatus;
import nl.fotadesk.protocol.api.GroupFilter;
import nl.fotadesk.protocol.api.NewDevice;

import java.io.ByteArrayInputStream;
import java.util.Arrays;

import static nl.fotadesk.backend.accounts.Access.CHANGE;
import static nl.fotadesk.backend.accounts.Access.READ;

/**
 * {@code /api/v1/devices}: register (suppliers and customers within their scope), list and show devices, and
 * set one device's desired firmware.
 */
public final class DeviceRoutes implements Routes {
    private final DeviceService devices;
    private final DeviceImport imports;
    private final EventLog events;

    public DeviceRoutes(DeviceService devices, DeviceImport imports, EventLog events) {
        this.devices = devices;
        this.imports = imports;
        this.events = events;
    }

    @Override
    public void register(Router router) {
        router.add("POST", "/api/v1/devices", CHANGE, x -> x.json(201, devices.register(x.principal(), x.body(NewDevice.class))))
                .add("GET", "/api/v1/devices", READ, x -> x.json(200, devices.page(x.principal(), criteria(x), x.query("imei"),
                        x.intQuery("offset", 0, Integer.MAX_VALUE, 0), x.intQuery("limit", 1, Limits.PAGE, 50))))
                .add("POST", "/api/v1/devices/bulk", CHANGE, x -> x.json(201,
                        devices.registerAll(x.principal(), Arrays.asList(x.body(NewDevice[].class)))))
                .add("POST", "/api/v1/devices/import", CHANGE, x -> x.json(200, imports.importCsv(x.principal(),
                        new ByteArrayInputStream(x.bodyBytes()), "true".equals(x.query("dryRun")))))
                .add("GET", "/api/v1/devices/{imei}", READ, x -> x.json(200, devices.get(x.principal(), x.path("imei"))))
                .add("GET", "/api/v1/devices/{imei}/history", READ, x -> {
                    devices.get(x.principal(), x.path("imei"));
                    x.json(200, events.forDevice(x.path("imei"), x.intQuery("limit", 1, Limits.PAGE, 200)));
                })
                .add("PUT", "/api/v1/devices/{imei}/desired", CHANGE, x -> x.json(200,
                        devices.setDesired(x.principal(), x.path("imei"), x.body(DesiredFirmware.class).firmwareId())));
    }

    /** The criteria of a list request: {@code client}, {@code deviceType}, {@code status}, {@code firmware}. */
    static GroupFilter criteria(Router.Exchange x) {
        return new GroupFilter(x.query("client"), x.query("deviceType"), x.query("firmware"), status(x.query("status")));
    }

    static DeviceStatus status(String value) {
        try {
            return value == null ? null : DeviceStatus.fromWire(value);
        } catch (IllegalArgumentException e) {
            throw new Invalid("invalid_status", e.getMessage());
        }
    }
}
