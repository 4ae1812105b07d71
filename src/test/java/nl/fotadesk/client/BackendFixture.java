package nl.fotadesk.client;

import nl.fotadesk.backend.OnEachDatabase;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.protocol.Imei;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.NewDevice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real backend per test (campaign engine stepped by the test) and a client for it. Firmware is
 * limited to {@link #MAX_FIRMWARE} bytes so that oversized uploads are cheap to test. Every client
 * test runs on H2 and on PostgreSQL.
 */
abstract class BackendFixture extends OnEachDatabase {
    static final long MAX_FIRMWARE = 512 * 1024;

    @TempDir
    Path data;
    TestBackend backend;
    FotaDeskClient client;

    @BeforeEach
    void startBackend() throws Exception {
        backend = new TestBackend(database.config(data, TestBackend.API_KEY)
                .withEngineTick(Duration.ZERO).withMaxFirmwareSize(MAX_FIRMWARE));
        client = new HttpFotaDeskClient(backend.url(), TestBackend.API_KEY);
    }

    @AfterEach
    void stopBackend() throws Exception {
        backend.close();
    }

    /** A valid IMEI, different for each {@code n}. */
    static String imei(int n) {
        return Imei.withCheckDigit(String.format("35693803%06d", n));
    }

    /** Registers devices {@code first..first+count-1} with the test secret, so they can send uplinks. */
    List<String> register(int first, int count, String deviceType, String firmware) {
        List<NewDevice> devices = IntStream.range(first, first + count)
                .mapToObj(i -> new NewDevice(imei(i), deviceType, "acme", TestBackend.SECRET, firmware)).toList();
        return client.registerDevices(devices).stream().map(DeviceView::imei).toList();
    }

    /** Asserts that {@code call} fails with {@code type}, the status, the error code and a detail containing {@code detailPart}. */
    static void assertApiError(Runnable call, Class<? extends ApiException> type, int status, String error,
                               String detailPart) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(type, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.error()).isEqualTo(error);
            assertThat(e.detail()).contains(detailPart);
            assertThat(e.isFromApi()).isTrue();
        });
    }
}
