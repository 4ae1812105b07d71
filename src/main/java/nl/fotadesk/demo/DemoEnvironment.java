package nl.fotadesk.demo;

import nl.fotadesk.backend.BackendConfig;
import nl.fotadesk.backend.BackendServer;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.client.HttpFotaDeskClient;
import nl.fotadesk.device.DeviceIdentity;
import nl.fotadesk.device.DeviceSettings;
import nl.fotadesk.device.fleet.FaultPlan;
import nl.fotadesk.device.fleet.Fleet;
import nl.fotadesk.device.fleet.FleetGenerator;
import nl.fotadesk.device.fleet.FleetRegistration;
import nl.fotadesk.protocol.api.FirmwareView;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The offline demo: the backend on a loopback port with its own data folder, a simulated fleet of
 * several clients and device types registered and running, and firmware uploaded (the versions the
 * devices run, and one newer version per type, ready for a campaign). Used by the app and by
 * {@code fota-desk demo}.
 */
public final class DemoEnvironment implements AutoCloseable {
    /** The newer version of each device type's firmware that a demo campaign rolls out. */
    public static final Map<String, String> NEW_VERSIONS = Map.of("tracker-x", "1.2.0", "meter-y", "2.2.0",
            "sensor-z", "1.0.0");
    private static final int IMAGE_SIZE = 96 * 1024;

    private final BackendServer backend;
    private final Fleet fleet;
    private final FotaDeskClient client;
    private final String apiKey;

    private DemoEnvironment(BackendServer backend, Fleet fleet, FotaDeskClient client, String apiKey) {
        this.backend = backend;
        this.fleet = fleet;
        this.client = client;
        this.apiKey = apiKey;
    }

    /**
     * Starts the demo in {@code dataDir} (kept between runs: devices and firmware are registered once).
     *
     * @param settings how the simulated devices behave (intervals, part size)
     */
    public static DemoEnvironment start(Path dataDir, int devices, long seed, FaultPlan faults, DeviceSettings settings)
            throws Exception {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String apiKey = HexFormat.of().formatHex(random);
        BackendServer backend = BackendServer.start(BackendConfig.local(dataDir, 0, apiKey));
        try {
            FotaDeskClient client = new HttpFotaDeskClient(backend.baseUrl(), apiKey);
            List<DeviceIdentity> identities = FleetGenerator.generate(devices, seed);
            FleetRegistration.register(client, identities);
            uploadFirmware(client);
            Fleet fleet = new Fleet(backend.baseUrl(), identities, settings, faults, seed, 16);
            fleet.start(settings.uplinkInterval());
            return new DemoEnvironment(backend, fleet, client, apiKey);
        } catch (Exception e) {
            backend.close();
            throw e;
        }
    }

    /** The versions in the field and the new one, per device type, unless uploaded before. */
    private static void uploadFirmware(FotaDeskClient client) throws IOException {
        Map<String, FirmwareView> existing = client.firmware().stream()
                .collect(Collectors.toMap(f -> f.deviceType() + "/" + f.version(), f -> f));
        for (FleetGenerator.DeviceModel model : FleetGenerator.MODELS) {
            List<String> versions = new java.util.ArrayList<>(model.versions());
            versions.add(NEW_VERSIONS.get(model.deviceType()));
            for (String version : versions) {
                if (!existing.containsKey(model.deviceType() + "/" + version)) {
                    byte[] image = new byte[IMAGE_SIZE];
                    new Random((model.deviceType() + version).hashCode()).nextBytes(image);
                    client.uploadFirmware(model.deviceType(), version, image);
                }
            }
        }
    }

    public String url() {
        return backend.baseUrl();
    }

    public String apiKey() {
        return apiKey;
    }

    public FotaDeskClient client() {
        return client;
    }

    public Fleet fleet() {
        return fleet;
    }

    @Override
    public void close() throws Exception {
        try {
            fleet.close();
        } finally {
            backend.close();
        }
    }

    /** Device settings for a lively demo: uplinks every few seconds, quick installs. */
    public static DeviceSettings demoSettings() {
        return new DeviceSettings(512, 5, Duration.ofMillis(500), Duration.ofSeconds(4), Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofSeconds(1));
    }
}
