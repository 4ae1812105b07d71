package nl.fotadesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import nl.fotadesk.backend.TestBackend;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fota-desk users add|list|passwd|disable|enable}, each run as the jar runs it (its own JVM, through
 * {@link Launcher}) on a server's data folder; a server started on that folder afterwards lets the users
 * in, or not, as the commands left them.
 */
class UsersCommandTest {
    private static final String OLGA = "first long passphrase";
    private static final String OLGA_NEW = "second long passphrase";
    private static final String SAM = "typed on standard input";
    private static final String OS_USER = "tester";

    @TempDir
    Path data;
    @TempDir
    Path work;

    @Test
    void addsListsSetsPasswordsAndDisablesUsersThatTheServerThenKnowsAndRefusesWithExitCodeOne() throws Exception {
        try (TestBackend backend = new TestBackend(data)) {
            backend.apiJson("POST", "/api/v1/clients", "{\"name\":\"acme\"}", 201);
            backend.apiJson("POST", "/api/v1/device-types", "{\"name\":\"tracker\"}", 201);
        }

        assertThat(cli(OLGA, null, "list")).isEqualTo(new Run(0,
                "No users yet: add the first operator with 'users add NAME --role operator'", ""));
        assertThat(cli(OLGA, null, "add", "olga", "--role", "operator", "--display-name", "Olga Jansen"))
                .isEqualTo(new Run(0, "olga (Olga Jansen): operator, all devices", ""));
        assertThat(cli(OLGA, null, "add", "olga", "--role", "viewer"))
                .isEqualTo(new Run(1, "", "there is a user olga already"));
        assertThat(cli(null, null, "disable", "olga"))
                .isEqualTo(new Run(1, "", "the last operator who can sign in cannot be disabled, demoted or deleted"));
        assertThat(cli(null, SAM + "\n", "add", "sam", "--role", "supplier", "--device-types", "tracker"))
                .as("the password from standard input").isEqualTo(new Run(0, "sam (sam): supplier, device types tracker", ""));
        assertThat(cli(OLGA, null, "add", "cora", "--role", "customer", "--client", "initech"))
                .isEqualTo(new Run(1, "", "there is no client \"initech\""));
        assertThat(cli(OLGA, null, "add", "cora", "--role", "customer", "--client", "acme"))
                .isEqualTo(new Run(0, "cora (cora): customer, client acme", ""));
        assertThat(cli(OLGA_NEW, null, "passwd", "olga"))
                .isEqualTo(new Run(0, "olga (Olga Jansen): operator, all devices: password set", ""));
        assertThat(cli(OLGA_NEW, null, "passwd", "nobody")).isEqualTo(new Run(1, "", "no user nobody"));
        assertThat(cli(null, null, "disable", "cora")).isEqualTo(new Run(0, "cora (cora): customer, client acme, disabled", ""));
        assertThat(cli(null, null, "list")).isEqualTo(new Run(0, String.join("\n",
                "cora (cora): customer, client acme, disabled",
                "olga (Olga Jansen): operator, all devices",
                "sam (sam): supplier, device types tracker"), ""));

        try (TestBackend backend = new TestBackend(data)) {
            assertThat(signIn(backend, "olga", OLGA_NEW)).isEqualTo(201);
            assertThat(signIn(backend, "olga", OLGA)).as("the old password").isEqualTo(401);
            assertThat(signIn(backend, "sam", SAM)).isEqualTo(201);
            assertThat(signIn(backend, "cora", OLGA)).as("disabled").isEqualTo(401);
            JsonNode audit = backend.apiJson("GET", "/api/v1/audit?actor=cli:" + OS_USER, null, 200);
            assertThat(audit.get("total").asInt()).as("3 added, a password, 1 disabled; no refusal").isEqualTo(5);
        }
    }

    /** What one command did: its exit code, and what it wrote to standard output and error (trimmed). */
    private record Run(int exit, String out, String err) {
    }

    /**
     * Runs {@code fota-desk users ARGS --data DATA} in a JVM of its own, with {@code password} in
     * FOTA_DESK_PASSWORD (none when null) and {@code stdin} as its standard input.
     */
    private Run cli(String password, String stdin, String... args) throws IOException, InterruptedException {
        // a short-lived JVM: the quick compiler alone and the serial collector save about a third of its CPU
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dfotadesk.logs=" + work.resolve("logs"), "-Duser.name=" + OS_USER,
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(), "users"));
        command.addAll(List.of(args));
        command.addAll(List.of("--data", data.toString()));
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove(UsersCommand.PASSWORD_VARIABLE);
        if (password != null) {
            builder.environment().put(UsersCommand.PASSWORD_VARIABLE, password);
        }
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("users " + String.join(" ", args) + " ends").isTrue();
        return new Run(process.exitValue(), Files.readString(out).strip(), Files.readString(err).strip());
    }

    private static int signIn(TestBackend backend, String username, String password) throws IOException {
        try (Response r = backend.api("POST", "/api/v1/sessions",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")) {
            return r.code();
        }
    }
}
