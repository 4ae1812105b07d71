package nl.fotadesk.client;

import com.sun.net.httpserver.HttpServer;
import nl.fotadesk.backend.TestBackend;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Connecting: the checks of the "connect to a server" dialog, and how failures are told apart. */
class FotaDeskClientTest extends BackendFixture {
    @Test
    void checksAddressAndKey() {
        client.checkConnection();
        FotaDeskClient withSlash = new HttpFotaDeskClient(backend.url() + "/", TestBackend.API_KEY);
        withSlash.checkConnection();
        assertThat(withSlash.baseUrl()).isEqualTo(backend.url());
    }

    @Test
    void aWrongKeyIsUnauthorizedNotAConnectionProblem() {
        FotaDeskClient wrongKey = new HttpFotaDeskClient(backend.url(), "not-the-key");
        assertApiError(wrongKey::checkConnection, UnauthorizedException.class, 401, "unauthorized", "API key");
        assertApiError(() -> wrongKey.devices(DeviceQuery.ALL), UnauthorizedException.class, 401, "unauthorized",
                "API key");
        assertApiError(() -> new HttpFotaDeskClient(backend.url(), " ").clients(), UnauthorizedException.class, 401,
                "unauthorized", "API key");
    }

    @Test
    void aClosedPortIsUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        FotaDeskClient nobody = new HttpFotaDeskClient("http://127.0.0.1:" + port, TestBackend.API_KEY);
        assertThatThrownBy(nobody::checkConnection).isInstanceOfSatisfying(ConnectionException.class, e -> {
            assertThat(e.reason()).isEqualTo(ConnectionException.Reason.UNREACHABLE);
            assertThat(e.getMessage()).contains("127.0.0.1:" + port).contains("running");
        });
        assertThatThrownBy(() -> nobody.device(imei(1))).isInstanceOf(ConnectionException.class);
    }

    @Test
    void anUnknownHostIsToldApart() {
        OkHttpClient noDns = new OkHttpClient.Builder().dns(host -> {
            throw new UnknownHostException(host);
        }).build();
        FotaDeskClient client = new HttpFotaDeskClient("http://fota.example", TestBackend.API_KEY, noDns);
        assertThatThrownBy(client::checkConnection).isInstanceOfSatisfying(ConnectionException.class, e -> {
            assertThat(e.reason()).isEqualTo(ConnectionException.Reason.UNKNOWN_HOST);
            assertThat(e.getMessage()).contains("fota.example");
        });
    }

    @Test
    void aServerThatDoesNotAnswerTimesOut() throws IOException {
        // never accepted, but the backlog takes the connection: the request is sent and never answered
        try (ServerSocket silent = new ServerSocket(0)) {
            OkHttpClient impatient = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(300)).build();
            FotaDeskClient client = new HttpFotaDeskClient("http://127.0.0.1:" + silent.getLocalPort(),
                    TestBackend.API_KEY, impatient);
            assertThatThrownBy(client::clients).isInstanceOfSatisfying(ConnectionException.class,
                    e -> assertThat(e.reason()).isEqualTo(ConnectionException.Reason.TIMEOUT));
        }
    }

    @Test
    void anotherWebServerIsNotAFotaDeskServer() throws IOException {
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", exchange -> {
            boolean crash = exchange.getRequestURI().getPath().contains("campaigns");
            byte[] page = "<html>Welcome</html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(crash ? 502 : exchange.getRequestURI().getPath().contains("clients") ? 200 : 404,
                    page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        other.start();
        try {
            FotaDeskClient client = new HttpFotaDeskClient("http://127.0.0.1:" + other.getAddress().getPort(),
                    TestBackend.API_KEY);
            assertThatThrownBy(client::checkConnection).isInstanceOfSatisfying(ConnectionException.class,
                    e -> assertThat(e.reason()).isEqualTo(ConnectionException.Reason.NOT_FOTA_DESK));
            assertThatThrownBy(() -> client.device(imei(1))).isInstanceOfSatisfying(NotFoundException.class, e -> {
                assertThat(e.isFromApi()).isFalse();
                assertThat(e.error()).isEqualTo(ApiException.UNEXPECTED_RESPONSE);
                assertThat(e.detail()).contains("404");
            });
            assertThatThrownBy(client::campaigns).isInstanceOfSatisfying(ServerException.class,
                    e -> assertThat(e.status()).isEqualTo(502));
            assertThatThrownBy(client::clients).isExactlyInstanceOf(ApiException.class)
                    .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(200));
        } finally {
            other.stop(0);
        }
    }

    @Test
    void refusesAddressesAndKeysItCannotUse() {
        assertThatThrownBy(() -> new HttpFotaDeskClient("127.0.0.1:8080", TestBackend.API_KEY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http://");
        assertThatThrownBy(() -> new HttpFotaDeskClient(backend.url(), "key\nX-Other: 1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("key\n");
        assertThatThrownBy(() -> new HttpFotaDeskClient(backend.url(), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sharesTheCallersHttpClientAndReachesAServerUnderAPathPrefix() throws Exception {
        OkHttpClient shared = new OkHttpClient.Builder().addInterceptor(chain -> {
            // a reverse proxy that serves the backend under /fota
            var request = chain.request();
            String path = request.url().encodedPath().replaceFirst("^/fota", "");
            return chain.proceed(request.newBuilder().url(request.url().newBuilder().encodedPath(path).build()).build());
        }).build();
        FotaDeskClient proxied = new HttpFotaDeskClient(backend.url() + "/fota/", TestBackend.API_KEY, shared);
        proxied.checkConnection();
        assertThat(proxied.createClient("globex").name()).isEqualTo("globex");
    }
}
