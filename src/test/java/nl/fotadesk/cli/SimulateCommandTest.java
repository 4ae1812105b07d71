package nl.fotadesk.cli;

import nl.fotadesk.backend.TestBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SimulateCommandTest {
    @Test
    void registersAFleetRunsItAndReports(@TempDir Path data) throws Exception {
        try (TestBackend backend = new TestBackend(data)) {
            String output = run("simulate", "--url", backend.url(), "--api-key", TestBackend.API_KEY,
                    "--devices", "30", "--interval", "200ms", "--duration", "2s");
            assertThat(output).contains("Registered 30 devices").contains("Final report").contains("idle 30");
            assertThat(backend.apiJson("GET", "/api/v1/devices?limit=1", null, 200).get("total").asInt()).isEqualTo(30);

            String again = run("simulate", "--url", backend.url(), "--api-key", TestBackend.API_KEY,
                    "--devices", "30", "--interval", "200ms", "--duration", "1s");
            assertThat(again).as("the same seed gives the same fleet").contains("Registered 0 devices (30 were registered already)");
        }
    }

    @Test
    void explainsBadOptions() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new FotaDeskCommand()).setErr(new PrintWriter(err))
                .execute("simulate", "--url", "http://127.0.0.1:1", "--faults", "boom=1", "--no-register");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("unknown fault \"boom\"");
    }

    private static String run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            assertThat(new CommandLine(new FotaDeskCommand()).execute(args)).isZero();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
