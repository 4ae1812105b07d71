package nl.fotadesk.backend;

import nl.fotadesk.backend.files.DownloadTokens;
import nl.fotadesk.backend.secrets.MasterKey;
import nl.fotadesk.backend.secrets.SecretsConfig;
import nl.fotadesk.backend.store.Database;
import nl.fotadesk.backend.store.SettingsStore;
import nl.fotadesk.bench.RawHttpClient;
import nl.fotadesk.protocol.DeviceUrn;
import nl.fotadesk.protocol.Downlink;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;

import static nl.fotadesk.backend.TestBackend.pack;
import static org.assertj.core.api.Assertions.assertThat;

/** The file server of protocol.md §3, driven over raw sockets where header bytes matter. */
class FileServerTest extends OnEachDeviceServer {
    private static final int CONNECTIONS = 8;
    static final String IMEI = "490154203237518";
    static final int SIZE = 10_000;

    @TempDir
    Path data;
    TestBackend backend;
    byte[] image;
    Downlink downlink;
    String path;

    @BeforeEach
    void start() throws Exception {
        backend = new TestBackend(config(data));
        backend.registerDevice(IMEI, "tracker-x", "1.0.0");
        image = new byte[SIZE];
        new Random(5).nextBytes(image);
        backend.setDesired(IMEI, backend.uploadFirmware("tracker-x", "2.0.0", image));
        try (Response r = backend.uplink(pack(IMEI, "{\"n\":\"firmware\",\"vs\":\"1.0.0\"}"))) {
            downlink = Downlink.parse(r.body().bytes(), DeviceUrn.of(IMEI)).orElseThrow();
        }
        path = URI.create(downlink.url()).getPath();
    }

    @AfterEach
    void stop() throws Exception {
        backend.close();
    }

    @Test
    void servesARangeWith206ContentRangeAndDigest() throws IOException {
        RawHttpClient.Response r = get(downlink.token(), "bytes=0-99");
        assertThat(r.status()).isEqualTo(206);
        assertThat(r.body()).isEqualTo(Arrays.copyOfRange(image, 0, 100));
        assertThat(r.header("Content-Range")).isEqualTo("bytes 0-99/" + SIZE);
        assertThat(r.header("Digest")).isEqualTo("crc32=" + crc(r.body()));
        assertThat(r.header("Content-Length")).isEqualTo("100");
        assertThat(r.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(r.header("Accept-Ranges")).isEqualTo("bytes");
    }

    @Test
    void servesTheWholeFileWithoutContentRange() throws IOException {
        RawHttpClient.Response r = get(downlink.token(), null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(image);
        assertThat(r.headers()).doesNotContainKey("Content-Range");
        assertThat(r.header("Digest")).isEqualTo("crc32=" + crc(image));
    }

    @Test
    void resolvesEveryRangeForm() throws IOException {
        assertRange("bytes=9990-", 9990, SIZE - 1);
        assertRange("bytes=-10", SIZE - 10, SIZE - 1);
        assertRange("bytes=9900-20000", 9900, SIZE - 1);
        RawHttpClient.Response whole = get(downlink.token(), "bytes=-20000");
        assertThat(whole.status()).isEqualTo(206);
        assertThat(whole.body()).isEqualTo(image);
        for (String ignored : new String[]{"items=0-9", "bytes=0-9,20-29"}) {
            RawHttpClient.Response r = get(downlink.token(), ignored);
            assertThat(r.status()).as(ignored).isEqualTo(200);
            assertThat(r.body()).isEqualTo(image);
        }
        for (String bad : new String[]{"bytes=10000-", "bytes=50-10", "bytes=abc"}) {
            RawHttpClient.Response r = get(downlink.token(), bad);
            assertThat(r.status()).as(bad).isEqualTo(416);
            assertThat(r.header("Content-Range")).isEqualTo("bytes */" + SIZE);
        }
    }

    @Test
    void reassemblesAFullDownloadPartByPart() throws Exception {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        int part = 512;
        try (RawHttpClient client = client()) {
            for (int first = 0; first < SIZE; first += part) {
                RawHttpClient.Response r = client.send(request(downlink.token(),
                        "bytes=" + first + "-" + (first + part - 1)));
                assertThat(r.status()).isEqualTo(206);
                assertThat(r.header("Digest")).isEqualTo("crc32=" + crc(r.body()));
                joined.write(r.body());
            }
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        assertThat(java.util.HexFormat.of().formatHex(sha.digest(joined.toByteArray()))).isEqualTo(downlink.sha256());
        assertThat(backend.apiJson("GET", "/api/v1/devices/" + IMEI, null, 200).get("status").asText())
                .isEqualTo("downloading");
    }

    @Test
    void closesTheConnectionAfterThe100thResponse() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", backend.devicePort())) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            for (int i = 1; i <= 100; i++) {
                socket.getOutputStream().write(request(downlink.token(), "bytes=0-9"));
                String head = readHead(in);
                in.readNBytes(10);
                assertThat(head).as("response " + i)
                        .contains(i < 100 ? "\r\nConnection: keep-alive\r\n" : "\r\nConnection: close\r\n");
            }
            assertThat(in.read()).as("the server closed the socket").isEqualTo(-1);
        }
    }

    @Test
    void wrongMethodsAreRefusedWith405AndAllowAndTheConnectionServesOn() throws IOException {
        try (RawHttpClient client = client()) {
            RawHttpClient.Response files = client.send(("DELETE " + path + " HTTP/1.1\r\nHost: m.m\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertThat(files.status()).isEqualTo(405);
            assertThat(files.header("Allow")).isEqualTo("GET, HEAD");
            assertThat(new String(files.body(), StandardCharsets.UTF_8)).contains("\"error\":\"method_not_allowed\"");
            RawHttpClient.Response uplinks = client.send(("GET /ingestion/m2m/senml/v1 HTTP/1.1\r\nHost: m.m\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertThat(uplinks.status()).isEqualTo(405);
            assertThat(uplinks.header("Allow")).isEqualTo("POST");
            assertThat(client.send(request(downlink.token(), "bytes=0-9")).status())
                    .as("the same connection after two refusals").isEqualTo(206);
        }
    }

    @Test
    void acceptsRequestLinesEndingInABareLf() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", backend.devicePort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\nHost: m.m\nAuthorization: Bearer "
                    + downlink.token() + "\nRange: bytes=0-99\nContent-Type: application/json\n\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String head = readHead(socket.getInputStream());
            assertThat(head).startsWith("HTTP/1.1 206 ");
            assertThat(head).contains("\r\nContent-Range: bytes 0-99/" + SIZE + "\r\n");
        }
    }

    @Test
    void answers429FromRequest20000AndRemembersTheCountAcrossARestart() throws Exception {
        assertThat(servePartsOnConnections(15_000)).as("all 15,000 served").isEqualTo(15_000);
        backend.restart();
        assertThat(servePartsOnConnections(4_990)).as("the next 4,990 served").isEqualTo(4_990);
        try (RawHttpClient client = client()) {
            for (int i = 19_991; i <= 19_999; i++) {
                assertThat(client.send(request(downlink.token(), "bytes=0-0")).status()).as("request " + i)
                        .isEqualTo(206);
            }
            RawHttpClient.Response refused = client.send(request(downlink.token(), "bytes=0-0"));
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Content-Type")).startsWith("application/json");
            assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("\"error\"");
        }
    }

    /**
     * Sends {@code parts} requests for a byte of the download over {@value #CONNECTIONS} connections at
     * once, as a busy device port sees them (and in a fraction of the time of one connection's round trips).
     *
     * @return how many were answered 206
     */
    private int servePartsOnConnections(int parts) throws Exception {
        ExecutorService connections = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            List<Future<Integer>> served = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                int share = parts / CONNECTIONS + (c < parts % CONNECTIONS ? 1 : 0);
                served.add(connections.submit(() -> {
                    int ok = 0;
                    try (RawHttpClient client = client()) {
                        for (int i = 0; i < share; i++) {
                            ok += client.send(request(downlink.token(), "bytes=0-0")).status() == 206 ? 1 : 0;
                        }
                    }
                    return ok;
                }));
            }
            int total = 0;
            for (Future<Integer> f : served) {
                total += f.get();
            }
            return total;
        } finally {
            connections.shutdownNow();
        }
    }

    @Test
    void refusesMissingMalformedTamperedExpiredAndForeignTokens() throws Exception {
        RawHttpClient.Response missing = get(null, "bytes=0-9");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(get("not-a-jwt", "bytes=0-9").header("WWW-Authenticate")).isEqualTo("Bearer");

        String[] parts = downlink.token().split("\\.");
        String tamperedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1])).replace(IMEI, "356938035643809").getBytes());
        RawHttpClient.Response tampered = get(parts[0] + "." + tamperedPayload + "." + parts[2], "bytes=0-9");
        assertThat(tampered.status()).isEqualTo(401);
        assertThat(tampered.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");

        DownloadTokens tokens = new DownloadTokens(jwtSecret());
        String id = path.substring(path.lastIndexOf('/') + 1);
        RawHttpClient.Response expired = get(tokens.issue(IMEI, id, Instant.now().minus(Duration.ofDays(8))), "bytes=0-9");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");

        RawHttpClient.Response foreign = get(tokens.issue(IMEI, "00000000-0000-0000-0000-000000000000",
                Instant.now()), "bytes=0-9");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.header("WWW-Authenticate")).isEqualTo("Bearer error=\"insufficient_scope\"");

        String unknownId = "11111111-1111-1111-1111-111111111111";
        try (RawHttpClient client = client()) {
            RawHttpClient.Response unknown = client.send(("GET /f/v1/" + unknownId + " HTTP/1.1\r\nHost: m.m\r\n"
                    + "Authorization: Bearer " + tokens.issue(IMEI, unknownId, Instant.now()) + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertThat(unknown.status()).isEqualTo(404);
        }
    }

    @Test
    void answers410OnceTheUpdateIsReplaced() throws Exception {
        assertThat(get(downlink.token(), "bytes=0-9").status()).isEqualTo(206);
        backend.setDesired(IMEI, backend.uploadFirmware("tracker-x", "3.0.0", new byte[10]));
        assertThat(get(downlink.token(), "bytes=0-9").status()).isEqualTo(410);
    }

    @Test
    void recordsTheBytesServedAsProgress() throws Exception {
        get(downlink.token(), "bytes=0-4999");
        backend.server().countServedParts();
        assertThat(backend.apiJson("GET", "/api/v1/devices/" + IMEI, null, 200).get("progress").asInt())
                .isEqualTo(50);
    }

    /** The signing secret, opened with the master key as the server opens it. */
    private byte[] jwtSecret() throws Exception {
        try (Database db = backend.openDatabase()) {
            SettingsStore settings = new SettingsStore(db.jdbc());
            return Base64.getDecoder().decode(settings.getOrCreateSecret(BackendServer.JWT_SECRET,
                    MasterKey.unlock(SecretsConfig.forUser(), settings),
                    () -> {
                        throw new AssertionError("no signing secret stored");
                    }));
        }
    }

    private void assertRange(String header, int first, int last) throws IOException {
        RawHttpClient.Response r = get(downlink.token(), header);
        assertThat(r.status()).as(header).isEqualTo(206);
        assertThat(r.header("Content-Range")).isEqualTo("bytes " + first + "-" + last + "/" + SIZE);
        assertThat(r.body()).isEqualTo(Arrays.copyOfRange(image, first, last + 1));
    }

    private RawHttpClient client() {
        return new RawHttpClient("127.0.0.1", backend.devicePort());
    }

    private RawHttpClient.Response get(String token, String range) throws IOException {
        try (RawHttpClient client = client()) {
            return client.send(request(token, range));
        }
    }

    private byte[] request(String token, String range) {
        return ("GET " + path + " HTTP/1.1\r\nHost: m.m\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + (range == null ? "" : "Range: " + range + "\r\n") + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in the head: " + head);
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static String crc(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return String.format("%08x", crc.getValue());
    }
}
