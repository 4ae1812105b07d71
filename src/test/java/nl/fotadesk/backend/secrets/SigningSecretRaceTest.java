package nl.fotadesk.backend.secrets;

import nl.fotadesk.backend.BackendConfig;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.backend.TestPostgres;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes starting at the same moment on one new PostgreSQL database (and one new key file) agree
 * on one master key, one signing secret and one API key hash: a token issued by one verifies on the other.
 */
class SigningSecretRaceTest {
    static final String IMEI = "490154203237518";

    @TempDir
    Path data;
    @TempDir
    Path config;

    @Test
    void twoNodesStartingTogetherEndWithOneSigningSecret() throws Exception {
        BackendConfig shared = TestPostgres.config(data, TestBackend.API_KEY)
                .withSecrets(SecretsConfig.forUser().withMasterKeyFile(config.resolve("master.key")));
        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<TestBackend> startA = CompletableFuture.supplyAsync(() -> start(shared.withDataDir(data.resolve("a")), together));
        CompletableFuture<TestBackend> startB = CompletableFuture.supplyAsync(() -> start(shared.withDataDir(data.resolve("b")), together));
        try (TestBackend a = startA.get(2, TimeUnit.MINUTES); TestBackend b = startB.get(2, TimeUnit.MINUTES)) {
            String firmwareId = a.uploadFirmware("tracker-x", "2.0.0", "image bytes".getBytes());
            SecretsFixture.register(b, IMEI, TestBackend.SECRET);
            a.setDesired(IMEI, firmwareId);

            SecretsFixture.Uplink fromA = SecretsFixture.uplink(a, IMEI, TestBackend.SECRET);
            assertThat(fromA.status()).as("B sealed the device secret, A opens it").isEqualTo(200);
            assertThat(SecretsFixture.part(b, fromA.url(), fromA.token())).as("a token issued by A verifies on B")
                    .isEqualTo(206);
            assertThat(SecretsFixture.part(b, fromA.url(), fromA.token().substring(0, fromA.token().length() - 2) + "AA"))
                    .as("a forged signature does not").isEqualTo(401);
            SecretsFixture.Uplink fromB = SecretsFixture.uplink(b, IMEI, TestBackend.SECRET);
            assertThat(fromB.token()).as("both answer the one stored token").isEqualTo(fromA.token());

            try (TestBackend c = new TestBackend(shared.withDataDir(data.resolve("c")))) {
                assertThat(status(c, TestBackend.API_KEY)).as("a third node with the same key").isEqualTo(200);
            }
            assertThat(status(a, TestBackend.API_KEY)).isEqualTo(200);
            assertThat(status(b, TestBackend.API_KEY)).isEqualTo(200);
        }
    }

    private static TestBackend start(BackendConfig config, CyclicBarrier together) {
        try {
            together.await(1, TimeUnit.MINUTES);
            return new TestBackend(config);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int status(TestBackend backend, String key) throws Exception {
        try (Response r = backend.apiWithKey("GET", "/api/v1/firmware", null, key)) {
            return r.code();
        }
    }
}
