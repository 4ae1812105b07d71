package nl.fotadesk.backend;

import nl.fotadesk.backend.store.Database;
import nl.fotadesk.backend.store.DownloadStore;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.client.HttpFotaDeskClient;
import nl.fotadesk.device.DeviceHttp;
import nl.fotadesk.protocol.DeviceUrn;
import nl.fotadesk.protocol.Downlink;
import nl.fotadesk.protocol.Imei;
import nl.fotadesk.protocol.api.CampaignTarget;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.NewCampaign;
import nl.fotadesk.protocol.api.NewDevice;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills a real server process with SIGKILL while acknowledged writes of every kind stream in, starts it
 * again on the same data, and finds every acknowledged write there: registrations, campaigns created,
 * started and paused, uplinks, and the part count of a download.
 */
class CrashDurabilityTest {
    private static final String API_KEY = "crash-test-api-key-0123456789";
    private static final String SECRET = "CrashSecretCrashSecretCrashSecret1";
    private static final String TYPE = "crash-x";
    private static final int PART = 100;
    /** The start line's first URL: where the management API (and, without --device-port, the devices) are served. */
    private static final Pattern LISTENING = Pattern.compile("FOTA Desk backend\\b.*?(https?://[^ ,]+)");
    private static final Duration DEADLINE = Duration.ofSeconds(40);

    @TempDir
    Path data;

    private final OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false)
            .callTimeout(Duration.ofSeconds(10)).build();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> streams = new ArrayList<>();

    // what the server acknowledged (and, for parts, what was sent at all)
    private final Queue<String> registered = new ConcurrentLinkedQueue<>();
    private final Queue<String> campaignsStarted = new ConcurrentLinkedQueue<>();
    private final Queue<String> campaignsPaused = new ConcurrentLinkedQueue<>();
    private final Map<String, Integer> lastUplink = new ConcurrentHashMap<>();
    private final AtomicInteger uplinksAcknowledged = new AtomicInteger();
    private final AtomicLong partsSent = new AtomicLong();
    private final AtomicLong partsServed = new AtomicLong();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void everyAcknowledgedWriteSurvivesSigkill(String database) throws Exception {
        List<String> options = new ArrayList<>(List.of("--data", data.toString()));
        String jdbcUrl = null;
        if (database.equals("PostgreSQL")) {
            jdbcUrl = TestPostgres.newDatabase();
            options.addAll(List.of("--jdbc-url", jdbcUrl, "--jdbc-user", TestPostgres.USER));
        }
        Server first = Server.start(options, data);
        Downlink download;
        String downloadImei = imei("3520", 0);
        try {
            FotaDeskClient client = new HttpFotaDeskClient(first.url, API_KEY, http);
            byte[] image = new byte[8 * 1024];
            new Random(3).nextBytes(image);
            String firmwareId = client.uploadFirmware(TYPE, "2.0.0", image).id();
            List<String> uplinkers = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                uplinkers.add(imei("3521", i));
            }
            List<NewDevice> fleet = new ArrayList<>();
            for (String imei : uplinkers) {
                fleet.add(device(imei));
            }
            fleet.add(device(downloadImei));
            client.registerDevices(fleet);
            client.setDesiredFirmware(downloadImei, firmwareId);
            DeviceHttp.UplinkAnswer answer = new DeviceHttp(http, first.url).uplink(uplink(downloadImei, 0), SECRET);
            download = Downlink.parse(answer.body(), DeviceUrn.of(downloadImei)).orElseThrow();

            stream(() -> registrations(client, "3522"));
            stream(() -> registrations(client, "3523"));
            stream(() -> campaigns(client, firmwareId));
            stream(() -> uplinks(first.url, uplinkers.subList(0, 4)));
            stream(() -> uplinks(first.url, uplinkers.subList(4, 8)));
            stream(() -> parts(download));
            stream(() -> parts(download));
            await("enough acknowledged writes of every kind").atMost(DEADLINE).pollInterval(Duration.ofMillis(20))
                    .until(() -> registered.size() >= 10 && campaignsPaused.size() >= 1
                            && uplinksAcknowledged.get() >= 20 && partsServed.get() >= 40);
        } finally {
            first.kill();
            stop.set(true);
            for (Thread t : streams) {
                t.join();
            }
        }

        String downloadId = download.url().substring(download.url().lastIndexOf('/') + 1);
        // parts stream without pause and the journal is counted every 0.5 s, so the kill falls between
        // the journal and the database: parts answered that only the journal knows of
        try (Database db = database(jdbcUrl)) {
            assertThat((long) new DownloadStore(db.jdbc()).find(downloadId).orElseThrow().requestCount())
                    .as("parts counted in the database when the server was killed").isLessThan(partsServed.get());
        }

        Server second = Server.start(options, data);
        try {
            FotaDeskClient client = new HttpFotaDeskClient(second.url, API_KEY, http);
            for (String imei : registered) {
                assertThat(client.device(imei).imei()).isEqualTo(imei);
            }
            for (String id : campaignsStarted) {
                assertThat(client.campaign(id).state().wireName()).as("campaign " + id).isNotEqualTo("draft");
            }
            for (String id : campaignsPaused) {
                assertThat(client.campaign(id).state().wireName()).as("campaign " + id).isEqualTo("paused");
            }
            for (Map.Entry<String, Integer> acknowledged : lastUplink.entrySet()) {
                DeviceView device = client.device(acknowledged.getKey());
                double stored = ((Number) ((Map<?, ?>) device.telemetry().get("seq")).get("v")).doubleValue();
                assertThat(stored).as("uplinks of " + device.imei()).isGreaterThanOrEqualTo(acknowledged.getValue());
            }
            assertThat(client.device(downloadImei).bytesServed() / PART)
                    .isBetween(partsServed.get(), partsSent.get());
        } finally {
            second.stop();
        }
        try (Database db = database(jdbcUrl)) {
            assertThat((long) new DownloadStore(db.jdbc()).find(downloadId).orElseThrow().requestCount())
                    .as("stored request count: at least the parts answered, at most the parts sent")
                    .isBetween(partsServed.get(), partsSent.get());
        }
    }

    private Database database(String jdbcUrl) {
        return jdbcUrl == null ? Database.inFolder(data) : Database.open(jdbcUrl, TestPostgres.USER, TestPostgres.PASSWORD);
    }

    private void registrations(FotaDeskClient client, String tac) {
        for (int i = 0; !stop.get(); i++) {
            String imei = imei(tac, i);
            if (call(() -> client.registerDevice(device(imei)))) {
                registered.add(imei);
            }
        }
    }

    private void campaigns(FotaDeskClient client, String firmwareId) {
        for (int i = 0; !stop.get(); i++) {
            String imei = imei("3524", i);
            String name = "crash " + i;
            String[] id = new String[1];
            boolean started = call(() -> client.registerDevice(device(imei)))
                    && call(() -> id[0] = client.createCampaign(new NewCampaign(name, firmwareId,
                    new CampaignTarget(null, null, null, List.of(imei), null, null), null, null, null, null, null, null,
                    null, true)).id());
            if (started) {
                campaignsStarted.add(id[0]);
                if (call(() -> client.pauseCampaign(id[0]))) {
                    campaignsPaused.add(id[0]);
                }
            }
        }
    }

    private void uplinks(String url, List<String> imeis) {
        DeviceHttp device = new DeviceHttp(http, url);
        for (int seq = 1; !stop.get(); seq++) {
            for (String imei : imeis) {
                int n = seq;
                if (call(() -> {
                    if (device.uplink(uplink(imei, n), SECRET).status() != 204) {
                        throw new IllegalStateException("not stored");
                    }
                })) {
                    lastUplink.put(imei, n);
                    uplinksAcknowledged.incrementAndGet();
                }
            }
        }
    }

    private void parts(Downlink download) {
        while (!stop.get()) {
            Request request = new Request.Builder().url(download.url())
                    .header("Authorization", "Bearer " + download.token())
                    .header("Range", "bytes=0-" + (PART - 1)).build();
            partsSent.incrementAndGet();
            try (Response r = http.newCall(request).execute()) {
                if (r.code() == 206 && r.body().bytes().length == PART) {
                    partsServed.incrementAndGet();
                }
            } catch (IOException e) {
                // the server is gone; the loop ends once the test says so
            }
        }
    }

    private interface Call {
        void run() throws Exception;
    }

    /** True when the server acknowledged the call; failures are expected once it is killed. */
    private static boolean call(Call call) {
        try {
            call.run();
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private void stream(Runnable work) {
        Thread thread = new Thread(work, "stream-" + streams.size());
        streams.add(thread);
        thread.start();
    }

    private static NewDevice device(String imei) {
        return new NewDevice(imei, TYPE, "acme", SECRET, "1.0.0");
    }

    private static String imei(String tac, int n) {
        return Imei.withCheckDigit(tac + String.format("%010d", n));
    }

    private static byte[] uplink(String imei, int seq) {
        return ("[{\"bn\":\"" + DeviceUrn.of(imei) + "\"},{\"n\":\"firmware\",\"vs\":\"1.0.0\"},"
                + "{\"n\":\"seq\",\"v\":" + seq + "}]").getBytes(StandardCharsets.UTF_8);
    }

    /** A {@code fota-desk server} process on a free loopback port. */
    private record Server(Process process, String url) {
        static Server start(List<String> options, Path data) throws Exception {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-cp", System.getProperty("java.class.path"),
                    // the shipped logging setup (the tests' own is silent), which prints where it listens
                    "-Dlogback.configurationFile=" + Path.of(CrashDurabilityTest.class.getResource("/logback.xml").toURI()),
                    "-Dfotadesk.logs=" + data.resolve("logs"),
                    "nl.fotadesk.cli.Launcher", "server", "--host", "127.0.0.1", "--port", "0"));
            command.addAll(options);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("FOTA_DESK_API_KEY", API_KEY);
            Process process = builder.start();
            CompletableFuture<String> url = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    StringBuilder log = new StringBuilder();
                    for (String line; (line = out.readLine()) != null; ) {
                        Matcher m = LISTENING.matcher(line);
                        if (m.find()) {
                            url.complete(m.group(1));
                        } else if (!url.isDone()) {
                            log.append(line).append('\n');
                        }
                    }
                    url.completeExceptionally(new AssertionError("the server ended before listening:\n" + log));
                } catch (IOException e) {
                    url.completeExceptionally(e);
                }
            }, "server-output");
            reader.setDaemon(true);
            reader.start();
            try {
                return new Server(process, url.get(DEADLINE.toSeconds(), TimeUnit.SECONDS));
            } catch (Exception e) {
                process.destroyForcibly().waitFor();
                throw e;
            }
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }

        /** Stops the server as an operator would (SIGTERM), so its database is closed cleanly. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
