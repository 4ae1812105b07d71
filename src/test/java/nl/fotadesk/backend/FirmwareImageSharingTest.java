package nl.fotadesk.backend;

import nl.fotadesk.protocol.DeviceUrn;
import nl.fotadesk.protocol.Downlink;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.zip.CRC32;

import static nl.fotadesk.backend.TestBackend.pack;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two backends on one PostgreSQL, each with its own data folder: an image uploaded through one is
 * served by the other from the database via its own verified disk cache, never from a damaged copy.
 */
class FirmwareImageSharingTest {
    static final String IMEI = "490154203237518";
    /**
     * Spans three database chunks of 256 KiB, the last one partial, and a partial last block; larger
     * than the images a node holds in memory (512 KiB), so its parts are read from the disk cache.
     */
    static final int SIZE = 600_001;
    static final int PART = 3_500;

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;
    String jdbcUrl;
    TestBackend a;
    TestBackend b;
    byte[] image;
    String sha256;
    String token;

    @BeforeEach
    void start() throws Exception {
        jdbcUrl = TestPostgres.newDatabase();
        a = new TestBackend(onSharedDatabase(dirA));
        b = new TestBackend(onSharedDatabase(dirB));
        image = new byte[SIZE];
        new Random(11).nextBytes(image);
        sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image));
    }

    @AfterEach
    void stop() throws Exception {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    void anImageUploadedThroughOneNodeIsServedPartByPartByTheOther() throws Exception {
        String path = downloadServedBy(b, a.uploadFirmware("tracker-x", "2.0.0", image));
        assertThat(cached(dirB)).as("B has not needed the image yet").doesNotExist();

        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (int first = 0; first < SIZE; first += PART) {
            joined.write(part(b, path, first, first + PART - 1));
        }

        assertThat(joined.toByteArray()).isEqualTo(image);
        assertThat(Files.readAllBytes(cached(dirB))).as("B's cached copy").isEqualTo(image);
        assertThat(count("SELECT COUNT(*) FROM firmware_chunks WHERE sha256 = ?", sha256)).isEqualTo(3);
    }

    @Test
    void aDamagedCachedCopyIsDetectedAndFetchedAgainNeverServed() throws Exception {
        String path = downloadServedBy(b, a.uploadFirmware("tracker-x", "2.0.0", image));
        Files.createDirectories(cached(dirB).getParent());
        byte[] wrong = image.clone();
        wrong[300_000] ^= 1;
        Files.write(cached(dirB), wrong);

        assertThat(part(b, path, 299_000, 301_999)).as("a copy that fails its SHA-256 before first use")
                .isEqualTo(Arrays.copyOfRange(image, 299_000, 302_000));
        assertThat(Files.readAllBytes(cached(dirB))).isEqualTo(image);

        try (FileChannel file = FileChannel.open(cached(dirB), StandardOpenOption.WRITE)) {
            file.write(ByteBuffer.wrap(new byte[100]), 500_050);
        }
        assertThat(part(b, path, 500_000, 503_499)).as("a copy damaged while in use")
                .isEqualTo(Arrays.copyOfRange(image, 500_000, 503_500));
        assertThat(Files.readAllBytes(cached(dirB))).as("fetched again from the database").isEqualTo(image);
        assertThat(part(b, path, SIZE - 10, SIZE + 100)).isEqualTo(Arrays.copyOfRange(image, SIZE - 10, SIZE));
    }

    @Test
    void aSmallImageIsHeldInMemoryOnceProvenSoADamagedDiskCopyIsNeverRead() throws Exception {
        image = Arrays.copyOf(image, 300_000);
        sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image));
        String path = downloadServedBy(b, a.uploadFirmware("tracker-x", "2.0.0", image));
        assertThat(part(b, path, 0, PART - 1)).isEqualTo(Arrays.copyOf(image, PART));

        byte[] wrong = image.clone();
        wrong[200_000] ^= 1;
        Files.write(cached(dirB), wrong);
        assertThat(part(b, path, 199_000, 201_999)).as("served from the proven bytes in memory")
                .isEqualTo(Arrays.copyOfRange(image, 199_000, 202_000));
        assertThat(Files.readAllBytes(cached(dirB))).as("the disk copy was not read again").isEqualTo(wrong);
        assertThat(part(b, path, image.length - 10, image.length + 100))
                .isEqualTo(Arrays.copyOfRange(image, image.length - 10, image.length));
    }

    @Test
    void imagesWithTheSameBytesAreStoredOnceAndDeletedWithTheirLastRecord() throws Exception {
        String v2 = a.uploadFirmware("tracker-x", "2.0.0", image);
        String v3 = b.uploadFirmware("tracker-x", "3.0.0", image);
        assertThat(count("SELECT COUNT(*) FROM firmware_images", null)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM firmware_chunks", null)).isEqualTo(3);
        assertThat(cached(dirB)).as("the uploading node keeps what it received").exists();

        a.apiJson("DELETE", "/api/v1/firmware/" + v2, null, 204);
        assertThat(count("SELECT COUNT(*) FROM firmware_chunks", null)).as("still used by 3.0.0").isEqualTo(3);
        a.apiJson("DELETE", "/api/v1/firmware/" + v3, null, 204);
        assertThat(count("SELECT COUNT(*) FROM firmware_chunks", null)).isZero();
        assertThat(count("SELECT COUNT(*) FROM firmware_images", null)).isZero();
        assertThat(cached(dirA)).as("the deleting node drops its copy").doesNotExist();

        b.restart();
        assertThat(cached(dirB)).as("a node drops copies of deleted images at start").doesNotExist();
    }

    private BackendConfig onSharedDatabase(Path dir) {
        BackendConfig local = BackendConfig.local(dir, 0, TestBackend.API_KEY).withEngineTick(Duration.ZERO);
        return new BackendConfig(local.host(), local.port(), local.dataDir(), local.apiKey(), local.publicUrl(),
                local.maxFirmwareSize(), jdbcUrl, TestPostgres.USER, TestPostgres.PASSWORD, local.engineTick());
    }

    private Path cached(Path dataDir) {
        return dataDir.resolve("firmware").resolve(sha256);
    }

    /** Makes the device want {@code firmwareId} and hear so from {@code node}: the path (and {@link #token}). */
    private String downloadServedBy(TestBackend node, String firmwareId) throws IOException {
        a.registerDevice(IMEI, "tracker-x", "1.0.0");
        a.setDesired(IMEI, firmwareId);
        try (Response r = node.uplink(pack(IMEI, "{\"n\":\"firmware\",\"vs\":\"1.0.0\"}"))) {
            Downlink downlink = Downlink.parse(r.body().bytes(), DeviceUrn.of(IMEI)).orElseThrow();
            token = downlink.token();
            return URI.create(downlink.url()).getPath();
        }
    }

    /** One part as a device fetches it: 206, and the body's CRC-32 in {@code Digest}. */
    private byte[] part(TestBackend node, String path, long first, long last) throws IOException {
        Request request = new Request.Builder().url(node.url() + path).header("Authorization", "Bearer " + token)
                .header("Range", "bytes=" + first + "-" + last).build();
        try (Response r = node.http.newCall(request).execute()) {
            byte[] body = r.body().bytes();
            assertThat(r.code()).as("bytes " + first + "-" + last).isEqualTo(206);
            CRC32 crc = new CRC32();
            crc.update(body);
            assertThat(r.header("Digest")).isEqualTo("crc32=" + String.format("%08x", crc.getValue()));
            return body;
        }
    }

    private long count(String sql, String param) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, TestPostgres.USER, TestPostgres.PASSWORD);
             PreparedStatement st = c.prepareStatement(sql)) {
            if (param != null) {
                st.setString(1, param);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
