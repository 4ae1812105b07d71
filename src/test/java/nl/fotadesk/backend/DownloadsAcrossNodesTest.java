package nl.fotadesk.backend;

import nl.fotadesk.backend.store.Database;
import nl.fotadesk.backend.store.DownloadStore;
import nl.fotadesk.protocol.DeviceUrn;
import nl.fotadesk.protocol.Downlink;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static nl.fotadesk.backend.TestBackend.pack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two backends on one PostgreSQL database serve the same downloads: each serves from parts it leased
 * from the download's one count, so the request limit holds exactly across them, and a download ended
 * through one is refused by both within a second.
 */
class DownloadsAcrossNodesTest {
    private static final int LIMIT = 19_999;
    private static final String IMEI = "356938035643809";
    private static final String FIRMWARE = "{\"n\":\"firmware\",\"vs\":\"1.0.0\"}";

    @TempDir
    Path data;
    private String jdbcUrl;
    private TestBackend a;
    private TestBackend b;
    private final OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false)
            .callTimeout(Duration.ofSeconds(30)).build();

    @BeforeEach
    void startTwoNodes() throws Exception {
        BackendConfig first = TestPostgres.config(data.resolve("a"), TestBackend.API_KEY).withEngineTick(Duration.ZERO);
        jdbcUrl = first.jdbcUrl();
        a = new TestBackend(first);
        b = new TestBackend(first.withDataDir(data.resolve("b")));
    }

    @AfterEach
    void stop() throws Exception {
        a.close();
        b.close();
        http.dispatcher().executorService().shutdown();
    }

    @Test
    void theRequestLimitHoldsExactlyWhenBothNodesServeTheSameDownload() throws Exception {
        String path = update("2.0.0");
        int left = 300;
        try (Database db = Database.open(jdbcUrl, TestPostgres.USER, TestPostgres.PASSWORD)) {
            new DownloadStore(db.jdbc()).saveCounters(id(path), LIMIT - left, 0);
        }
        Downlink downlink = downlink();
        AtomicInteger served = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            TestBackend node = c % 2 == 0 ? a : b;
            done.add(clients.submit(() -> {
                for (int i = 0; i < 2 * left / 8 + 10; i++) {
                    int status = get(node, path, downlink.token());
                    if (status != 206 && status != 429) {
                        throw new AssertionError("answered " + status);
                    }
                    if (status == 206) {
                        served.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        clients.shutdown();
        assertThat(served.get()).as("parts served by both nodes together").isLessThanOrEqualTo(left);
        // a node refuses once the database has no parts left to lease, though the other may still hold
        // some; it gives back what it leaves unused at its second reconciliation
        for (int round = 0; round < 2; round++) {
            a.server().countServedParts();
            b.server().countServedParts();
        }
        for (TestBackend node : List.of(a, b, a, b)) {
            while (get(node, path, downlink.token()) == 206) {
                served.incrementAndGet();
            }
        }
        assertThat(served.get()).as("parts served by both nodes, in all").isEqualTo(left);
        a.server().countServedParts();
        b.server().countServedParts();
        try (Database db = Database.open(jdbcUrl, TestPostgres.USER, TestPostgres.PASSWORD)) {
            assertThat(new DownloadStore(db.jdbc()).find(id(path)).orElseThrow().requestCount()).isEqualTo(LIMIT);
        }
        assertThat(get(a, path, downlink.token())).isEqualTo(429);
        assertThat(get(b, path, downlink.token())).isEqualTo(429);
    }

    @Test
    void aDownloadReplacedThroughOneNodeIsRefusedByBothWithinOneSecond() throws Exception {
        String path = update("2.0.0");
        Downlink downlink = downlink();
        assertThat(get(a, path, downlink.token())).isEqualTo(206);
        assertThat(get(b, path, downlink.token())).as("node B now holds a lease on the download").isEqualTo(206);

        String next = update("3.0.0");
        long replaced = System.nanoTime();
        assertThat(next).isNotEqualTo(path);
        assertThat(get(a, path, downlink.token())).as("the node it was replaced through").isEqualTo(410);
        await("node B refuses the replaced download").atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> get(b, path, downlink.token()) == 410);
        assertThat(Duration.ofNanos(System.nanoTime() - replaced)).isLessThan(Duration.ofSeconds(1));
        assertThat(get(a, path, downlink.token())).isEqualTo(410);
        Downlink renewed = downlink();
        assertThat(get(b, next, renewed.token())).as("the new download").isEqualTo(206);
    }

    /** Gives the device a new update through node A; returns the path of its download. */
    private String update(String version) throws IOException {
        if (version.equals("2.0.0")) {
            a.registerDevice(IMEI, "tracker-x", "1.0.0");
        }
        byte[] image = new byte[4096];
        new Random(version.hashCode()).nextBytes(image);
        a.setDesired(IMEI, a.uploadFirmware("tracker-x", version, image));
        return URI.create(downlink().url()).getPath();
    }

    private Downlink downlink() throws IOException {
        try (Response r = a.uplink(pack(IMEI, FIRMWARE))) {
            return Downlink.parse(r.body().bytes(), DeviceUrn.of(IMEI)).orElseThrow();
        }
    }

    private int get(TestBackend node, String path, String token) throws IOException {
        Request request = new Request.Builder().url(node.url() + path).header("Authorization", "Bearer " + token)
                .header("Range", "bytes=0-99").build();
        try (Response r = http.newCall(request).execute()) {
            r.body().bytes();
            return r.code();
        }
    }

    private static String id(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
