package nl.fotadesk.backend.cluster;

import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.backend.TestPostgres;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/** A backend node in its own process ({@code fota-desk server}), so a test can kill it with SIGKILL. */
final class NodeProcess implements AutoCloseable {
    /** Every node of a cluster unseals the database's secrets with the same master key (given as docs/cluster.md says). */
    private static final String MASTER_KEY = "ZGV2ZWxvcG1lbnQtb25seS1tYXN0ZXIta2V5LTAwMDE=";
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).build();

    final String name;
    final int port;
    private final Process process;
    private final Path log;

    private NodeProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts a node on a free loopback port, on database {@code jdbcUrl}, and waits until it answers. */
    static NodeProcess start(String name, Path data, String jdbcUrl, String publicUrl) throws Exception {
        int port = freePort();
        Files.createDirectories(data);
        Path logs = Files.createDirectories(data.resolve("logs-" + name));
        Path log = logs.resolve("console.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dfotadesk.logs=" + logs, "-Duser.home=" + data, "-cp", System.getProperty("java.class.path"), "nl.fotadesk.cli.Launcher",
                "server", "--host", "127.0.0.1", "--port", String.valueOf(port), "--data", data.toString(),
                "--public-url", publicUrl,
                "--jdbc-url", jdbcUrl, "--jdbc-user", TestPostgres.USER))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("FOTA_DESK_MASTER_KEY", MASTER_KEY);
        builder.environment().put("FOTA_DESK_API_KEY", TestBackend.API_KEY);
        Process process = builder.start();
        NodeProcess node = new NodeProcess(name, port, process, log);
        node.awaitReady();
        return node;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no lease given up, connections cut. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void awaitReady() {
        await("node " + name + " answers").atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(100))
                .until(this::answers);
    }

    private boolean answers() {
        if (!process.isAlive()) {
            throw new AssertionError("node " + name + " exited with " + process.exitValue() + ":\n" + logTail());
        }
        Request ping = new Request.Builder().url(url() + "/api/v1/campaigns")
                .header("Authorization", "Bearer " + TestBackend.API_KEY).build();
        try (Response r = HTTP.newCall(ping).execute()) {
            return r.code() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** SIGTERM, as an operator stops a node; SIGKILL if it does not stop in time. */
    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
