package nl.fotadesk.backend.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import nl.fotadesk.backend.BackendConfig;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.backend.domain.StrictJson;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Wrong passwords, when signing in or changing one's own, are limited per username and per source
 * address: past the limit the server answers {@code 429 too_many_attempts} with {@code Retry-After},
 * even to the right password. Each request comes from a loopback address of its own (127.0.0.x).
 */
class SignInRateLimitTest {
    private static final int FAILURES = 3;
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final String PASSWORD = "correct horse battery";
    private static final String WRONG = "not the password at all";
    /** The error of a username or address refused for its wrong passwords. */
    private static final String ATTEMPTS = "too_many_attempts";

    @TempDir
    Path data;
    @TempDir
    Path config;
    TestBackend backend;

    @BeforeEach
    void start() throws Exception {
        try (Socket probe = new Socket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
        } catch (BindException e) {
            assumeThat(e).as("this system has all of 127.0.0.0/8 on loopback").isNull();
        }
        backend = new TestBackend(BackendConfig.local(data, 0, TestBackend.API_KEY).withSecrets(SecretsConfig.forUser()
                .withMasterKeyFile(config.resolve("master.key")).withAuthLimit(FAILURES, WINDOW)));
        for (String user : new String[]{"cora", "sam"}) {
            backend.apiJson("POST", "/api/v1/users", "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD
                    + "\",\"role\":\"viewer\"}", 201);
        }
    }

    @AfterEach
    void stop() throws Exception {
        backend.close();
    }

    @Test
    void wrongPasswordsForOneUsernameFromManyAddressesBlockThatUsername() throws IOException {
        for (int i = 1; i <= FAILURES; i++) {
            assertThat(signIn("127.0.0.1" + i, "cora", WRONG).status()).isEqualTo(401);
        }
        assertLimited(ATTEMPTS, signIn("127.0.0.19", "cora", PASSWORD));
        assertThat(signIn("127.0.0.19", "sam", PASSWORD).status()).as("another username, from there").isEqualTo(201);
        assertThat(refusals("session.create", "cora")).isEqualTo(FAILURES);
    }

    @Test
    void wrongSignInsFromOneAddressBlockThatAddressForEveryUsername() throws IOException {
        for (String name : new String[]{"nobody", "sam", "root"}) {
            assertThat(signIn("127.0.0.21", name, WRONG).status()).isEqualTo(401);
        }
        assertLimited(ATTEMPTS, signIn("127.0.0.21", "cora", PASSWORD));
        assertThat(signIn("127.0.0.22", "cora", PASSWORD).status()).as("from another address").isEqualTo(201);
        assertThat(signIn("127.0.0.22", "sam", PASSWORD).status()).as("one wrong sign-in blocks no one").isEqualTo(201);
    }

    @Test
    void aWrongCurrentPasswordCountsAsAWrongSignInAndIsAudited() throws IOException {
        String session = StrictJson.MAPPER.readTree(signIn("127.0.0.31", "cora", PASSWORD).body()).get("token").asText();
        for (int i = 0; i < FAILURES; i++) {
            Answer wrong = changePassword("127.0.0.31", session, WRONG);
            assertThat(wrong.status()).isEqualTo(400);
            assertThat(wrong.body()).contains("\"error\":\"invalid_current_password\"");
        }
        assertLimited(ATTEMPTS, changePassword("127.0.0.34", session, PASSWORD));
        assertLimited(ATTEMPTS, signIn("127.0.0.32", "cora", PASSWORD));
        // the address is refused before any route that takes a bearer value, as after wrong API keys
        assertLimited("too_many_requests", changePassword("127.0.0.31", session, PASSWORD));
        assertLimited(ATTEMPTS, signIn("127.0.0.31", "sam", PASSWORD));
        assertThat(signIn("127.0.0.33", "sam", PASSWORD).status()).isEqualTo(201);
        assertThat(refusals("user.password", "cora")).isEqualTo(FAILURES);
    }

    private record Answer(int status, String retryAfter, String body) {
    }

    private static void assertLimited(String error, Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(429);
        assertThat(answer.body()).contains("\"error\":\"" + error + "\"");
        assertThat(Long.parseLong(answer.retryAfter())).isBetween(1L, WINDOW.toSeconds());
    }

    private int refusals(String action, String actor) throws IOException {
        JsonNode page = backend.apiJson("GET", "/api/v1/audit?action=" + action + "&actor=" + actor, null, 200);
        int refused = 0;
        for (JsonNode line : page.get("items")) {
            refused += line.get("outcome").asText().equals("refused") ? 1 : 0;
        }
        return refused;
    }

    private Answer signIn(String from, String username, String password) throws IOException {
        return send(from, new Request.Builder().url(backend.url() + "/api/v1/sessions").post(json(
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")));
    }

    private Answer changePassword(String from, String session, String current) throws IOException {
        return send(from, new Request.Builder().url(backend.url() + "/api/v1/users/me/password")
                .header("Authorization", "Bearer " + session)
                .put(json("{\"currentPassword\":\"" + current + "\",\"newPassword\":\"a brand new passphrase\"}")));
    }

    private static RequestBody json(String body) {
        return RequestBody.create(body, MediaType.get("application/json"));
    }

    private static Answer send(String from, Request.Builder request) throws IOException {
        OkHttpClient client = new OkHttpClient.Builder().socketFactory(new BoundSockets(InetAddress.getByName(from))).build();
        try (Response r = client.newCall(request.build()).execute()) {
            return new Answer(r.code(), r.header("Retry-After"), r.body().string());
        } finally {
            client.connectionPool().evictAll();
        }
    }

    /** Sockets that connect from {@code local}, so the server sees that source address. */
    private static final class BoundSockets extends SocketFactory {
        private final InetAddress local;

        BoundSockets(InetAddress local) {
            this.local = local;
        }

        @Override
        public Socket createSocket() throws IOException {
            Socket socket = new Socket();
            socket.bind(new InetSocketAddress(local, 0));
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return new Socket(host, port, local, 0);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return new Socket(host, port, localHost, localPort);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return new Socket(host, port, local, 0);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return new Socket(address, port, localAddress, localPort);
        }
    }
}
