package nl.fotadesk.backend.secrets;

import nl.fotadesk.backend.BackendConfig;
import nl.fotadesk.backend.BackendServer;
import nl.fotadesk.backend.TestBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A copied database does not start without its master key, nor with another one, and works with it. */
class MasterKeyTest {
    static final String IMEI = "490154203237518";

    @TempDir
    Path original;
    @TempDir
    Path copy;
    @TempDir
    Path config;

    @Test
    void aCopiedDatabaseStartsOnlyWithItsMasterKey() throws Exception {
        Path key = config.resolve("original").resolve("master.key");
        try (TestBackend backend = new TestBackend(SecretsFixture.config("h2", original, key, TestBackend.API_KEY))) {
            SecretsFixture.register(backend, IMEI, TestBackend.SECRET);
        }
        assertThat(key).exists();
        copyFolder(original, copy);

        Path missing = config.resolve("elsewhere").resolve("master.key");
        assertThatThrownBy(() -> BackendServer.start(SecretsFixture.config("h2", copy, missing, TestBackend.API_KEY)))
                .isInstanceOf(MasterKeyException.class)
                .hasMessageContaining("sealed with a master key").hasMessageContaining(missing.toString());
        assertThat(missing).as("no new key replaces the missing one").doesNotExist();

        byte[] other = new byte[MasterKey.KEY_BYTES];
        new SecureRandom().nextBytes(other);
        BackendConfig wrongKey = SecretsFixture.config("h2", copy, missing, TestBackend.API_KEY)
                .withSecrets(SecretsConfig.forUser().withMasterKey(Base64.getEncoder().encodeToString(other)));
        assertThatThrownBy(() -> BackendServer.start(wrongKey)).isInstanceOf(MasterKeyException.class)
                .hasMessageContaining("FOTA_DESK_MASTER_KEY is not the one");

        BackendConfig rightKey = SecretsFixture.config("h2", copy, missing, TestBackend.API_KEY)
                .withSecrets(SecretsConfig.forUser().withMasterKey(Files.readString(key)));
        try (TestBackend backend = new TestBackend(rightKey)) {
            assertThat(SecretsFixture.uplink(backend, IMEI, TestBackend.SECRET).status())
                    .as("the device's sealed secret opens with the database's key").isEqualTo(204);
            assertThat(SecretsFixture.uplink(backend, IMEI, TestBackend.SECRET.replace('s', 'z')).status()).isEqualTo(401);
        }
    }

    @Test
    void aDamagedKeyFileIsAClearError() throws Exception {
        Path key = config.resolve("master.key");
        Files.writeString(key, "not a key\n");
        assertThatThrownBy(() -> BackendServer.start(SecretsFixture.config("h2", original, key, TestBackend.API_KEY)))
                .isInstanceOf(MasterKeyException.class).hasMessageContaining("is not 32 bytes in base64");
        assertThat(Files.readString(key)).as("left as it was").isEqualTo("not a key\n");
    }

    private static void copyFolder(Path from, Path to) throws Exception {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
