package nl.fotadesk.backend;

import nl.fotadesk.backend.http.ClientTimeouts;
import nl.fotadesk.backend.http.device.Uplinks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request-head deadline closes only connections that wait for a request: a request that takes
 * longer than it (a long poll) is answered, a keep-alive connection serves its next request, and is
 * closed once it has been idle too long. Bodies without a length are bounded too. With devices on
 * Jetty's one port and on Netty's own.
 */
@ParameterizedClass(name = "devices on {0}")
@EnumSource(DeviceTransport.class)
class ClientDeadlinesTest {
    static final Duration HEAD = Duration.ofSeconds(1);
    static final Duration BODY = Duration.ofSeconds(2);
    static final Duration SLACK = Duration.ofSeconds(3);
    private static final Pattern CURSOR = Pattern.compile("\"cursor\":(\\d+)");

    @Parameter
    DeviceTransport transport;
    @TempDir
    Path data;
    TestBackend backend;

    @BeforeEach
    void start() throws Exception {
        backend = new TestBackend(transport.apply(BackendConfig.local(data, 0, TestBackend.API_KEY)
                .withClientTimeouts(new ClientTimeouts(HEAD, Duration.ofSeconds(10), BODY))));
    }

    @AfterEach
    void stop() throws Exception {
        backend.close();
    }

    @Test
    void aLongRequestIsAnsweredAndAnIdleKeepAliveConnectionIsClosedAfterTheHeadDeadline() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", backend.port())) {
            String latest = send(socket, get("/api/v1/events"));
            Matcher cursor = CURSOR.matcher(latest);
            assertThat(cursor.find()).as(latest).isTrue();

            long start = System.nanoTime();
            String poll = send(socket, get("/api/v1/events?since=" + cursor.group(1) + "&wait=3"));
            assertThat(poll).as("a 3 s long poll on a connection with a 1 s head deadline").startsWith("HTTP/1.1 200 ");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));

            long idleFrom = System.nanoTime();
            assertThat(send(socket, get("/api/v1/devices"))).as("the next request on the same connection")
                    .startsWith("HTTP/1.1 200 ");
            socket.setSoTimeout((int) HEAD.plus(SLACK).toMillis());
            assertThat(readUntilClosed(socket.getInputStream())).as("nothing is sent on close").isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - idleFrom)).isGreaterThanOrEqualTo(HEAD);
        }
    }

    @Test
    void aChunkedBodyIsRefusedWhenItIsTooSlowOrTooLarge() throws Exception {
        String chunked = "POST " + Uplinks.PATH + " HTTP/1.1\r\nHost: fota\r\nTransfer-Encoding: chunked\r\n"
                + "Content-Type: application/json\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", backend.devicePort())) {
            socket.setSoTimeout((int) BODY.plus(SLACK).toMillis());
            String answer = send(socket, chunked + "1\r\n[\r\n");
            assertThat(answer).startsWith("HTTP/1.1 408 ").contains("request_timeout")
                    .contains("did not arrive within " + BODY.toMillis() + " ms");
        }
        try (Socket socket = new Socket("127.0.0.1", backend.devicePort())) {
            socket.setSoTimeout((int) SLACK.toMillis());
            String tooLarge = "10000\r\n" + "a".repeat(0x10000) + "\r\n" + "1\r\na\r\n0\r\n\r\n";
            String answer = send(socket, chunked + tooLarge);
            assertThat(answer).startsWith("HTTP/1.1 413 ").contains("too_large");
        }
    }

    @Test
    void anIdleDeviceConnectionIsClosedAfterTheHeadDeadlineAndASilentOneToo() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", backend.devicePort())) {
            // The server's idle clock starts once it has written the answer, so sometime after the
            // request left; measured from the answer's arrival it may look a little short.
            long idleFrom = System.nanoTime();
            assertThat(send(socket, get("/f/v1/none"))).as("a device request on the connection")
                    .startsWith("HTTP/1.1 401 ").contains("Connection: keep-alive");
            socket.setSoTimeout((int) HEAD.plus(SLACK).toMillis());
            assertThat(readUntilClosed(socket.getInputStream())).as("nothing is sent on close").isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - idleFrom)).isGreaterThanOrEqualTo(HEAD);
        }
        try (Socket silent = new Socket("127.0.0.1", backend.devicePort())) {
            long from = System.nanoTime();
            silent.setSoTimeout((int) HEAD.plus(SLACK).toMillis());
            assertThat(readUntilClosed(silent.getInputStream())).as("a client that never sends a byte").isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - from)).isGreaterThanOrEqualTo(HEAD)
                    .isLessThan(HEAD.plus(SLACK));
        }
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: fota\r\nAuthorization: Bearer " + TestBackend.API_KEY + "\r\n\r\n";
    }

    /** Writes a request and reads one response (head and Content-Length body). */
    private static String send(Socket socket, String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("the response head so far: " + head).isNotNegative();
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        Matcher length = Pattern.compile("(?i)content-length: (\\d+)").matcher(text);
        return text + (length.find() ? new String(in.readNBytes(Integer.parseInt(length.group(1))),
                StandardCharsets.UTF_8) : "");
    }

    private static String readUntilClosed(InputStream in) throws IOException {
        try {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (SocketException reset) {
            return "";
        }
    }
}
