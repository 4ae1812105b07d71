package nl.fotadesk.backend.secrets;

import nl.fotadesk.backend.BackendConfig;
import nl.fotadesk.backend.HashCosts;
import nl.fotadesk.backend.TestBackend;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The API key is stored as a salted slow hash, kept when a node is given the same key, replaced by another. */
class ApiKeyStorageTest {
    static final String OTHER_KEY = "another-api-key-93ab0c1d";

    @TempDir
    Path data;
    @TempDir
    Path config;

    @Test
    void theSameKeyKeepsTheStoredHashAndAnotherReplacesIt() throws Exception {
        String first;
        try (TestBackend backend = backend(TestBackend.API_KEY)) {
            assertThat(status(backend, TestBackend.API_KEY)).isEqualTo(200);
        }
        first = stored("api_key_pbkdf2").orElseThrow();
        assertThat(first).startsWith("pbkdf2-sha256$600000$").doesNotContain(TestBackend.API_KEY);

        try (TestBackend backend = backend(TestBackend.API_KEY)) {
            assertThat(status(backend, TestBackend.API_KEY)).isEqualTo(200);
        }
        assertThat(stored("api_key_pbkdf2")).as("a node given the stored key does not rewrite it").contains(first);

        try (TestBackend backend = backend(OTHER_KEY)) {
            assertThat(status(backend, OTHER_KEY)).isEqualTo(200);
            assertThat(status(backend, TestBackend.API_KEY)).as("the replaced key").isEqualTo(401);
        }
        assertThat(stored("api_key_pbkdf2")).isPresent().get().isNotEqualTo(first);
    }

    @Test
    void theUnsaltedHashOfOlderVersionsIsUpgradedAndTheKeyStillWorks() throws Exception {
        try (TestBackend ignored = backend(TestBackend.API_KEY)) {
            // a database as an older version left it: only the key's SHA-256
        }
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(OTHER_KEY.getBytes(StandardCharsets.UTF_8)));
        execute("DELETE FROM settings WHERE name = 'api_key_pbkdf2'");
        execute("INSERT INTO settings (name, setting_value) VALUES ('api_key_sha256', '" + sha256 + "')");

        try (TestBackend backend = backend(null)) {
            assertThat(backend.server().generatedApiKey()).isEmpty();
            assertThat(status(backend, OTHER_KEY)).isEqualTo(200);
            assertThat(status(backend, OTHER_KEY)).as("remembered").isEqualTo(200);
            assertThat(status(backend, TestBackend.API_KEY)).isEqualTo(401);
        }
        assertThat(stored("api_key_sha256")).as("the unsalted hash is gone").isEmpty();
        assertThat(stored("api_key_pbkdf2")).get().asString().startsWith("pbkdf2-sha256$");
    }

    /** A backend that stores the key as every server does, with production's iterations. */
    private TestBackend backend(String apiKey) throws Exception {
        BackendConfig c = SecretsFixture.config("h2", data, config.resolve("master.key"), apiKey);
        return new TestBackend(c, Clock.systemUTC(), HashCosts.DEFAULT);
    }

    private int status(TestBackend backend, String key) throws Exception {
        try (Response r = backend.apiWithKey("GET", "/api/v1/firmware", null, key)) {
            return r.code();
        }
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection("jdbc:h2:" + data.resolve("fota-desk").toAbsolutePath(), "sa", "");
    }

    private Optional<String> stored(String name) throws Exception {
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT setting_value FROM settings WHERE name = '" + name + "'")) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
