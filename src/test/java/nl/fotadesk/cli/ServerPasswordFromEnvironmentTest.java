package nl.fotadesk.cli;

import nl.fotadesk.backend.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fota-desk server --jdbc-url} takes the database password from FOTA_DESK_JDBC_PASSWORD, so
 * it need not appear on a command line that every user of the machine can read.
 */
class ServerPasswordFromEnvironmentTest {
    static final String PASSWORD = "from-the-environment-7";
    static final String STARTED = "Generated the management API key";

    @Test
    void theServerLogsInWithThePasswordFromTheEnvironmentAndOnlyWithIt(@TempDir Path data) throws Exception {
        String url = TestPostgres.newDatabaseWithPassword(PASSWORD);

        Process refused = server(url, data.resolve("refused"), "not-the-password");
        CompletableFuture<String> refusedOutput = output(refused, null);
        assertThat(refused.waitFor(60, TimeUnit.SECONDS)).as("a wrong password ends the server").isTrue();
        assertThat(refused.exitValue()).isNotZero();
        assertThat(refusedOutput.get(10, TimeUnit.SECONDS)).contains("password authentication failed");

        Process started = server(url, data.resolve("started"), PASSWORD);
        try {
            // printed once the server runs (the test logging shows warnings only)
            assertThat(output(started, STARTED).get(60, TimeUnit.SECONDS)).contains(STARTED);
        } finally {
            started.destroy();
            assertThat(started.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static Process server(String jdbcUrl, Path data, String password) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfotadesk.logs=" + data.resolve("logs"), "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName(), "server", "--port", "0", "--host", "127.0.0.1", "--data", data.toString(),
                "--jdbc-url", jdbcUrl,
                "--jdbc-user", TestPostgres.PASSWORD_ROLE).redirectErrorStream(true);
        builder.environment().put("FOTA_DESK_JDBC_PASSWORD", password);
        return builder.start();
    }

    /** The process's output up to the first line containing {@code until}, or all of it when that is null. */
    private static CompletableFuture<String> output(Process process, String until) {
        return CompletableFuture.supplyAsync(() -> {
            StringBuilder text = new StringBuilder();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    text.append(line).append('\n');
                    if (until != null && line.contains(until)) {
                        break;
                    }
                }
            } catch (IOException e) {
                text.append(e);
            }
            return text.toString();
        });
    }
}
