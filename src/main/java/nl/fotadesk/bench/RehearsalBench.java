package nl.fotadesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.fotadesk.protocol.api.NewDevice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * How long a rehearsal takes, and the heap it needs, for a campaign of 1,000, 10,000 and 100,000
 * devices: over HTTP against a backend holding that many, each size rehearsed three times (7 runs each).
 */
@Command(name = "rehearsal", mixinStandardHelpOptions = true,
        description = "Times POST /api/v1/campaigns/rehearsals for 1,000 / 10,000 / 100,000 twin devices (median of 3) and the peak heap.")
public final class RehearsalBench implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--devices", defaultValue = "100000", description = "Registered devices, the largest size. Default: ${DEFAULT-VALUE}")
    int devices;
    @Option(names = "--repeat", defaultValue = "3", description = "Rehearsals per size. Default: ${DEFAULT-VALUE}")
    int repeat;

    @Override
    public Integer call() throws Exception {
        try (RegisteredFleet fleet = RegisteredFleet.start("rehearsal", devices,
                d -> new NewDevice(d.imei(), "tracker-x", d.client(), d.secret(), "1.0.0"))) {
            String firmwareId = fleet.client().uploadFirmware("tracker-x", "2.0.0", new byte[256 * 1024]).id();
            HttpClient http = HttpClient.newHttpClient();
            System.out.printf("%-10s %12s %12s %14s%n", "devices", "median s", "max s", "peak heap MiB");
            for (int size : List.of(1_000, 10_000, 100_000)) {
                if (size > devices) {
                    break;
                }
                String body = "{\"campaign\":{\"name\":\"bench\",\"firmwareId\":\"" + firmwareId + "\",\"target\":"
                        + "{\"deviceType\":\"tracker-x\",\"cap\":" + size + "},\"phases\":[{\"percent\":5},"
                        + "{\"percent\":25},{\"percent\":100}],\"successThreshold\":90},\"bearers\":{\"tracker-x\":\"NB_IOT\"},\"pricePerMb\":0.5}";
                double[] seconds = new double[repeat];
                System.gc();
                resetPeaks();
                for (int r = 0; r < repeat; r++) {
                    long t = System.nanoTime();
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(fleet.baseUrl()
                                    + "/api/v1/campaigns/rehearsals"))
                            .header("Authorization", "Bearer " + RegisteredFleet.API_KEY)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    seconds[r] = (System.nanoTime() - t) / 1e9;
                    if (answer.statusCode() != 200) {
                        throw new IllegalStateException("rehearsal answered " + answer.statusCode() + ": " + answer.body());
                    }
                    JsonNode f = JSON.readTree(answer.body());
                    if (r == 0) {
                        System.out.printf("  %,d devices: %d runs, duration median %s s, %s MB in all%n", f.get("devices").asInt(),
                                f.get("runs").asInt(), f.get("durationSeconds").get("median"),
                                f.get("data").get("totalBytes").asLong() / 1_000_000);
                    }
                }
                Arrays.sort(seconds);
                System.out.printf("%-10s %12.2f %12.2f %14d%n", String.format("%,d", size), seconds[repeat / 2],
                        seconds[repeat - 1], peakHeap() / (1024 * 1024));
            }
        }
        return 0;
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The heap's peak since the last reset: the sum of the heap pools' peaks (an upper bound). */
    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
