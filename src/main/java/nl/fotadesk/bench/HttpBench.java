package nl.fotadesk.bench;

import nl.fotadesk.backend.BackendConfig;
import nl.fotadesk.backend.BackendServer;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.client.HttpFotaDeskClient;
import nl.fotadesk.device.DeviceHttp;
import nl.fotadesk.protocol.api.NewDevice;
import nl.fotadesk.protocol.DeviceUrn;
import nl.fotadesk.protocol.Downlink;
import nl.fotadesk.protocol.Imei;
import nl.fotadesk.protocol.MessageToken;
import okhttp3.OkHttpClient;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * Loopback throughput of the file server and of ingestion, each beside the same Jetty serving an
 * empty handler and (where installed) nginx serving the same image with the same ranged load, in the
 * same run, reported as medians of several rounds and their ratios. On PostgreSQL it can load several
 * backend nodes sharing one database, the clients spread evenly over them.
 */
@Command(name = "http", mixinStandardHelpOptions = true,
        description = "Measures file server and ingestion throughput on loopback against an empty Jetty handler"
                + " and nginx (where installed), on H2 or PostgreSQL, with one or more backend nodes.")
public final class HttpBench implements Callable<Integer> {
    private static final String API_KEY = "bench-api-key";
    private static final String SECRET = "BenchSecretBenchSecretBenchSecret01";
    private static final int IMAGE_SIZE = 256 * 1024;
    /** A scenario warms up in slices this long ... */
    private static final double WARM_UP_SLICE_SECONDS = 2;
    /** ... until one adds less than this much JIT compilation (milliseconds of the compiler threads). */
    private static final long QUIET_COMPILER_MILLIS = 20;

    @Option(names = "--clients", defaultValue = "64", description = "Concurrent keep-alive clients. Default: ${DEFAULT-VALUE}")
    int clients;
    @Option(names = "--devices", defaultValue = "1000", description = "Devices per scenario. Default: ${DEFAULT-VALUE}")
    int devices;
    @Option(names = "--rounds", defaultValue = "5", description = "Measured rounds per scenario. Default: ${DEFAULT-VALUE}")
    int rounds;
    @Option(names = "--seconds", defaultValue = "4", description = "Length of one round. Default: ${DEFAULT-VALUE}")
    double seconds;
    @Option(names = "--warm-up", defaultValue = "40", description = "Longest warm-up of each scenario, in seconds:"
            + " it ends sooner once the JIT compiler is quiet. Default: ${DEFAULT-VALUE}")
    double warmUpSeconds;
    @Option(names = "--jdbc-url", description = "A PostgreSQL database to run on (its password from the environment"
            + " variable FOTA_DESK_JDBC_PASSWORD). Default: an H2 database in a temporary folder")
    String jdbcUrl;
    @Option(names = "--jdbc-user", description = "The database user")
    String jdbcUser;
    @Option(names = "--nodes", defaultValue = "1", description = "Backend nodes on the one database (more than one"
            + " needs --jdbc-url). Default: ${DEFAULT-VALUE}")
    int nodes;
    @Option(names = "--device-port", description = "Serve the devices on a port of their own (Netty), as"
            + " 'server --device-port' does; without it, on the management API's Jetty port.")
    boolean devicePort;

    private final OkHttpClient http = new OkHttpClient();
    /** Per scenario, the CPU time this JVM spent per request answered, in microseconds. */
    private final Map<String, List<Double>> cpuPerRequest = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        if (nodes < 1 || (nodes > 1 && jdbcUrl == null)) {
            System.err.println("--nodes above 1 needs a shared database: give --jdbc-url");
            return 2;
        }
        byte[] image = new byte[IMAGE_SIZE];
        new Random(7).nextBytes(image);
        Server empty = emptyServer();
        List<BackendServer> backends = new ArrayList<>();
        Optional<NginxBaseline> nginx = Optional.empty();
        try {
            for (int i = 0; i < nodes; i++) {
                backends.add(BackendServer.start(config(Files.createTempDirectory("fota-desk-bench"))));
            }
            nginx = NginxBaseline.start(image);
            if (nginx.isEmpty()) {
                System.out.println("nginx is not installed: the file server is compared with the empty handler only");
            }
            BackendServer first = backends.get(0);
            URI uri = URI.create(first.baseUrl());
            int[] ports = backends.stream().mapToInt(b -> URI.create(b.deviceUrl()).getPort()).toArray();
            int emptyPort = ((ServerConnector) empty.getConnectors()[0]).getLocalPort();
            System.out.printf("%d node(s) on %s, devices on %s; setting up %d downloads and %d uplinking devices ...%n",
                    nodes, jdbcUrl == null ? "H2" : "PostgreSQL", devicePort ? "their own port (Netty)" : "the Jetty port",
                    devices, devices);
            List<Downlink> downloads = prepareDownloads(first.baseUrl(), first.deviceUrl(), image);
            List<byte[]> uplinks = prepareUplinks(first.baseUrl(), uri.getHost());

            Map<String, List<Double>> results = new LinkedHashMap<>();
            for (int round = 0; round <= rounds; round++) {
                boolean warmUp = round == 0;
                for (int part : new int[]{512, 4096}) {
                    LoadRun.Requests requests = partRequests(downloads, part, uri.getHost());
                    measure(results, warmUp, "empty handler, GET " + part + " B part", uri.getHost(), new int[]{emptyPort}, requests);
                    if (nginx.isPresent()) {
                        measure(results, warmUp, "nginx, GET " + part + " B part", uri.getHost(),
                                new int[]{nginx.get().port()}, requests);
                    }
                    measure(results, warmUp, "file server, GET " + part + " B part", uri.getHost(), ports, requests);
                }
                LoadRun.Requests posts = (c, n) -> uplinks.get((int) ((c + (long) clients * n) % uplinks.size()));
                measure(results, warmUp, "empty handler, POST uplink", uri.getHost(), new int[]{emptyPort}, posts);
                measure(results, warmUp, "ingestion, POST uplink", uri.getHost(), ports, posts);
            }
            report(results);
        } finally {
            if (nginx.isPresent()) {
                nginx.get().close();
            }
            for (BackendServer b : backends) {
                b.close();
            }
            empty.stop();
            http.dispatcher().executorService().shutdown();
        }
        return 0;
    }

    private BackendConfig config(Path data) {
        BackendConfig local = BackendConfig.local(data, 0, API_KEY);
        BackendConfig config = jdbcUrl == null ? local : new BackendConfig(local.host(), local.port(), data, API_KEY, null,
                local.maxFirmwareSize(), jdbcUrl, jdbcUser, System.getenv("FOTA_DESK_JDBC_PASSWORD"), local.engineTick());
        return devicePort ? config.withDevicePort(new BackendConfig.DevicePort(local.host(), 0)) : config;
    }

    /**
     * Runs one scenario against {@code ports}; with several, also records each node's share. A warm-up
     * runs until the JIT compiler is quiet: a server runs for days, and a round measured while its
     * code is still being compiled (it was 20 to 30 % slower) would measure the compiler.
     */
    private void measure(Map<String, List<Double>> results, boolean warmUp, String name, String host, int[] ports,
                         LoadRun.Requests requests) throws InterruptedException {
        if (warmUp) {
            warmUp(name, host, ports, requests);
            return;
        }
        long cpuBefore = processCpuNanos();
        double[] rates = LoadRun.run(host, ports, clients, seconds, requests, 200, 204, 206);
        long cpuNanos = processCpuNanos() - cpuBefore;
        double total = Arrays.stream(rates).sum();
        double cpuMicrosPerRequest = cpuNanos / 1e3 / (total * seconds);
        results.computeIfAbsent(name, k -> new ArrayList<>()).add(total);
        cpuPerRequest.computeIfAbsent(name, k -> new ArrayList<>()).add(cpuMicrosPerRequest);
        System.out.printf("  %-36s %,10.0f req/s %7.1f µs CPU/req%n", name, total, cpuMicrosPerRequest);
        if (ports.length > 1) {
            for (int i = 0; i < rates.length; i++) {
                results.computeIfAbsent(name + ", node " + (i + 1), k -> new ArrayList<>()).add(rates[i]);
            }
        }
    }

    private void warmUp(String name, String host, int[] ports, LoadRun.Requests requests) throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        double spent = 0;
        long compiled;
        do {
            long before = jit.getTotalCompilationTime();
            LoadRun.run(host, ports, clients, WARM_UP_SLICE_SECONDS, requests, 200, 204, 206);
            compiled = jit.getTotalCompilationTime() - before;
            spent += WARM_UP_SLICE_SECONDS;
        } while (compiled >= QUIET_COMPILER_MILLIS && spent < warmUpSeconds);
        System.out.printf("  %-36s warmed up in %.0f s (%s)%n", name, spent,
                compiled < QUIET_COMPILER_MILLIS ? "compiler quiet" : "compiler still busy: " + compiled + " ms");
    }

    private void report(Map<String, List<Double>> results) {
        System.out.printf("%nMedians of %d rounds of %.0f s, %d clients, %d node(s) on %s:%n", rounds, seconds, clients,
                nodes, jdbcUrl == null ? "H2" : "PostgreSQL");
        for (String[] pair : new String[][]{
                {"file server, GET 512 B part", "empty handler, GET 512 B part"},
                {"file server, GET 512 B part", "nginx, GET 512 B part"},
                {"file server, GET 4096 B part", "empty handler, GET 4096 B part"},
                {"file server, GET 4096 B part", "nginx, GET 4096 B part"},
                {"ingestion, POST uplink", "empty handler, POST uplink"}}) {
            if (!results.containsKey(pair[1])) {
                continue;
            }
            double subject = median(results.get(pair[0]));
            double baseline = median(results.get(pair[1]));
            System.out.printf("  %-30s %,10.0f req/s   %-32s %,10.0f req/s   ratio %5.1f %%%n",
                    pair[0], subject, pair[1], baseline, 100 * subject / baseline);
        }
        // Throughput follows whatever else runs on the machine; CPU time per request hardly does.
        System.out.println("CPU time of this JVM (the load clients and the servers in it; nginx runs in a process"
                + " of its own) per request, medians:");
        cpuPerRequest.forEach((name, values) -> System.out.printf("  %-44s %6.1f µs%n", name, median(values)));
        results.forEach((name, values) -> {
            if (name.contains(", node ")) {
                System.out.printf("  %-44s %,10.0f req/s%n", name, median(values));
            }
        });
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private LoadRun.Requests partRequests(List<Downlink> downloads, int part, String host) {
        int parts = (IMAGE_SIZE + part - 1) / part;
        return (c, n) -> {
            Downlink d = downloads.get((int) ((c + (long) clients * (n / parts)) % downloads.size()));
            long first = (n % parts) * part;
            return ("GET " + URI.create(d.url()).getPath() + " HTTP/1.1\r\nHost: " + host
                    + "\r\nAuthorization: Bearer " + d.token() + "\r\nRange: bytes=" + first + "-" + (first + part - 1)
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        };
    }

    /** Devices with an update pending, and the downlink each got on its first uplink. */
    private List<Downlink> prepareDownloads(String url, String deviceUrl, byte[] image) throws IOException {
        FotaDeskClient client = new HttpFotaDeskClient(url, API_KEY);
        String firmwareId = client.uploadFirmware("bench", "2.0.0", image).id();
        DeviceHttp device = new DeviceHttp(http, deviceUrl);
        List<Downlink> downlinks = new ArrayList<>();
        for (String imei : register(client, "35000000")) {
            client.setDesiredFirmware(imei, firmwareId);
            DeviceHttp.UplinkAnswer answer = device.uplink(uplinkBody(imei), SECRET);
            downlinks.add(Downlink.parse(answer.body(), DeviceUrn.of(imei)).orElseThrow());
        }
        return downlinks;
    }

    /** Devices in sync, and one prepared, signed uplink request of each. */
    private List<byte[]> prepareUplinks(String url, String host) {
        List<byte[]> requests = new ArrayList<>();
        for (String imei : register(new HttpFotaDeskClient(url, API_KEY), "35100000")) {
            byte[] body = uplinkBody(imei);
            byte[] head = ("POST /ingestion/m2m/senml/v1 HTTP/1.1\r\nHost: " + host
                    + "\r\nContent-Type: application/json\r\n" + MessageToken.HEADER + ": "
                    + MessageToken.compute(body, SECRET) + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            byte[] request = Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, request, head.length, body.length);
            requests.add(request);
        }
        return requests;
    }

    private static byte[] uplinkBody(String imei) {
        return ("[{\"bn\":\"" + DeviceUrn.of(imei) + "\"},{\"n\":\"firmware\",\"vs\":\"1.0.0\"},"
                + "{\"n\":\"temperature\",\"u\":\"Cel\",\"v\":21.5},{\"n\":\"battery\",\"u\":\"%EL\",\"v\":87}]")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Registers {@link #devices} devices whose IMEIs start with {@code tac}; returns their IMEIs. */
    private List<String> register(FotaDeskClient client, String tac) {
        List<NewDevice> fleet = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            fleet.add(new NewDevice(Imei.withCheckDigit(tac + String.format("%06d", i)), "bench", "bench", SECRET, "1.0.0"));
        }
        client.registerDevices(fleet);
        return fleet.stream().map(NewDevice::imei).toList();
    }

    private static Server emptyServer() throws Exception {
        Server server = new Server(new QueuedThreadPool(200, 8));
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response,
                                  Callback callback) {
                response.setStatus(200);
                callback.succeeded();
                return true;
            }
        });
        server.start();
        return server;
    }

    /**
     * The CPU time of this JVM. Read through a cast in a method, not a field: the installed app's runtime has
     * no jdk.management module, and a field of that type fails the whole command line as it starts.
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
