package nl.fotadesk.backend.api;

import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.backend.BackendConfig;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/limits} tells the upload limit the server holds uploads to. */
class ServerLimitsApiTest {
    @TempDir
    Path data;

    @Test
    void tellsTheLargestFirmwareImageTheServerAccepts() throws Exception {
        try (TestBackend backend = new TestBackend(BackendConfig.local(data, 0, TestBackend.API_KEY)
                .withMaxFirmwareSize(1000))) {
            assertThat(backend.apiJson("GET", "/api/v1/limits", null, 200).get("maxFirmwareBytes").asLong())
                    .isEqualTo(1000);
            backend.uploadFirmware("tracker-x", "1.0.0", new byte[1000]);
            try (Response tooLarge = backend.api("POST", "/api/v1/firmware?deviceType=tracker-x&version=1.0.1",
                    "x".repeat(1001))) {
                assertThat(tooLarge.code()).as("one byte more is refused").isEqualTo(413);
            }
        }
    }
}
