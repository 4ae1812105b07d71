package nl.fotadesk.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private nginx on a loopback port serving one file for every {@code /f/v1/...} path, with ranges
 * and at most 100 requests per connection, as the file server does: the baseline of {@code bench http}.
 */
final class NginxBaseline implements AutoCloseable {
    private final Process process;
    private final int port;

    private NginxBaseline(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts nginx when it is installed; empty when it is not. */
    static Optional<NginxBaseline> start(byte[] image) throws IOException, InterruptedException {
        Optional<Path> nginx = Stream.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/bin/nginx",
                "/usr/bin/nginx").map(Path::of).filter(Files::isExecutable).findFirst();
        if (nginx.isEmpty()) {
            return Optional.empty();
        }
        // nginx's workers may run as another user: the folder and the image must be readable to them
        Path prefix = Files.createTempDirectory("fota-desk-nginx",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.write(prefix.resolve("image.bin"), image);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path conf = Files.writeString(prefix.resolve("nginx.conf"), """
                worker_processes auto;
                error_log %1$s/error.log;
                pid %1$s/nginx.pid;
                events { worker_connections 4096; }
                http {
                    access_log off;
                    keepalive_requests 100;
                    server {
                        listen 127.0.0.1:%2$d;
                        root %1$s;
                        location /f/v1/ { default_type application/octet-stream; try_files /image.bin =404; }
                    }
                }
                """.formatted(prefix.toAbsolutePath(), port));
        Process process = new ProcessBuilder(nginx.get().toString(), "-p", prefix.toString(), "-c", conf.toString(),
                "-g", "daemon off;").redirectErrorStream(true).redirectOutput(prefix.resolve("stdout.log").toFile())
                .start();
        NginxBaseline baseline = new NginxBaseline(process, port);
        baseline.awaitListening();
        return Optional.of(baseline);
    }

    int port() {
        return port;
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        close();
        throw new IOException("nginx did not start listening on port " + port);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
