package nl.fotadesk.backend;

import nl.fotadesk.backend.tls.TestCertificate;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.client.HttpFotaDeskClient;
import nl.fotadesk.client.ServerTrust;
import nl.fotadesk.protocol.DeviceUrn;
import nl.fotadesk.protocol.Downlink;
import nl.fotadesk.protocol.MessageToken;
import nl.fotadesk.protocol.api.NewDevice;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static nl.fotadesk.backend.TestBackend.API_KEY;
import static nl.fotadesk.backend.TestBackend.JSON;
import static nl.fotadesk.backend.TestBackend.SECRET;
import static nl.fotadesk.backend.TestBackend.pack;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --device-port}: the device endpoints in plain HTTP on their own port and nowhere else, the
 * management API over HTTPS on its port and nowhere else, and downlinks pointing at the device port.
 */
class DevicePortTest {
    static final String IMEI = "490154203237518";

    @TempDir
    Path data;
    @TempDir
    static Path certificates;
    static TestCertificate certificate;
    BackendServer server;
    FotaDeskClient api;
    final OkHttpClient devices = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();
    OkHttpClient management;

    @BeforeAll
    static void makeCertificate() throws Exception {
        certificate = TestCertificate.selfSigned(certificates, "fota-test");
    }

    @BeforeEach
    void start() throws Exception {
        server = BackendServer.start(BackendConfig.local(data, 0, API_KEY)
                .withTls(new BackendConfig.Tls(certificate.certificate(), certificate.key()))
                .withDevicePort(new BackendConfig.DevicePort("127.0.0.1", 0)), Clock.systemUTC(), TestBackend.QUICK_HASHES);
        api = new HttpFotaDeskClient(server.baseUrl(), API_KEY, ServerTrust.pinned(certificate.fingerprint()));
        management = TrustingHttp.trusting(certificate.x509());
        api.registerDevice(new NewDevice(IMEI, "tracker-x", "acme", SECRET, "1.0.0"));
        api.setDesiredFirmware(IMEI, api.uploadFirmware("tracker-x", "2.0.0", new byte[3000]).id());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void theManagementApiIsHttpsAndTheDevicePortPlainHttpOnAnotherPort() {
        assertThat(server.baseUrl()).startsWith("https://127.0.0.1:");
        assertThat(server.deviceUrl()).startsWith("http://127.0.0.1:").isNotEqualTo(server.baseUrl()
                .replace("https", "http"));
    }

    @Test
    void devicesAreServedOnTheDevicePortWithDownloadsPointingThere() throws Exception {
        Downlink downlink = uplink(server.deviceUrl());
        assertThat(downlink.url()).startsWith(server.deviceUrl() + "/f/v1/");
        try (Response r = devices.newCall(new Request.Builder().url(downlink.url())
                .header("Authorization", "Bearer " + downlink.token()).header("Range", "bytes=0-99").build())
                .execute()) {
            assertThat(r.code()).isEqualTo(206);
            assertThat(r.body().bytes()).hasSize(100);
        }
    }

    @Test
    void theDeviceEndpointsAreNotOnTheManagementPort() throws Exception {
        String signed = pack(IMEI, "{\"n\":\"firmware\",\"vs\":\"1.0.0\"}");
        try (Response r = management.newCall(uplinkRequest(server.baseUrl(), signed)).execute()) {
            assertThat(r.code()).isEqualTo(404);
        }
        Downlink downlink = uplink(server.deviceUrl());
        String path = downlink.url().substring(server.deviceUrl().length());
        try (Response r = management.newCall(new Request.Builder().url(server.baseUrl() + path)
                .header("Authorization", "Bearer " + downlink.token()).build()).execute()) {
            assertThat(r.code()).isEqualTo(404);
        }
    }

    @Test
    void theManagementApiIsNotOnTheDevicePort() throws Exception {
        try (Response r = management.newCall(new Request.Builder().url(server.baseUrl() + "/api/v1/devices/" + IMEI)
                .header("Authorization", "Bearer " + API_KEY).build()).execute()) {
            assertThat(r.code()).as("the same request on the management port").isEqualTo(200);
        }
        try (Response r = devices.newCall(new Request.Builder().url(server.deviceUrl() + "/api/v1/devices/" + IMEI)
                .header("Authorization", "Bearer " + API_KEY).build()).execute()) {
            assertThat(r.code()).isEqualTo(404);
            assertThat(r.body().string()).contains("not_found").doesNotContain("tracker-x");
        }
    }

    private Downlink uplink(String base) throws IOException {
        String body = pack(IMEI, "{\"n\":\"firmware\",\"vs\":\"1.0.0\"}");
        try (Response r = devices.newCall(uplinkRequest(base, body)).execute()) {
            assertThat(r.code()).isEqualTo(200);
            return Downlink.parse(r.body().bytes(), DeviceUrn.of(IMEI)).orElseThrow();
        }
    }

    static Request uplinkRequest(String base, String body) {
        return new Request.Builder().url(base + "/ingestion/m2m/senml/v1")
                .header(MessageToken.HEADER, MessageToken.compute(body.getBytes(StandardCharsets.UTF_8), SECRET))
                .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), JSON)).build();
    }
}
