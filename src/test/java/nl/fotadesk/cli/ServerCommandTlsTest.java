package nl.fotadesk.cli;

import nl.fotadesk.backend.tls.TestCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code fota-desk server} with an unusable key stops at once with one line saying why and what to do. */
class ServerCommandTlsTest {
    @TempDir
    Path folder;

    @Test
    void aKeyInOpenSslsTraditionalFormatStopsTheServerWithTheConversion() throws Exception {
        TestCertificate certificate = TestCertificate.selfSigned(folder, "fota-test");
        Path traditional = Files.writeString(folder.resolve("old-key.pem"),
                TestCertificate.pem("EC PRIVATE KEY", new byte[]{48, 0}));
        Process server = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dfotadesk.logs=" + folder.resolve("logs"),
                Launcher.class.getName(), "server", "--port", "0", "--data", folder.resolve("data").toString(),
                "--master-key-file", folder.resolve("master.key").toString(), "--api-key", "test-api-key-0123456789",
                "--tls-cert", certificate.certificate().toString(), "--tls-key", traditional.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String errors = new String(server.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).isEqualTo(2);
        assertThat(errors).contains("Cannot serve HTTPS").contains("EC PRIVATE KEY")
                .contains("openssl pkcs8 -topk8 -nocrypt -in " + traditional).doesNotContain("\tat ");
    }
}
