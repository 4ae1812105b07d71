package nl.fotadesk.bench;

import nl.fotadesk.backend.BackendConfig;
import nl.fotadesk.backend.BackendServer;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.client.HttpFotaDeskClient;
import nl.fotadesk.device.Device;
import nl.fotadesk.device.DeviceIdentity;
import nl.fotadesk.device.DeviceSettings;
import nl.fotadesk.device.fleet.FaultPlan;
import nl.fotadesk.device.fleet.Fleet;
import nl.fotadesk.device.fleet.FleetGenerator;
import nl.fotadesk.device.fleet.FleetRegistration;
import nl.fotadesk.protocol.UpdateResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Simulator scale: N devices in this JVM beside the backend update one image; reports wall time,
 * requests per second and peak heap, for several fleet sizes.
 */
@Command(name = "fleet", mixinStandardHelpOptions = true,
        description = "Times fleets of simulated devices updating an image beside the backend in this JVM.")
public final class FleetBench implements Callable<Integer> {
    private static final String API_KEY = "bench-api-key";

    @Option(names = "--devices", split = ",", defaultValue = "1000,3000,10000",
            description = "Fleet sizes to run, one after the other. Default: ${DEFAULT-VALUE}")
    List<Integer> sizes;
    @Option(names = "--image-kib", defaultValue = "256", description = "Image size in KiB. Default: ${DEFAULT-VALUE}")
    int imageKib;
    @Option(names = "--part-size", defaultValue = "2048", description = "Part size in bytes. Default: ${DEFAULT-VALUE}")
    int partSize;
    @Option(names = "--workers", defaultValue = "64", description = "Simulator worker threads. Default: ${DEFAULT-VALUE}")
    int workers;

    @Override
    public Integer call() throws Exception {
        System.out.printf("%8s %10s %12s %14s %16s%n", "devices", "wall s", "requests/s", "peak heap MiB", "heap before MiB");
        for (int size : sizes) {
            run(size);
        }
        return 0;
    }

    private void run(int size) throws Exception {
        Path data = Files.createTempDirectory("fota-desk-fleet-bench");
        byte[] image = new byte[imageKib * 1024];
        new Random(size).nextBytes(image);
        List<DeviceIdentity> identities = FleetGenerator.generate(size, size);
        try (BackendServer backend = BackendServer.start(BackendConfig.local(data, 0, API_KEY))) {
            String url = backend.baseUrl();
            FotaDeskClient client = new HttpFotaDeskClient(url, API_KEY);
            FleetRegistration.register(client, identities);
            Map<String, String> firmware = new HashMap<>();
            for (FleetGenerator.DeviceModel model : FleetGenerator.MODELS) {
                firmware.put(model.deviceType(), client.uploadFirmware(model.deviceType(), "9.0.0", image).id());
            }
            for (DeviceIdentity d : identities) {
                client.setDesiredFirmware(d.imei(), firmware.get(d.deviceType()));
            }
            long heapBefore = usedHeapAfterGc();
            PeakHeap peak = new PeakHeap();
            DeviceSettings settings = new DeviceSettings(partSize, 5, Duration.ofMillis(500), Duration.ofSeconds(5),
                    Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofMillis(200));
            long start = System.nanoTime();
            try (Fleet fleet = new Fleet(url, identities, settings, FaultPlan.NONE, size, workers)) {
                fleet.start(Duration.ofSeconds(1));
                while (fleet.devices().stream().anyMatch(d -> d.lastResult() != UpdateResult.SUCCESS)) {
                    Thread.sleep(100);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long requests = fleet.stats().partRequests() + fleet.stats().uplinks();
                peak.stop();
                System.out.printf("%,8d %10.1f %,12.0f %14d %16d%n", size, seconds, requests / seconds,
                        peak.max.get() >> 20, heapBefore >> 20);
                if (fleet.devices().stream().map(Device::partRequests).anyMatch(n -> n != image.length / partSize)) {
                    System.out.println("  (some devices fetched parts more than once)");
                }
            }
        }
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Samples the used heap every 50 ms and keeps the highest value. */
    private static final class PeakHeap {
        final AtomicLong max = new AtomicLong();
        final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

        PeakHeap() {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            sampler.scheduleAtFixedRate(() -> max.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                    0, 50, TimeUnit.MILLISECONDS);
        }

        void stop() {
            sampler.shutdownNow();
        }
    }
}
