package nl.fotadesk.backend.secrets;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import nl.fotadesk.backend.MutableClock;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.backend.api.ManagementApi;
import nl.fotadesk.backend.http.TrustedProxies;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Failed authentication on the management API: limited per source address, 429 with Retry-After, logged
 * without the key; behind a trusted proxy the source is the client's address from X-Forwarded-For, and
 * from any other peer that header changes nothing.
 */
class AuthRateLimitTest {
    static final int FAILURES = 3;
    static final Duration WINDOW = Duration.ofSeconds(2);
    static final String WRONG_KEY = "wrong-key-never-logged-5b7e";
    /** Clients behind the balancer (documentation addresses, RFC 5737). */
    static final String CLIENT = "203.0.113.7";
    static final String OTHER_CLIENT = "203.0.113.8";

    @TempDir
    Path data;
    @TempDir
    Path config;
    /** The limit's windows follow this clock: the test moves it past a window instead of waiting. */
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    TestBackend backend;
    ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void listen() {
        log.start();
        ((Logger) LoggerFactory.getLogger(ManagementApi.class)).addAppender(log);
    }

    /** A backend that believes X-Forwarded-For from {@code proxies} (the test's requests come from 127.0.0.1). */
    void start(String... proxies) throws Exception {
        backend = new TestBackend(SecretsFixture.config("h2", data, config.resolve("master.key"), TestBackend.API_KEY)
                .withSecrets(SecretsConfig.forUser().withMasterKeyFile(config.resolve("master.key"))
                        .withAuthLimit(FAILURES, WINDOW))
                .withTrustedProxies(TrustedProxies.of(List.of(proxies))), clock);
    }

    @AfterEach
    void stop() throws Exception {
        ((Logger) LoggerFactory.getLogger(ManagementApi.class)).detachAppender(log);
        backend.close();
    }

    @Test
    void anAddressWithTooManyFailuresGets429UntilTheWindowEnds() throws Exception {
        start();
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

    @Test
    void behindATrustedProxyEachClientHasItsOwnLimitAndIsTheAuditSource() throws Exception {
        start("127.0.0.1");
        for (int i = 0; i < FAILURES; i++) {
            assertThat(viaProxy(CLIENT, "GET", "/api/v1/firmware", WRONG_KEY, null).status).isEqualTo(401);
        }
        assertThat(viaProxy(CLIENT, "GET", "/api/v1/firmware", TestBackend.API_KEY, null).status)
                .as("the client that failed").isEqualTo(429);
        assertThat(viaProxy("198.51.100.1, " + CLIENT, "GET", "/api/v1/firmware", TestBackend.API_KEY, null).status)
                .as("whatever the client puts in front of the address the proxy appended").isEqualTo(429);
        assertThat(viaProxy(OTHER_CLIENT, "GET", "/api/v1/firmware", TestBackend.API_KEY, null).status)
                .as("another client through the same proxy").isEqualTo(200);
        assertThat(get("127.0.0.1", TestBackend.API_KEY).status).as("the proxy itself, without the header")
                .isEqualTo(200);
        assertThat(log.list).filteredOn(e -> e.getFormattedMessage().contains("Failed authentication"))
                .hasSize(FAILURES).allMatch(e -> e.getFormattedMessage().contains(" from " + CLIENT + " "));

        assertThat(viaProxy(OTHER_CLIENT, "POST", "/api/v1/clients", TestBackend.API_KEY, "{\"name\":\"acme\"}").status)
                .isEqualTo(201);
        assertThat(viaProxy(OTHER_CLIENT, "POST", "/api/v1/sessions", null,
                "{\"username\":\"nobody\",\"password\":\"wrong\"}").status).isEqualTo(401);
        assertThat(auditSources()).containsEntry("client.create", OTHER_CLIENT).containsEntry("session.create", OTHER_CLIENT);
    }

    @Test
    void fromAnUntrustedPeerXForwardedForIsIgnored() throws Exception {
        start("10.0.0.0/8");
        for (int i = 0; i < FAILURES; i++) {
            assertThat(viaProxy("198.51.100." + i, "GET", "/api/v1/firmware", WRONG_KEY, null).status).isEqualTo(401);
        }
        assertThat(viaProxy(OTHER_CLIENT, "GET", "/api/v1/firmware", TestBackend.API_KEY, null).status)
                .as("a new X-Forwarded-For buys no new tries").isEqualTo(429);
        assertThat(log.list).filteredOn(e -> e.getFormattedMessage().contains("Failed authentication"))
                .hasSize(FAILURES).allMatch(e -> e.getFormattedMessage().contains(" from 127.0.0.1 "));

        clock.advance(WINDOW);
        assertThat(viaProxy(OTHER_CLIENT, "POST", "/api/v1/sessions", null,
                "{\"username\":\"nobody\",\"password\":\"wrong\"}").status).isEqualTo(401);
        assertThat(auditSources()).containsEntry("session.create", "127.0.0.1");
    }

    /** The source of the newest audit line of each action. */
    private Map<String, String> auditSources() throws IOException {
        Map<String, String> sources = new HashMap<>();
        for (JsonNode entry : backend.apiJson("GET", "/api/v1/audit", null, 200).get("items")) {
            sources.putIfAbsent(entry.get("action").asText(), entry.get("source").asText());
        }
        return sources;
    }

    private record Answer(int status, String retryAfter, String body) {
    }

    private Answer get(String from, String key) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), backend.port(), InetAddress.getByName(from), 0)) {
            return exchange(socket, "GET", "/api/v1/firmware", key, null, null);
        }
    }

    /** A request from 127.0.0.1 as a proxy sends it, with {@code forwardedFor} as its X-Forwarded-For. */
    private Answer viaProxy(String forwardedFor, String method, String path, String key, String json) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), backend.port())) {
            return exchange(socket, method, path, key, forwardedFor, json);
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

    private static Answer exchange(Socket socket, String method, String path, String key, String forwardedFor,
                                   String json) throws IOException {
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n");
        if (key != null) {
            request.append("Authorization: Bearer ").append(key).append("\r\n");
        }
        if (forwardedFor != null) {
            request.append("X-Forwarded-For: ").append(forwardedFor).append("\r\n");
        }
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        if (json != null) {
            request.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        OutputStream out = socket.getOutputStream();
        out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
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
