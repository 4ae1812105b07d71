package nl.fotadesk.bench;

import nl.fotadesk.client.DeviceQuery;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.device.DeviceIdentity;
import nl.fotadesk.device.fleet.FleetGenerator;
import nl.fotadesk.protocol.api.DeviceStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * What the devices table asks of the server with a large fleet: the first page, a deep page, filters
 * and an IMEI search, each timed many times over HTTP through the client the app uses.
 */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "Times the device table's queries (pages, filters, IMEI search) against a backend with many devices.")
public final class DevicesBench implements Callable<Integer> {
    @Option(names = "--devices", defaultValue = "100000", description = "Registered devices. Default: ${DEFAULT-VALUE}")
    int devices;
    @Option(names = "--runs", defaultValue = "25", description = "Runs per query. Default: ${DEFAULT-VALUE}")
    int runs;
    @Option(names = "--page", defaultValue = "100", description = "Page size. Default: ${DEFAULT-VALUE}")
    int page;

    @Override
    public Integer call() throws Exception {
        try (RegisteredFleet registered = RegisteredFleet.start("devices", devices, RegisteredFleet::asGenerated)) {
            FotaDeskClient client = registered.client();
            List<DeviceIdentity> fleet = registered.devices();
            // every run asks something else: H2 answers a repeated query from its result cache
            Random random = new Random(1);
            List<String> clients = FleetGenerator.CLIENTS;
            Map<String, Supplier<?>> queries = new LinkedHashMap<>();
            queries.put("first page", () -> client.devices(DeviceQuery.ALL.page(0, page + random.nextInt(50))));
            queries.put("a page anywhere", () -> client.devices(DeviceQuery.ALL.page(random.nextInt(devices - page), page)));
            queries.put("filter: client", () -> client.devices(DeviceQuery.ALL
                    .withClient(clients.get(random.nextInt(clients.size()))).page(random.nextInt(100), page)));
            queries.put("filter: client + type + firmware", () -> {
                FleetGenerator.DeviceModel m = FleetGenerator.MODELS.get(random.nextInt(FleetGenerator.MODELS.size()));
                return client.devices(DeviceQuery.ALL.withClient(clients.get(random.nextInt(clients.size())))
                        .withDeviceType(m.deviceType()).withFirmware(m.firmware()).page(random.nextInt(100), page));
            });
            queries.put("filter: status", () -> client.devices(DeviceQuery.ALL.withStatus(DeviceStatus.IN_SYNC)
                    .page(random.nextInt(1000), page)));
            queries.put("IMEI search: first 11 digits", () -> client.devices(DeviceQuery.ALL
                    .withImeiContaining(fleet.get(random.nextInt(devices)).imei().substring(0, 11)).page(0, page)));
            queries.put("IMEI search: 6 digits inside", () -> client.devices(DeviceQuery.ALL
                    .withImeiContaining(fleet.get(random.nextInt(devices)).imei().substring(7, 13)).page(0, page)));
            queries.put("IMEI search: last 4 digits", () -> client.devices(DeviceQuery.ALL
                    .withImeiContaining(fleet.get(random.nextInt(devices)).imei().substring(11)).page(0, page)));
            System.out.printf("%-34s %10s %10s%n", "query (" + page + " rows)", "median ms", "max ms");
            for (Map.Entry<String, Supplier<?>> q : queries.entrySet()) {
                double[] ms = new double[runs];
                for (int i = -3; i < runs; i++) {
                    long t = System.nanoTime();
                    q.getValue().get();
                    if (i >= 0) {
                        ms[i] = (System.nanoTime() - t) / 1e6;
                    }
                }
                Arrays.sort(ms);
                System.out.printf("%-34s %10.1f %10.1f%n", q.getKey(), ms[runs / 2], ms[runs - 1]);
            }
        }
        return 0;
    }
}
