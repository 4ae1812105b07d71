package nl.fotadesk.client;

import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.protocol.api.FirmwareView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FirmwareClientTest extends BackendFixture {
    @TempDir
    Path files;

    @Test
    void uploadsAFileReportingProgressUpToItsSize() throws Exception {
        byte[] image = random(300_000);
        Path file = Files.write(files.resolve("tracker.bin"), image);
        List<Long> progress = new CopyOnWriteArrayList<>();

        FirmwareView uploaded = client.uploadFirmware("tracker-x", "2.0.0", file, progress::add);

        assertThat(progress).as("several chunks, growing, ending at the size").hasSizeGreaterThan(2)
                .isSorted().last().isEqualTo(300_000L);
        assertThat(uploaded.size()).isEqualTo(300_000);
        assertThat(uploaded.sha256()).isEqualTo(sha256(image));
        assertThat(uploaded.deviceType()).isEqualTo("tracker-x");
        // the upload's answer has the time to the nanosecond, the stored one to the microsecond
        assertThat(client.firmware(uploaded.id())).usingRecursiveComparison().ignoringFields("uploadedAt")
                .isEqualTo(uploaded);
        assertThat(client.firmware()).extracting(FirmwareView::id).containsExactly(uploaded.id());
    }

    @Test
    void downloadsAnImageReplacingTheTarget() throws Exception {
        byte[] image = random(100_000);
        String id = client.uploadFirmware("tracker-x", "2.0.0", image).id();
        Path target = Files.writeString(files.resolve("copy.bin"), "old content");

        assertThat(client.downloadFirmware(id, target)).isEqualTo(100_000);

        assertThat(Files.readAllBytes(target)).isEqualTo(image);
        assertApiError(() -> client.downloadFirmware("no-such-id", files.resolve("other.bin")), NotFoundException.class,
                404, "not_found", "no-such-id");
        try (var left = Files.list(files)) {
            assertThat(left.toList()).as("no partial files").containsExactly(target);
        }
    }

    @Test
    void refusesDuplicateOversizedEmptyAndMisnamedImages() throws Exception {
        client.uploadFirmware("tracker-x", "2.0.0", new byte[10]);
        assertApiError(() -> client.uploadFirmware("tracker-x", "2.0.0", new byte[10]), ConflictException.class, 409,
                "duplicate_firmware", "2.0.0");
        Path big = Files.write(files.resolve("big.bin"), new byte[(int) MAX_FIRMWARE + 1]);
        assertApiError(() -> client.uploadFirmware("tracker-x", "3.0.0", big, sent -> { }), ValidationException.class,
                413, "too_large", String.valueOf(MAX_FIRMWARE));
        assertApiError(() -> client.uploadFirmware("tracker-x", "3.0.0", new byte[0]), ValidationException.class, 400,
                "empty_image", "empty");
        assertApiError(() -> client.uploadFirmware("tracker-x", "3.0 beta", new byte[10]), ValidationException.class,
                400, "invalid_version", "3.0 beta");
        assertApiError(() -> client.uploadFirmware(null, "3.0.0", new byte[10]), ValidationException.class, 400,
                "invalid_device_type", "deviceType");
        assertThat(client.firmware()).hasSize(1);
    }

    @Test
    void aMissingFileIsALocalErrorAndNothingIsSent() {
        assertThatThrownBy(() -> client.uploadFirmware("tracker-x", "2.0.0", files.resolve("missing.bin"), s -> { }))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(NoSuchFileException.class);
        assertThat(client.firmware()).isEmpty();
    }

    @Test
    void deletesAnImageOnlyWhenNothingUsesIt() {
        register(1, 1, "tracker-x", "1.0.0");
        String used = client.uploadFirmware("tracker-x", "2.0.0", new byte[10]).id();
        String unused = client.uploadFirmware("tracker-x", "3.0.0", new byte[20]).id();
        client.setDesiredFirmware(imei(1), used);
        assertThat(client.firmware(used).devices()).isEqualTo(1);

        assertApiError(() -> client.deleteFirmware(used), ConflictException.class, 409, "firmware_in_use", "2.0.0");
        client.deleteFirmware(unused);
        assertApiError(() -> client.firmware(unused), NotFoundException.class, 404, "not_found", unused);
        assertApiError(() -> client.deleteFirmware(unused), NotFoundException.class, 404, "not_found", unused);
        assertThat(client.firmware()).extracting(FirmwareView::id).containsExactly(used);
    }

    @Test
    void anUploadWithTheWrongKeyIsUnauthorized() throws Exception {
        Path file = Files.write(files.resolve("image.bin"), random(200_000));
        FotaDeskClient wrongKey = new HttpFotaDeskClient(backend.url(), TestBackend.API_KEY + "x");
        assertApiError(() -> wrongKey.uploadFirmware("tracker-x", "2.0.0", file, s -> { }), UnauthorizedException.class,
                401, "unauthorized", "API key");
        assertThat(client.firmware()).isEmpty();
    }

    private static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
