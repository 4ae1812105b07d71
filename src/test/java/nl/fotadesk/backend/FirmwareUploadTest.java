package nl.fotadesk.backend;

import com.fasterxml.jackson.databind.JsonNode;
import nl.fotadesk.backend.http.ClientTimeouts;
import nl.fotadesk.backend.http.Router;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Uploads are streamed to disk as they arrive (larger than any body held in memory, no thread held
 * while the client is silent) and leave nothing behind: no temporary file of an upload cut off or refused, none after a
 * start, and one stored image however many uploads race for one version or one set of bytes.
 */
class FirmwareUploadTest {
    static final MediaType OCTETS = MediaType.get("application/octet-stream");
    static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir
    Path data;
    TestBackend backend;

    @AfterEach
    void stop() throws Exception {
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void anImageLargerThanAnyBodyHeldInMemoryIsStreamed() throws Exception {
        backend = new TestBackend(data);
        byte[] image = bytes(5, Router.MAX_BODY + 1_000_000);
        String id = backend.uploadFirmware("tracker-x", "2.0.0", image);
        try (Response content = backend.api("GET", "/api/v1/firmware/" + id + "/content", null)) {
            assertThat(content.body().bytes()).isEqualTo(image);
        }
    }

    @Test
    void anUploadCutOffMidwayLeavesNoTemporaryFile() throws Exception {
        backend = new TestBackend(data);
        try (Socket socket = new Socket("127.0.0.1", backend.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(uploadHead("2.0.0", 8_000_000));
            out.write(new byte[1_000_000]);
            out.flush();
            await("the first megabyte is in a temporary file").atMost(DEADLINE)
                    .until(() -> temporaryFiles().size() == 1 && size(temporaryFiles().get(0)) == 1_000_000);
            socket.setSoLinger(true, 0);
        }
        await("the temporary file is removed").atMost(DEADLINE).until(() -> temporaryFiles().isEmpty());
        assertThat(backend.apiJson("GET", "/api/v1/firmware", null, 200)).isEmpty();
        assertThat(filesIn(data.resolve("firmware"))).isEmpty();
    }

    @Test
    void anUploadThatMissesItsDeadlineIsAnswered408AndLeavesNoTemporaryFile() throws Exception {
        backend = new TestBackend(BackendConfig.local(data, 0, TestBackend.API_KEY)
                .withClientTimeouts(new ClientTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(30),
                        Duration.ofSeconds(1))));
        try (Socket socket = new Socket("127.0.0.1", backend.port())) {
            socket.setSoTimeout((int) DEADLINE.toMillis());
            socket.getOutputStream().write(uploadHead("2.0.0", 1000));
            socket.getOutputStream().write(new byte[10]);
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 408 ").contains("request_timeout");
        }
        await("the temporary file is removed").atMost(DEADLINE).until(() -> temporaryFiles().isEmpty());
        assertThat(backend.apiJson("GET", "/api/v1/firmware", null, 200)).isEmpty();
    }

    @Test
    void silentUploadsHoldNoThread() throws Exception {
        backend = new TestBackend(data);
        List<Socket> silent = new ArrayList<>();
        try {
            for (int i = 0; i < 250; i++) {
                Socket socket = new Socket("127.0.0.1", backend.port());
                silent.add(socket);
                socket.getOutputStream().write(uploadHead("2.0." + i, 1_000_000));
                socket.getOutputStream().write(new byte[10]);
            }
            await("250 uploads begun").atMost(DEADLINE).until(() -> temporaryFiles().size() == 250);
            assertThat(backend.apiJson("GET", "/api/v1/firmware", null, 200))
                    .as("answered while 250 uploads wait for their bodies (200 server threads)").isEmpty();
        } finally {
            for (Socket socket : silent) {
                socket.close();
            }
        }
        await("the temporary files are removed").atMost(DEADLINE).until(() -> temporaryFiles().isEmpty());
    }

    @Test
    void temporaryFilesAndCopiesOfUnknownImagesAreRemovedAtStart() throws Exception {
        backend = new TestBackend(data);
        String kept = backend.apiJson("GET", "/api/v1/firmware/" + backend.uploadFirmware("tracker-x", "2.0.0",
                bytes(1, 5000)), null, 200).get("sha256").asText();
        backend.close();
        Path folder = data.resolve("firmware");
        Files.write(folder.resolve("upload-123.tmp"), new byte[70_000]);
        Files.write(folder.resolve("fetch-456.tmp"), new byte[10]);
        Files.write(folder.resolve("0".repeat(64)), new byte[10]);

        backend = new TestBackend(data);

        assertThat(filesIn(folder)).containsExactly(kept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void concurrentUploadsOfOneVersionKeepOneRecordAndOneImage(String database) throws Exception {
        backend = new TestBackend(config(database));
        List<byte[]> images = List.of(bytes(1, 6_000_000), bytes(2, 6_000_000), bytes(3, 6_000_000),
                bytes(4, 6_000_000));

        List<Response> answers = race(images.stream().map(image -> (Callable<Response>) () -> upload("2.0.0", image))
                .toList());

        assertThat(answers.stream().map(Response::code).sorted()).containsExactly(201, 409, 409, 409);
        JsonNode stored = backend.apiJson("GET", "/api/v1/firmware", null, 200);
        assertThat(stored).hasSize(1);
        assertThat(filesIn(data.resolve("firmware"))).as("one image, no temporary files")
                .containsExactly(stored.get(0).get("sha256").asText());
        for (Response r : answers) {
            if (r.code() == 409) {
                assertThat(r.body().string()).contains("duplicate_firmware");
            }
            r.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void concurrentUploadsOfTheSameBytesShareOneImage(String database) throws Exception {
        backend = new TestBackend(config(database));
        byte[] image = bytes(9, 6_000_000);

        List<Response> answers = race(Stream.of("2.0.0", "2.0.1", "2.0.2", "2.0.3")
                .map(version -> (Callable<Response>) () -> upload(version, image)).toList());

        assertThat(answers.stream().map(Response::code)).containsOnly(201);
        answers.forEach(Response::close);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image));
        assertThat(filesIn(data.resolve("firmware"))).containsExactly(sha);
        assertThat(backend.apiJson("GET", "/api/v1/firmware", null, 200)).hasSize(4)
                .allSatisfy(f -> assertThat(f.get("sha256").asText()).isEqualTo(sha));
        String anyId = backend.apiJson("GET", "/api/v1/firmware", null, 200).get(0).get("id").asText();
        try (Response content = backend.api("GET", "/api/v1/firmware/" + anyId + "/content", null)) {
            assertThat(content.body().bytes()).isEqualTo(image);
        }
    }

    private BackendConfig config(String database) {
        BackendConfig config = database.equals("h2") ? BackendConfig.local(data, 0, TestBackend.API_KEY)
                : TestPostgres.config(data, TestBackend.API_KEY);
        return config.withEngineTick(Duration.ZERO);
    }

    /** Runs the calls at the same moment; their answers in call order. */
    private static List<Response> race(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch ready = new CountDownLatch(calls.size());
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> call : calls) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return call.call();
                }));
            }
            List<Response> answers = new ArrayList<>();
            for (Future<Response> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }

    private Response upload(String version, byte[] image) throws IOException {
        return backend.http.newCall(new Request.Builder()
                .url(backend.url() + "/api/v1/firmware?deviceType=tracker-x&version=" + version)
                .header("Authorization", "Bearer " + TestBackend.API_KEY)
                .post(RequestBody.create(image, OCTETS)).build()).execute();
    }

    private byte[] uploadHead(String version, long contentLength) {
        return ("POST /api/v1/firmware?deviceType=tracker-x&version=" + version + " HTTP/1.1\r\nHost: fota\r\n"
                + "Authorization: Bearer " + TestBackend.API_KEY + "\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Length: " + contentLength + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private List<Path> temporaryFiles() {
        try (Stream<Path> files = Files.list(data.resolve("firmware"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static byte[] bytes(int seed, int size) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }
}
