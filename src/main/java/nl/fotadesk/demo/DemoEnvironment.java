package nl.fotadesk.demo;

import nl.fotadesk.backend.BackendConfig;
import nl.fotadesk.backend.BackendServer;
import nl.fotadesk.backend.HashCosts;
import nl.fotadesk.client.ConflictException;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.client.HttpFotaDeskClient;
import nl.fotadesk.device.DeviceIdentity;
import nl.fotadesk.device.DeviceSettings;
import nl.fotadesk.device.fleet.FaultPlan;
import nl.fotadesk.device.fleet.Fleet;
import nl.fotadesk.device.fleet.FleetGenerator;
import nl.fotadesk.device.fleet.FleetRegistration;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.protocol.api.NewUser;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.protocol.api.UserChange;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The offline demo: the backend on a loopback port with its own data folder, a simulated fleet of
 * several clients and device types registered and running, firmware uploaded (the versions the
 * devices run, and one newer version per type, ready for a campaign), and three demo users (an
 * operator, the supplier of one device type, a customer of one client) whose passwords are made up
 * at each start and kept in memory only. Used by the app and by {@code fota-desk demo}.
 */
public final class DemoEnvironment implements AutoCloseable {
    /** A demo user and the password made up for this run. */
    public record DemoUser(String username, String password, Role role, String displayName) {
        @Override
        public String toString() {
            return "DemoUser[" + username + "]";
        }
    }

    /** The newer version of each device type's firmware that a demo campaign rolls out. */
    public static final Map<String, String> NEW_VERSIONS = Map.of("tracker-x", "1.2.0", "meter-y", "2.2.0",
            "sensor-z", "1.0.0");
    /** The faults the app's offline demo injects into its fleet (a rehearsal is checked against them). */
    public static final String FAULTS = "corrupt=0.01,drop=0.01,reboot=0.02,install=0.03,silent=0.01";
    private static final int IMAGE_SIZE = 96 * 1024;

    private final BackendServer backend;
    private final Fleet fleet;
    private final FotaDeskClient client;
    private final String apiKey;
    private final List<DemoUser> users;

    private DemoEnvironment(BackendServer backend, Fleet fleet, FotaDeskClient client, String apiKey,
                            List<DemoUser> users) {
        this.backend = backend;
        this.fleet = fleet;
        this.client = client;
        this.apiKey = apiKey;
        this.users = users;
    }

    /**
     * Starts the demo in {@code dataDir} (kept between runs: devices and firmware are registered once).
     *
     * @param settings how the simulated devices behave (intervals, part size)
     */
    public static DemoEnvironment start(Path dataDir, int devices, long seed, FaultPlan faults, DeviceSettings settings)
            throws Exception {
        return start(dataDir, devices, seed, faults, settings, HashCosts.DEFAULT);
    }

    /** As {@link #start(Path, int, long, FaultPlan, DeviceSettings)}, its backend storing hashes at {@code hashCosts} (tests use lower ones). */
    public static DemoEnvironment start(Path dataDir, int devices, long seed, FaultPlan faults, DeviceSettings settings,
                                        HashCosts hashCosts) throws Exception {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String apiKey = HexFormat.of().formatHex(random);
        BackendServer backend = BackendServer.start(BackendConfig.local(dataDir, 0, apiKey), Clock.systemUTC(), hashCosts);
        try {
            FotaDeskClient client = new HttpFotaDeskClient(backend.baseUrl(), apiKey);
            List<DeviceIdentity> identities = FleetGenerator.generate(devices, seed);
            FleetRegistration.register(client, identities);
            uploadFirmware(client);
            List<DemoUser> users = demoUsers(client);
            Fleet fleet = new Fleet(backend.baseUrl(), identities, settings, faults, seed, 16);
            fleet.start(settings.uplinkInterval());
            return new DemoEnvironment(backend, fleet, client, apiKey, users);
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

    /**
     * The operator, the supplier of the first device type, the customer of the first client and a requester
     * of that client (without FOTA access: they file update requests), created
     * through the API (or given a new password when the data folder has them from an earlier run).
     */
    private static List<DemoUser> demoUsers(FotaDeskClient client) {
        String deviceType = FleetGenerator.MODELS.get(0).deviceType();
        String customerOf = FleetGenerator.CLIENTS.get(0);
        List<NewUser> wanted = List.of(
                new NewUser("olga", password(), Role.OPERATOR, null, null, "Olga Jansen"),
                new NewUser("stan", password(), Role.SUPPLIER, null, List.of(deviceType), "Stan Bakker"),
                new NewUser("carla", password(), Role.CUSTOMER, customerOf, null, "Carla Visser"),
                new NewUser("rita", password(), Role.REQUESTER, customerOf, null, "Rita de Vries"));
        List<DemoUser> users = new java.util.ArrayList<>();
        for (NewUser user : wanted) {
            try {
                client.createUser(user);
            } catch (ConflictException exists) {
                client.changeUser(user.username(), new UserChange(user.displayName(), user.role(), user.client(),
                        user.deviceTypes(), false, user.password()));
            }
            users.add(new DemoUser(user.username(), user.password(), user.role(), user.displayName()));
        }
        return List.copyOf(users);
    }

    private static String password() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** The demo users, the operator first. */
    public List<DemoUser> users() {
        return users;
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
