package nl.fotadesk.conformance;

import nl.fotadesk.backend.DeviceTransport;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.backend.store.Database;
import nl.fotadesk.backend.store.DownloadStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

import static nl.fotadesk.conformance.Devices.get;
import static nl.fotadesk.conformance.Devices.head;
import static nl.fotadesk.conformance.ProtocolConformanceTest.names;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * protocol.md §3, the firmware file server, byte for byte: header names as the vendor's library
 * matches them (case-sensitively), Range edge cases, Digest padding, the part limit and big images.
 * What {@code FileServerTest} already covers is not repeated.
 */
@ParameterizedClass(name = "devices on {0}")
@EnumSource(DeviceTransport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FileServerConformanceTest {
    static final int SIZE = 10_000;
    static final int LARGE = 3 * 1024 * 1024;

    @Parameter
    DeviceTransport transport;
    @TempDir
    static Path data;
    TestBackend backend;
    Devices devices;
    byte[] image;
    Devices.Update update;

    @BeforeParameterizedClassInvocation
    void start() throws Exception {
        backend = transport.backend(data.resolve(transport.name()));
        devices = new Devices(backend);
        image = ProtocolConformanceTest.random(SIZE, 21);
        update = devices.deviceWithUpdate(image);
    }

    @AfterParameterizedClassInvocation
    void stop() throws Exception {
        backend.close();
    }

    @Test
    void writesEveryHeaderOnceWithItsExactName() throws Exception {
        Wire.Response partial = send(get(update.path(), update.token(), "bytes=0-99"));
        assertThat(partial.head()).startsWith("HTTP/1.1 206 ");
        assertLines(partial, "Content-Range: bytes 0-99/" + SIZE, "Digest: crc32=" + crc(image, 0, 100),
                "Content-Length: 100", "Content-Type: application/octet-stream", "Accept-Ranges: bytes",
                "Connection: keep-alive");

        Wire.Response whole = send(get(update.path(), update.token(), null));
        assertThat(whole.head()).startsWith("HTTP/1.1 200 ");
        assertLines(whole, "Digest: crc32=" + crc(image, 0, SIZE), "Content-Length: " + SIZE,
                "Content-Type: application/octet-stream", "Accept-Ranges: bytes", "Connection: keep-alive");
        assertThat(whole.anyCase("Content-Range")).isEmpty();

        Wire.Response unsatisfiable = send(get(update.path(), update.token(), "bytes=" + SIZE + "-"));
        assertThat(unsatisfiable.head()).startsWith("HTTP/1.1 416 ");
        assertLines(unsatisfiable, "Content-Range: bytes */" + SIZE);

        Wire.Response missing = send(get(update.path(), null, "bytes=0-99"));
        assertThat(missing.status()).isEqualTo(401);
        assertLines(missing, "WWW-Authenticate: Bearer");
        String[] jwt = update.token().split("\\.");
        Wire.Response forged = send(get(update.path(), jwt[0] + "." + jwt[1] + "." + "A".repeat(jwt[2].length()), null));
        assertThat(forged.status()).isEqualTo(401);
        assertLines(forged, "WWW-Authenticate: Bearer error=\"invalid_token\"");
    }

    @Test
    void digestIsZeroPaddedToEightLowercaseHexDigits() throws Exception {
        int[] range = rangeWithSmallCrc(image, 0x0100_0000L);
        Wire.Response r = send(get(update.path(), update.token(), "bytes=" + range[0] + "-" + range[1]));
        assertThat(r.status()).isEqualTo(206);
        assertThat(r.header("Digest")).matches("crc32=00[0-9a-f]{6}").isEqualTo("crc32=" + crc(r.body(), 0, r.body().length));

        byte[] small = imageWithSmallCrc(4096, 0x1000_0000L, 1);
        Devices.Update other = devices.deviceWithUpdate(small);
        Wire.Response whole = send(get(other.path(), other.token(), null));
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.header("Digest")).matches("crc32=0[0-9a-f]{7}").isEqualTo("crc32=" + crc(small, 0, small.length));
    }

    @Test
    void resolvesRangeEdgeCases() throws Exception {
        assertPartial("bytes=0-0", 0, 0);
        assertPartial("bytes=" + (SIZE - 1) + "-" + (SIZE - 1), SIZE - 1, SIZE - 1);
        assertPartial("bytes=-1", SIZE - 1, SIZE - 1);
        assertPartial("bytes=" + (SIZE - 1) + "-", SIZE - 1, SIZE - 1);
        assertPartial("bytes=-" + SIZE, 0, SIZE - 1);
        assertPartial("bytes=0-" + SIZE, 0, SIZE - 1);
        assertPartial("bytes=5000-4294967295", 5000, SIZE - 1);
        assertPartial("BYTES=0-99", 0, 99);
        assertPartial("Bytes=10-19", 10, 19);
        assertPartial("\t bytes=0-99 \t", 0, 99);
    }

    @Test
    void clampsALastBytePositionOfAnySize() throws Exception {
        assertPartial("bytes=9990-99999999999999999999", 9990, SIZE - 1);
    }

    @Test
    void servesTheWholeFileForSeveralRangesOrAnotherUnit() throws Exception {
        for (String ignored : List.of("bytes=0-9, 20-29", "bytes=0-9,5-14", "bytes=0-0,-1", "bytesx=0-9", "none",
                "pages=1-2")) {
            Wire.Response r = send(get(update.path(), update.token(), ignored));
            assertThat(r.status()).as(ignored).isEqualTo(200);
            assertThat(r.anyCase("Content-Range")).as(ignored).isEmpty();
            assertThat(r.body()).isEqualTo(image);
            assertThat(r.header("Digest")).isEqualTo("crc32=" + crc(image, 0, SIZE));
        }
    }

    @Test
    void answers416WithTheSizeForUnsatisfiableRanges() throws Exception {
        for (String bad : List.of("bytes=" + SIZE + "-" + SIZE, "bytes=20000-30000", "bytes=100-99", "bytes=-0")) {
            Wire.Response r = send(get(update.path(), update.token(), bad));
            assertThat(r.status()).as(bad).isEqualTo(416);
            assertThat(r.all("Content-Range")).as(bad).containsExactly("bytes */" + SIZE);
        }
    }

    @Test
    void headAnswersTheHeadersOfTheGetWithoutABody() throws Exception {
        try (Wire wire = new Wire(devices.port())) {
            wire.send(Wire.concat(head(update.path(), update.token(), "bytes=100-199"),
                    head(update.path(), update.token(), null),
                    get(update.path(), update.token(), "bytes=100-199")));
            Wire.Response partial = wire.read(true);
            Wire.Response whole = wire.read(true);
            Wire.Response got = wire.read();
            assertThat(partial.status()).isEqualTo(206);
            assertThat(partial.header("Content-Range")).isEqualTo("bytes 100-199/" + SIZE);
            assertThat(partial.header("Content-Length")).isEqualTo("100");
            assertThat(partial.header("Digest")).isEqualTo(got.header("Digest"));
            assertThat(whole.status()).isEqualTo(200);
            assertThat(whole.header("Content-Length")).isEqualTo(String.valueOf(SIZE));
            assertThat(whole.header("Digest")).isEqualTo("crc32=" + crc(image, 0, SIZE));
            assertThat(got.status()).as("nothing followed the HEAD answers").isEqualTo(206);
            assertThat(got.body()).isEqualTo(Arrays.copyOfRange(image, 100, 200));
        }
    }

    @Test
    void servesA3MiBImageWholeAndInLargeRangesWithTheRightDigest() throws Exception {
        byte[] large = imageWithSmallCrc(LARGE, 0x1000_0000L, 2);
        Devices.Update big = devices.deviceWithUpdate(large);
        long servedBefore = bytesServed(big.imei());
        Wire.Response whole = send(get(big.path(), big.token(), null));
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.header("Content-Length")).isEqualTo(String.valueOf(LARGE));
        assertThat(whole.anyCase("Content-Range")).isEmpty();
        assertThat(whole.body()).isEqualTo(large);
        assertThat(whole.header("Digest")).matches("crc32=0[0-9a-f]{7}").isEqualTo("crc32=" + crc(large, 0, LARGE));
        assertThat(bytesServed(big.imei()) - servedBefore).isEqualTo(LARGE);

        Wire.Response all = send(get(big.path(), big.token(), "bytes=0-"));
        assertThat(all.status()).isEqualTo(206);
        assertThat(all.header("Content-Range")).isEqualTo("bytes 0-" + (LARGE - 1) + "/" + LARGE);
        assertThat(all.header("Digest")).isEqualTo(whole.header("Digest"));

        int first = 1;
        while (crcValue(large, first, LARGE - first) >= 0x1000_0000L) {
            first++;
        }
        Wire.Response tail = send(get(big.path(), big.token(), "bytes=" + first + "-" + (LARGE + 100)));
        assertThat(tail.status()).isEqualTo(206);
        assertThat(tail.header("Content-Range")).isEqualTo("bytes " + first + "-" + (LARGE - 1) + "/" + LARGE);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(large, first, LARGE));
        assertThat(tail.header("Digest")).matches("crc32=0[0-9a-f]{7}")
                .isEqualTo("crc32=" + crc(large, first, LARGE - first));
    }

    @Test
    void countsRequestsPerDownloadAndRefusesThe20000thWithJson(@TempDir Path own) throws Exception {
        TestBackend server = transport.backend(own);
        try {
            Devices fleet = new Devices(server);
            Devices.Update a = fleet.deviceWithUpdate(image);
            Devices.Update b = fleet.deviceWithUpdate(image);
            try (Wire one = new Wire(fleet.port()); Wire two = new Wire(fleet.port())) {
                assertThat(one.send(get(a.path(), a.token(), "bytes=0-9")).read().status()).isEqualTo(206);
                assertThat(two.send(get(a.path(), a.token(), "bytes=10-19")).read().status()).isEqualTo(206);
                assertThat(one.send(get(a.path(), a.token(), null)).read().status()).isEqualTo(200);
                assertThat(two.send(get(a.path(), null, "bytes=0-9")).read().status()).isEqualTo(401);
                assertThat(two.send(get(a.path(), b.token(), "bytes=0-9")).read().status()).isEqualTo(403);
            }
            server.close();
            try (Database db = Database.inFolder(own)) {
                DownloadStore downloads = new DownloadStore(db.jdbc());
                assertThat(downloads.find(a.downloadId()).orElseThrow().requestCount())
                        .as("three fetches, refused requests not counted").isEqualTo(3);
                assertThat(downloads.find(b.downloadId()).orElseThrow().requestCount()).isZero();
                downloads.saveCounters(a.downloadId(), 19_998, 0);
            }
            server = transport.backend(own);
            fleet = new Devices(server);
            try (Wire wire = new Wire(fleet.port())) {
                assertThat(wire.send(get(a.path(), a.token(), "bytes=0-9")).read().status())
                        .as("request 19,999").isEqualTo(206);
                for (int i = 0; i < 2; i++) {
                    Wire.Response refused = wire.send(get(a.path(), a.token(), "bytes=0-9")).read();
                    assertThat(refused.status()).as("request 20,000 and later").isEqualTo(429);
                    assertThat(refused.header("Content-Type")).startsWith("application/json");
                    assertThat(names(Devices.json(refused))).containsExactlyInAnyOrder("error", "detail");
                    assertThat(refused.anyCase("Digest")).isEmpty();
                }
                assertThat(wire.send(get(b.path(), b.token(), "bytes=0-9")).read().status())
                        .as("another download has its own count").isEqualTo(206);
            }
            Devices.Update again = fleet.update(a.imei(), ProtocolConformanceTest.random(500, 22));
            assertThat(again.downloadId()).isNotEqualTo(a.downloadId());
            assertThat(Wire.exchange(fleet.port(), get(again.path(), again.token(), "bytes=0-9")).status())
                    .as("a new update starts a new count").isEqualTo(206);
        } finally {
            server.close();
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private Wire.Response send(byte[] request) throws Exception {
        return Wire.exchange(devices.port(), request);
    }

    private void assertPartial(String range, int first, int last) throws Exception {
        Wire.Response r = send(get(update.path(), update.token(), range));
        assertThat(r.status()).as(range + ": " + r.bodyText()).isEqualTo(206);
        assertLines(r, "Content-Range: bytes " + first + "-" + last + "/" + SIZE,
                "Content-Length: " + (last - first + 1), "Digest: crc32=" + crc(image, first, last - first + 1));
        assertThat(r.body()).isEqualTo(Arrays.copyOfRange(image, first, last + 1));
    }

    /** Each line appears in the raw head exactly as given, and its header name appears only once in any case. */
    private static void assertLines(Wire.Response r, String... lines) {
        for (String line : lines) {
            assertThat(r.head()).as(r.head()).contains("\r\n" + line + "\r\n");
            assertThat(r.anyCase(line.substring(0, line.indexOf(':')))).as(r.head()).hasSize(1);
        }
    }

    private long bytesServed(String imei) throws Exception {
        backend.server().countServedParts();
        var view = devices.view(imei);
        return view.has("bytesServed") ? view.get("bytesServed").asLong() : 0;
    }

    /** A range [first, last] of {@code b} whose CRC-32 is below {@code limit}. */
    private static int[] rangeWithSmallCrc(byte[] b, long limit) {
        for (int first = 0; first < b.length; first++) {
            CRC32 crc = new CRC32();
            for (int last = first; last < b.length; last++) {
                crc.update(b[last]);
                if (crc.getValue() < limit) {
                    return new int[]{first, last};
                }
            }
        }
        throw new AssertionError("no range with a CRC below " + limit);
    }

    private static byte[] imageWithSmallCrc(int size, long limit, long seed) {
        Random random = new Random(seed);
        byte[] b = new byte[size];
        do {
            random.nextBytes(b);
        } while (crcValue(b, 0, size) >= limit);
        return b;
    }

    private static long crcValue(byte[] b, int off, int len) {
        CRC32 crc = new CRC32();
        crc.update(b, off, len);
        return crc.getValue();
    }

    static String crc(byte[] b, int off, int len) {
        return String.format("%08x", crcValue(b, off, len));
    }
}
