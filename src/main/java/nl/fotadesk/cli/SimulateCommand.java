package nl.fotadesk.cli;

import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.device.DeviceIdentity;
import nl.fotadesk.device.DeviceSettings;
import nl.fotadesk.device.fleet.FaultPlan;
import nl.fotadesk.device.fleet.Fleet;
import nl.fotadesk.device.fleet.FleetFile;
import nl.fotadesk.device.fleet.FleetGenerator;
import nl.fotadesk.device.fleet.FleetRegistration;
import nl.fotadesk.device.fleet.FleetStats;
import nl.fotadesk.client.HttpFotaDeskClient;
import picocli.CommandLine;
import nl.fotadesk.protocol.FotaState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Runs a fleet of simulated devices against a backend (FOTA Desk or KPN Things) and prints a live summary.")
public final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--url", required = true, description = "Backend base URL, e.g. http://127.0.0.1:8080")
    String url;

    @Option(names = "--api-key", description = "Management API key, to register the fleet (not needed with --no-register).")
    String apiKey;

    @Option(names = "--devices", defaultValue = "1000", description = "Number of devices to make up. Default: ${DEFAULT-VALUE}")
    int devices;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the fleet and its faults; the same seed repeats a run. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--faults", defaultValue = "", description = "Faults, e.g. corrupt=0.02,drop=0.02,reboot=0.01,slow=0.05,install=0.01,flash=0.01,silent=0.01")
    String faults;

    @Option(names = "--fleet", description = "Load the devices (imei,secret,deviceType,client,firmware) from this CSV file instead of making them up.")
    Path fleetFile;

    @Option(names = "--save-fleet", description = "Write the fleet to this CSV file (to run it again, or import it elsewhere).")
    Path saveFleet;

    @Option(names = "--no-register", description = "Do not register the devices (they are registered already).")
    boolean noRegister;

    @Option(names = "--part-size", defaultValue = "512", description = "Download part size in bytes. Default: ${DEFAULT-VALUE}")
    int partSize;

    @Option(names = "--interval", defaultValue = "30s", converter = DurationConverter.class,
            description = "Time between routine uplinks (with 1/3 jitter). Default: ${DEFAULT-VALUE}")
    Duration interval;

    @Option(names = "--workers", defaultValue = "32", description = "Worker threads for all devices together. Default: ${DEFAULT-VALUE}")
    int workers;

    @Option(names = "--duration", converter = DurationConverter.class, description = "Stop after this long (default: run until Ctrl-C).")
    Duration duration;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        FaultPlan plan;
        try {
            plan = FaultPlan.parse(faults);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--faults: " + e.getMessage());
        }
        if (!noRegister && apiKey == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--api-key is needed to register the fleet (or pass --no-register)");
        }
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        List<DeviceIdentity> identities = fleetFile != null ? FleetFile.read(fleetFile) : FleetGenerator.generate(devices, seed);
        if (saveFleet != null) {
            FleetFile.write(saveFleet, identities);
        }
        PrintStream out = System.out;
        if (!noRegister) {
            int created = FleetRegistration.register(new HttpFotaDeskClient(base, apiKey), identities);
            out.printf("Registered %,d devices (%,d were registered already)%n", created, identities.size() - created);
        }
        DeviceSettings settings = DeviceSettings.DEFAULT.withPartSize(partSize)
                .withUplinkInterval(interval, interval.dividedBy(3));
        Fleet fleet = new Fleet(base, identities, settings, plan, seed, workers);
        out.printf("Simulating %,d devices against %s, faults: %s%n", identities.size(), base, plan);
        long started = System.nanoTime();
        fleet.start(interval);

        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "simulate-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        while (!stop.await(2, TimeUnit.SECONDS) && System.nanoTime() < end) {
            out.println(summary(fleet));
        }
        fleet.close();
        out.println();
        out.printf("Final report after %s%n", Duration.ofNanos(System.nanoTime() - started).truncatedTo(ChronoUnit.SECONDS)
                .toString().substring(2).toLowerCase(Locale.ROOT));
        out.println(summary(fleet));
        if (stop.getCount() > 0) {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        return 0;
    }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    static String summary(Fleet fleet) {
        FleetStats s = fleet.stats();
        Map<FotaState, Integer> states = fleet.countByState();
        String stateText = states.entrySet().stream()
                .map(e -> e.getKey().wireName() + " " + e.getValue()).collect(Collectors.joining(", "));
        String results = s.results().entrySet().stream()
                .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + " " + e.getValue()).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%s  devices: %s%s | parts %,d (retries %,d), %,.1f MB, uplinks %,d%s",
                LocalTime.now().format(CLOCK), stateText,
                fleet.silentCount() > 0 ? ", silent " + fleet.silentCount() : "",
                s.partsAccepted(), s.retries(), s.bytes() / 1e6, s.uplinks(),
                results.isEmpty() ? "" : " | updates ended: " + results);
    }
}
