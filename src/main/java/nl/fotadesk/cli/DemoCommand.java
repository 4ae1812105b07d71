package nl.fotadesk.cli;

import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.demo.DemoEnvironment;
import nl.fotadesk.device.DeviceSettings;
import nl.fotadesk.device.fleet.FaultPlan;
import nl.fotadesk.protocol.api.CampaignTarget;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.protocol.api.NewCampaign;
import nl.fotadesk.protocol.api.PhaseSpec;
import nl.fotadesk.protocol.api.PhaseView;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The offline demo: backend and simulated fleet in one process. With --headless it runs a"
                + " three-phase campaign, prints its progress and exits 0 when the campaign completed.")
public final class DemoCommand implements Callable<Integer> {
    private static final String DEVICE_TYPE = "tracker-x";

    @Option(names = "--headless", description = "Run without the app window: one campaign, printed as it goes.")
    boolean headless;

    @Option(names = "--devices", defaultValue = "500", description = "Simulated devices. Default: ${DEFAULT-VALUE}")
    int devices;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the fleet and its faults. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--faults", defaultValue = "corrupt=0.01,drop=0.01,reboot=0.02,install=0.02",
            description = "Injected faults (see simulate --help). Default: ${DEFAULT-VALUE}")
    String faults;

    @Option(names = "--data", description = "Data folder (default: a new temporary folder).")
    Path data;

    @Option(names = "--timeout", defaultValue = "10m", converter = DurationConverter.class,
            description = "Give up when the campaign has not completed after this long. Default: ${DEFAULT-VALUE}")
    Duration timeout;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!headless) {
            Launcher.startApp(new String[]{"--demo"});
            return 0;
        }
        FaultPlan plan;
        try {
            plan = FaultPlan.parse(faults);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--faults: " + e.getMessage());
        }
        PrintStream out = System.out;
        Path folder = data != null ? data : Files.createTempDirectory("fota-desk-demo");
        DeviceSettings settings = new DeviceSettings(512, 5, Duration.ofMillis(200), Duration.ofSeconds(1),
                Duration.ofMillis(500), Duration.ofMillis(300), Duration.ofMillis(300));
        long started = System.nanoTime();
        try (DemoEnvironment demo = DemoEnvironment.start(folder, devices, seed, plan, settings)) {
            out.printf("Backend at %s, %,d simulated devices, faults: %s%n", demo.url(), devices, plan);
            FotaDeskClient client = demo.client();
            String version = DemoEnvironment.NEW_VERSIONS.get(DEVICE_TYPE);
            FirmwareView image = client.firmware().stream()
                    .filter(f -> f.deviceType().equals(DEVICE_TYPE) && f.version().equals(version)).findFirst().orElseThrow();
            CampaignView campaign = client.createCampaign(new NewCampaign("Demo: " + DEVICE_TYPE + " " + version,
                    image.id(), new CampaignTarget(null, DEVICE_TYPE, null, null, null, null),
                    List.of(PhaseSpec.percent(5), PhaseSpec.percent(25), PhaseSpec.percent(100)),
                    80, 20, 120L, 1, null, false, true));
            out.printf("Campaign \"%s\": %d devices in phases of %s%n", campaign.name(), campaign.devices(),
                    campaign.phases().stream().map(p -> String.valueOf(p.devices())).toList());
            return follow(client, campaign.id(), out, started);
        }
    }

    /** Prints each phase's progress as it changes until the campaign completes, pauses or times out. */
    private int follow(FotaDeskClient client, String id, PrintStream out, long started) throws InterruptedException {
        long deadline = started + timeout.toNanos();
        String last = "";
        CampaignView c = client.campaign(id);
        while (c.state().wireName().equals("running") || c.state().wireName().equals("scheduled")) {
            if (System.nanoTime() > deadline) {
                out.println("Gave up after " + timeout + ": the campaign is still " + c.state().wireName());
                return 2;
            }
            String line = progress(c);
            if (!line.equals(last)) {
                out.printf("%6.1fs  %s%n", (System.nanoTime() - started) / 1e9, line);
                last = line;
            }
            Thread.sleep(500);
            c = client.campaign(id);
        }
        out.printf("%6.1fs  campaign %s%s%n%n", (System.nanoTime() - started) / 1e9, c.state().wireName(),
                c.stateReason() == null ? "" : ": " + c.stateReason());
        out.print(table(c));
        return c.state().wireName().equals("completed") ? 0 : 1;
    }

    private static String progress(CampaignView c) {
        PhaseView p = c.phases().get(Math.max(0, c.currentPhase()));
        return String.format(Locale.ROOT, "phase %d/%d: %d of %d updated, %d failed, %d in progress",
                p.index() + 1, c.phases().size(), n(p.counts(), "succeeded"), p.devices(),
                n(p.counts(), "failed") + n(p.counts(), "timed_out"),
                p.devices() - n(p.counts(), "succeeded") - n(p.counts(), "failed") - n(p.counts(), "timed_out")
                        - n(p.counts(), "waiting") - n(p.counts(), "cancelled"));
    }

    static String table(CampaignView c) {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%-8s %8s %10s %8s %10s%n",
                "phase", "devices", "succeeded", "failed", "timed out"));
        for (PhaseView p : c.phases()) {
            t.append(String.format(Locale.ROOT, "%-8d %8d %10d %8d %10d%n", p.index() + 1, p.devices(),
                    n(p.counts(), "succeeded"), n(p.counts(), "failed"), n(p.counts(), "timed_out")));
        }
        t.append(String.format(Locale.ROOT, "%-8s %8d %10d %8d %10d%n", "total", c.devices(),
                n(c.counts(), "succeeded"), n(c.counts(), "failed"), n(c.counts(), "timed_out")));
        return t.toString();
    }

    private static int n(Map<String, Integer> counts, String state) {
        return counts.getOrDefault(state, 0);
    }
}
