package nl.fotadesk.bench;

import nl.fotadesk.backend.BackendConfig;
import nl.fotadesk.backend.BackendServer;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.client.HttpFotaDeskClient;
import nl.fotadesk.device.DeviceIdentity;
import nl.fotadesk.device.fleet.FleetGenerator;
import nl.fotadesk.protocol.api.NewDevice;

import java.nio.file.Files;
import java.util.List;
import java.util.function.Function;

/**
 * What the benches that query a large fleet stand on: a backend (H2 in a new temporary folder) in this
 * process and a generated fleet registered with it over HTTP through the bulk API, timed.
 */
final class RegisteredFleet implements AutoCloseable {
    static final String API_KEY = "bench-api-key";
    /** Devices per bulk request. */
    private static final int BATCH = 1000;

    private final BackendServer backend;
    private final FotaDeskClient client;
    private final List<DeviceIdentity> devices;

    private RegisteredFleet(BackendServer backend, List<DeviceIdentity> devices) {
        this.backend = backend;
        this.client = new HttpFotaDeskClient(backend.baseUrl(), API_KEY);
        this.devices = devices;
    }

    /**
     * Starts a backend and registers {@code count} generated devices (seed 1) with it, each as
     * {@code registration} makes it of the generated one; prints how long generating and registering took.
     */
    static RegisteredFleet start(String name, int count, Function<DeviceIdentity, NewDevice> registration)
            throws Exception {
        BackendServer backend = BackendServer.start(BackendConfig.local(
                Files.createTempDirectory("fota-desk-" + name + "-bench"), 0, API_KEY));
        try {
            long start = System.nanoTime();
            RegisteredFleet fleet = new RegisteredFleet(backend, FleetGenerator.generate(count, 1));
            fleet.register(registration);
            System.out.printf("Registered %,d devices in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
            return fleet;
        } catch (Exception | Error e) {
            backend.close();
            throw e;
        }
    }

    /** Each device as generated: its own type, client and firmware. */
    static NewDevice asGenerated(DeviceIdentity d) {
        return new NewDevice(d.imei(), d.deviceType(), d.client(), d.secret(), d.firmware());
    }

    private void register(Function<DeviceIdentity, NewDevice> registration) {
        for (int from = 0; from < devices.size(); from += BATCH) {
            client.registerDevices(devices.subList(from, Math.min(devices.size(), from + BATCH)).stream()
                    .map(registration).toList());
        }
    }

    String baseUrl() {
        return backend.baseUrl();
    }

    /** A client with the server's API key. */
    FotaDeskClient client() {
        return client;
    }

    /** The devices as generated, in the order they were registered. */
    List<DeviceIdentity> devices() {
        return devices;
    }

    @Override
    public void close() throws Exception {
        backend.close();
    }
}
