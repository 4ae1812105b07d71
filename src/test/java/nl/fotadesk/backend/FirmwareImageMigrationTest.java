package nl.fotadesk.backend;

import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Images kept only in the data folder (as before the database held images) are stored in the database at start. */
class FirmwareImageMigrationTest {
    @TempDir
    Path data;

    @Test
    void anImageOnlyInTheDataFolderIsStoredInTheDatabaseAtStart() throws Exception {
        byte[] image = new byte[700_000];
        new Random(3).nextBytes(image);
        String id;
        String sha256;
        try (TestBackend backend = new TestBackend(data)) {
            id = backend.uploadFirmware("tracker-x", "2.0.0", image);
            sha256 = backend.apiJson("GET", "/api/v1/firmware/" + id, null, 200).get("sha256").asText();
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + data.resolve("fota-desk").toAbsolutePath(),
                "sa", ""); Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM firmware_chunks");
            st.executeUpdate("DELETE FROM firmware_images");
        }

        try (TestBackend backend = new TestBackend(data)) {
            Files.delete(data.resolve("firmware").resolve(sha256));
            try (Response r = backend.api("GET", "/api/v1/firmware/" + id + "/content", null)) {
                assertThat(r.code()).isEqualTo(200);
                assertThat(r.body().bytes()).as("fetched from the database").isEqualTo(image);
            }
        }
    }
}
