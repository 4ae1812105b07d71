package nl.fotadesk.backend;

import nl.fotadesk.backend.http.ClientTimeouts;
import nl.fotadesk.protocol.Imei;
import nl.fotadesk.protocol.MessageToken;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static nl.fotadesk.backend.TestBackend.pack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Slow clients can neither stall the server nor keep their connections: 400 clients that announce a
 * large body and trickle it, and 300 that send their request head a byte at a time (slowloris), while
 * operators and devices are answered within 2 s; then the server closes every slow connection within
 * the bounds it is configured with, although each one sends a byte more often than the idle timeout.
 * With devices on Jetty's one port, and on Netty's own (slow uplinks and half the slow heads there).
 */
@ParameterizedClass(name = "devices on {0}")
@EnumSource(DeviceTransport.class)
class SlowClientTest {
    static final String IMEI = "490154203237518";
    /** Shorter than the deadlines, longer than the trickle: a byte now and then keeps it from firing. */
    static final Duration IDLE = Duration.ofSeconds(3);
    /** Long enough to open all slow connections and make requests before the first one is due. */
    static final Duration HEAD = Duration.ofSeconds(10);
    static final Duration BODY = Duration.ofSeconds(10);
    static final Duration TRICKLE = Duration.ofSeconds(1);
    /** Allowance for a loaded test machine: the sweep period, scheduling and noticing the close. */
    static final Duration SLACK = Duration.ofSeconds(3);
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);
    static final int SLOW_BODIES = 400;
    static final int SLOW_HEADS = 300;

    @Parameter
    DeviceTransport transport;
    @TempDir
    Path data;

    @Test
    void slowBodiesAndSlowHeadsNeitherStallTheServerNorStayConnected() throws Exception {
        BackendConfig config = transport.apply(BackendConfig.local(data, 0, TestBackend.API_KEY)
                .withClientTimeouts(new ClientTimeouts(HEAD, IDLE, BODY)));
        try (TestBackend backend = new TestBackend(config); SlowClients slow = new SlowClients()) {
            int devices = backend.devicePort();
            int management = backend.port();
            backend.registerDevice(IMEI, "tracker-x", "1.0.0");
            slow.startTrickling();
            String uplink = pack(IMEI, "{\"n\":\"firmware\",\"vs\":\"1.0.0\"}");
            // a device's uplink, and an operator's (authenticated) registration, that never finish
            String slowUplink = "POST /ingestion/m2m/senml/v1 HTTP/1.1\r\nHost: fota\r\n" + MessageToken.HEADER + ": "
                    + MessageToken.compute(new byte[60_000], TestBackend.SECRET)
                    + "\r\nContent-Type: application/json\r\nContent-Length: 60000\r\n\r\n[";
            String slowRegistration = "POST /api/v1/devices HTTP/1.1\r\nHost: fota\r\nAuthorization: Bearer "
                    + TestBackend.API_KEY + "\r\nContent-Type: application/json\r\nContent-Length: 60000\r\n\r\n[";
            String slowHead = "GET /api/v1/devices HTTP/1.1\r\nHost: fota\r\nX-Slow: ";
            List<Callable<SlowClient>> opens = new ArrayList<>();
            for (int i = 0; i < SLOW_BODIES / 2; i++) {
                opens.add(() -> slow.open(SlowClient.Kind.BODY, devices, slowUplink));
                opens.add(() -> slow.open(SlowClient.Kind.BODY, management, slowRegistration));
            }
            for (int i = 0; i < SLOW_HEADS; i++) {
                int port = i % 2 == 0 ? devices : management;
                opens.add(() -> slow.open(SlowClient.Kind.HEAD, port, slowHead));
            }
            ExecutorService openers = Executors.newFixedThreadPool(8);
            try {
                for (Future<SlowClient> opened : openers.invokeAll(opens)) {
                    opened.get();
                }
            } finally {
                openers.shutdown();
            }

            // requests for 3 s, ending well before the first slow connection is due to be closed
            long requestsEnd = Math.min(System.nanoTime() + TimeUnit.SECONDS.toNanos(3),
                    slow.firstOpenedAt() + HEAD.minusSeconds(2).toNanos());
            int round = 0;
            do {
                String imei = Imei.withCheckDigit(String.format("35693803%06d", round));
                answeredInTime("GET /api/v1/devices", () -> backend.api("GET", "/api/v1/devices?limit=5", null), 200);
                answeredInTime("POST /api/v1/devices", () -> backend.api("POST", "/api/v1/devices",
                        "{\"imei\":\"" + imei + "\",\"deviceType\":\"tracker-x\",\"client\":\"acme\",\"secret\":\""
                                + TestBackend.SECRET + "\",\"firmware\":\"1.0.0\"}"), 201);
                answeredInTime("a signed uplink", () -> backend.uplink(uplink), 204);
                round++;
            } while (System.nanoTime() < requestsEnd || round < 3);
            assertThat(slow.closedSoFar()).as("slow connections closed while the requests were answered").isZero();

            Duration lastDue = (HEAD.compareTo(BODY) > 0 ? HEAD : BODY).plus(SLACK);
            await("every slow connection closed by the server").atMost(lastDue)
                    .pollInterval(Duration.ofMillis(100)).until(() -> slow.closedSoFar() == slow.clients.size());
            for (SlowClient c : slow.clients) {
                Duration bound = (c.kind == SlowClient.Kind.HEAD ? HEAD : BODY).plus(SLACK);
                assertThat(c.connectedFor()).as(c.kind + " connection closed by the server within " + bound)
                        .isLessThanOrEqualTo(bound);
            }
            List<String> bodyAnswers = slow.clients.stream().filter(c -> c.kind == SlowClient.Kind.BODY)
                    .map(SlowClient::answer).filter(a -> !a.isEmpty()).toList();
            assertThat(bodyAnswers).as("answers to the slow bodies (a few may be lost to a reset)")
                    .hasSizeGreaterThan(SLOW_BODIES / 2)
                    .allSatisfy(a -> assertThat(a).startsWith("HTTP/1.1 408 ").contains("request_timeout")
                            .contains("did not arrive within " + BODY.toMillis() + " ms"));
            assertThat(slow.clients.stream().filter(c -> c.kind == SlowClient.Kind.HEAD).map(SlowClient::answer))
                    .as("a slow head is closed without an answer").allSatisfy(a -> assertThat(a).isEmpty());
        }
    }

    @FunctionalInterface
    interface Call {
        Response execute() throws IOException;
    }

    private static void answeredInTime(String what, Call call, int status) throws IOException {
        long start = System.nanoTime();
        try (Response r = call.execute()) {
            String body = r.body().string();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(r.code()).as(what + ": " + body).isEqualTo(status);
            assertThat(took).as(what + " answered within " + ANSWER_WITHIN).isLessThanOrEqualTo(ANSWER_WITHIN);
        }
    }

    /** One raw connection that sends a request start, then a byte per trickle, and notes when the server closes it. */
    static final class SlowClient {
        enum Kind { BODY, HEAD }

        final Kind kind;
        final SocketChannel channel;
        final long openedAt = System.nanoTime();
        final StringBuilder received = new StringBuilder();
        long closedAt;

        SlowClient(Kind kind, int port, String start) throws IOException {
            this.kind = kind;
            channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            channel.configureBlocking(false);
            write(start);
        }

        boolean open() {
            return closedAt == 0;
        }

        Duration connectedFor() {
            return Duration.ofNanos(closedAt - openedAt);
        }

        String answer() {
            return received.toString();
        }

        /** Reads what the server sent; notes the close (end of stream or reset). */
        void poll(ByteBuffer buffer) {
            try {
                int n;
                while ((n = channel.read(buffer.clear())) > 0) {
                    received.append(new String(buffer.array(), 0, n, StandardCharsets.ISO_8859_1));
                }
                if (n < 0) {
                    closed();
                }
            } catch (IOException reset) {
                closed();
            }
        }

        void trickle() {
            try {
                write("a");
            } catch (IOException reset) {
                closed();
            }
        }

        private void write(String bytes) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(bytes.getBytes(StandardCharsets.ISO_8859_1));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }

        private void closed() {
            closedAt = System.nanoTime();
            try {
                channel.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    /**
     * The slow connections, watched from the start by one thread that reads what comes and trickles a
     * byte into each every {@link #TRICKLE}.
     */
    static final class SlowClients implements AutoCloseable {
        final List<SlowClient> clients = new ArrayList<>();
        private Thread watcher;

        SlowClient open(SlowClient.Kind kind, int port, String start) throws IOException {
            SlowClient client = new SlowClient(kind, port, start);
            synchronized (this) {
                clients.add(client);
            }
            return client;
        }

        void startTrickling() {
            watcher = new Thread(this::watch, "slow-clients");
            watcher.setDaemon(true);
            watcher.start();
        }

        private void watch() {
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            long nextTrickle = System.nanoTime() + TRICKLE.toNanos();
            while (!Thread.currentThread().isInterrupted()) {
                boolean trickle = System.nanoTime() >= nextTrickle;
                if (trickle) {
                    nextTrickle += TRICKLE.toNanos();
                }
                synchronized (this) {
                    for (SlowClient c : clients) {
                        if (c.open()) {
                            c.poll(buffer);
                        }
                        if (c.open() && trickle) {
                            c.trickle();
                        }
                    }
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        synchronized long firstOpenedAt() {
            return clients.stream().mapToLong(c -> c.openedAt).min().orElseThrow();
        }

        synchronized long closedSoFar() {
            return clients.stream().filter(c -> !c.open()).count();
        }

        @Override
        public void close() throws Exception {
            if (watcher != null) {
                watcher.interrupt();
                watcher.join();
            }
            for (SlowClient c : clients) {
                c.channel.close();
            }
        }
    }
}
