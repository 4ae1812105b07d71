package nl.fotadesk.backend.secrets;

import nl.fotadesk.backend.BackendConfig;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.backend.files.DownloadTokens;
import nl.fotadesk.protocol.DeviceSecret;
import nl.fotadesk.protocol.Imei;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything the backend wrote (every file of the data folder, H2's included, and every PostgreSQL
 * table) holds no device secret, signing secret, download token or API key in clear.
 */
class SecretsAtRestTest {
    static final String API_KEY = TestBackend.API_KEY;
    static final int DEVICES = 4;

    @TempDir
    Path data;
    @TempDir
    Path config;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void noDeviceSecretSigningSecretOrApiKeyIsStoredInClear(String database) throws Exception {
        Written written = writeSecrets(database);
        Map<String, byte[]> needles = new LinkedHashMap<>();
        written.deviceSecrets.forEach(s -> needles.put("device secret " + s, ascii(s)));
        needles.put("signing secret (base64)", ascii(written.signingSecret));
        needles.put("signing secret (bytes)", Base64.getDecoder().decode(written.signingSecret));
        needles.put("API key", ascii(API_KEY));
        needles.put("API key's SHA-256", ascii(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(ascii(API_KEY)))));
        assertNoneIn(written.stored, needles);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void noIssuedDownloadTokenIsStoredInClear(String database) throws Exception {
        Written written = writeSecrets(database);
        Map<String, byte[]> needles = new LinkedHashMap<>();
        // The signature is the part that cannot be made without the signing secret.
        written.tokens.forEach(t -> needles.put("download token " + t, ascii(t.substring(t.lastIndexOf('.') + 1))));
        assertNoneIn(written.stored, needles);
    }

    private record Written(List<String> deviceSecrets, List<String> tokens, String signingSecret, byte[] stored) {
    }

    /** Registers devices, gives them downloads and tokens, stops, and reads back all that was stored. */
    private Written writeSecrets(String database) throws Exception {
        Path keyFile = config.resolve("master.key");
        BackendConfig backendConfig = SecretsFixture.config(database, data, keyFile, API_KEY);
        List<String> secrets = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        try (TestBackend backend = new TestBackend(backendConfig)) {
            String firmwareId = backend.uploadFirmware("tracker-x", "2.0.0", "image".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < DEVICES; i++) {
                String imei = Imei.withCheckDigit(String.format("35693803%06d", i));
                String secret = DeviceSecret.generate(new SecureRandom());
                SecretsFixture.register(backend, imei, secret);
                backend.setDesired(imei, firmwareId);
                SecretsFixture.Uplink uplink = SecretsFixture.uplink(backend, imei, secret);
                assertThat(uplink.status()).as("the device authenticates with its sealed secret").isEqualTo(200);
                secrets.add(secret);
                tokens.add(uplink.token());
            }
        }
        String signingSecret;
        ByteArrayOutputStream stored = new ByteArrayOutputStream();
        try (Connection c = connect(database, backendConfig)) {
            String sealed = one(c, "SELECT setting_value FROM settings WHERE name = 'jwt_secret'");
            signingSecret = new SecretBox(Base64.getDecoder().decode(Files.readString(keyFile).strip()))
                    .open(sealed, "setting/jwt_secret");
            if (database.equals("postgres")) {
                stored.writeBytes(allRows(c));
            }
        }
        DownloadTokens verifier = new DownloadTokens(Base64.getDecoder().decode(signingSecret));
        assertThat(tokens).as("the secret found is the one that signs the tokens")
                .allMatch(t -> verifier.check(t) instanceof DownloadTokens.Check.Valid);
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                stored.writeBytes(Files.readAllBytes(file));
            }
        }
        return new Written(secrets, tokens, signingSecret, stored.toByteArray());
    }

    private static Connection connect(String database, BackendConfig config) throws Exception {
        return database.equals("postgres")
                ? DriverManager.getConnection(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword())
                : DriverManager.getConnection("jdbc:h2:" + config.dataDir().resolve("fota-desk").toAbsolutePath(), "sa", "");
    }

    private static String one(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }

    /** Every value of every table in the public schema, as text. */
    private static byte[] allRows(Connection c) throws Exception {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        assertThat(tables).contains("devices", "downloads", "settings");
        StringBuilder all = new StringBuilder();
        for (String table : tables) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                while (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        all.append(rs.getString(i)).append('\n');
                    }
                }
            }
        }
        return ascii(all.toString());
    }

    private static void assertNoneIn(byte[] haystack, Map<String, byte[]> needles) {
        assertThat(haystack.length).as("something was read").isGreaterThan(1000);
        needles.forEach((what, needle) -> assertThat(indexOf(haystack, needle)).as(what + " found in clear").isEqualTo(-1));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
