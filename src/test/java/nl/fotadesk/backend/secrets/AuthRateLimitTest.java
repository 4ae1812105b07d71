package nl.fotadesk.backend.secrets;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import nl.fotadesk.backend.MutableClock;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.backend.api.ManagementApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** Failed authentication on the management API: limited per source address, 429 with Retry-After, logged without the key. */
class AuthRateLimitTest {
    static final int FAILURES = 3;
    static final Duration WINDOW = Duration.ofSeconds(2);
    static final String WRONG_KEY = "wrong-key-never-logged-5b7e";

    @TempDir
    Path data;
    @TempDir
    Path config;
    /** The limit's windows follow this clock: the test moves it past a window instead of waiting. */
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    TestBackend backend;
    ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void start() throws Exception {
        backend = new TestBackend(SecretsFixture.config("h2", data, config.resolve("master.key"), TestBackend.API_KEY)
                .withSecrets(SecretsConfig.forUser().withMasterKeyFile(config.resolve("master.key"))
                        .withAuthLimit(FAILURES, WINDOW)), clock);
        log.start();
        ((Logger) LoggerFactory.getLogger(ManagementApi.class)).addAppender(log);
    }

    @AfterEach
    void stop() throws Exception {
        ((Logger) LoggerFactory.getLogger(ManagementApi.class)).detachAppender(log);
        backend.close();
    }

    @Test
    void anAddressWithTooManyFailuresGets429UntilTheWindowEnds() throws Exception {
        for (int i = 0; i < FAILURES; i++) {
            assertThat(get("127.0.0.1", WRONG_KEY).status).isEqualTo(401);
        }
        Answer limited = get("127.0.0.1", WRONG_KEY);
        assertThat(limited.status).isEqualTo(429);
        assertThat(limited.body).contains("\"error\":\"too_many_requests\"");
        assertThat(limited.retryAfter).as("the whole window is left: the clock stands still").isEqualTo("2");
        assertThat(get("127.0.0.1", TestBackend.API_KEY).status).as("even the right key, while limited").isEqualTo(429);

        Answer elsewhere = getFrom127002(TestBackend.API_KEY);
        assertThat(elsewhere.status).as("another address is not limited").isEqualTo(200);

        clock.advance(WINDOW.minusMillis(1));
        assertThat(get("127.0.0.1", TestBackend.API_KEY).status).as("until the window ends").isEqualTo(429);
        clock.advance(Duration.ofMillis(1));
        assertThat(get("127.0.0.1", TestBackend.API_KEY).status).as("allowed again after the window").isEqualTo(200);
        assertThat(get("127.0.0.1", WRONG_KEY).status).as("a new window: a failure is a 401 again").isEqualTo(401);

        assertThat(log.list).filteredOn(e -> e.getFormattedMessage().contains("Failed authentication")
                && e.getFormattedMessage().contains("127.0.0.1")).hasSize(FAILURES + 1);
        assertThat(log.list).noneMatch(e -> e.getFormattedMessage().contains(WRONG_KEY)
                || e.getFormattedMessage().contains(TestBackend.API_KEY));
    }

    private record Answer(int status, String retryAfter, String body) {
    }

    private Answer get(String from, String key) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), backend.port(), InetAddress.getByName(from), 0)) {
            return exchange(socket, key);
        }
    }

    private Answer getFrom127002(String key) throws IOException {
        try {
            return get("127.0.0.2", key);
        } catch (BindException e) {
            assumeThat(e).as("this system has 127.0.0.2 on loopback").isNull();
            throw e;
        }
    }

    private static Answer exchange(Socket socket, String key) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET /api/v1/firmware HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        Matcher status = Pattern.compile("^HTTP/1.1 (\\d{3})").matcher(response);
        assertThat(status.find()).as(response).isTrue();
        Matcher retry = Pattern.compile("(?im)^Retry-After: *(\\S+)").matcher(response);
        return new Answer(Integer.parseInt(status.group(1)), retry.find() ? retry.group(1) : null,
                response.substring(response.indexOf("\r\n\r\n") + 4));
    }
}
