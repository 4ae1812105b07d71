package nl.fotadesk.backend;

import nl.fotadesk.backend.domain.StrictJson;
import nl.fotadesk.backend.tls.TestCertificate;
import nl.fotadesk.protocol.DeviceUrn;
import nl.fotadesk.protocol.Downlink;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.TlsVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static nl.fotadesk.backend.TestBackend.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** The management API over HTTPS from PEM files; without a device port the one HTTPS port serves devices too. */
class HttpsTest {
    static final String IMEI = "490154203237518";

    @TempDir
    Path data;
    @TempDir
    Path certificates;

    @Test
    void servesTheApiOverTls12OrNewerWithTheWholeChainAndNotInPlainHttp() throws Exception {
        TestCertificate authority = TestCertificate.authority(certificates, "fota-test-ca");
        TestCertificate server = authority.issue(certificates, "fota-test");
        Path chain = Files.writeString(certificates.resolve("chain.pem"),
                "subject=CN=fota-test\n" + Files.readString(server.certificate()));
        try (TestBackend backend = new TestBackend(BackendConfig.local(data, 0, API_KEY)
                .withTls(new BackendConfig.Tls(chain, server.key())))) {
            assertThat(backend.url()).startsWith("https://");
            OkHttpClient https = TrustingHttp.trusting(server.x509());
            try (Response r = https.newCall(get(backend.url() + "/api/v1/devices")).execute()) {
                assertThat(r.code()).isEqualTo(200);
                assertThat(r.handshake().tlsVersion()).isIn(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3);
            }
            assertThat(TrustingHttp.presented("127.0.0.1", backend.port(), server.x509())).as("the chain as given")
                    .containsExactly(server.x509(), authority.x509());
            OkHttpClient plain = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
            String plainUrl = backend.url().replace("https://", "http://") + "/api/v1/devices";
            int plainStatus;
            try (Response r = plain.newCall(get(plainUrl)).execute()) {
                plainStatus = r.code();
            } catch (IOException refused) {
                plainStatus = -1;
            }
            assertThat(plainStatus).as("plain HTTP on the HTTPS port").isNotEqualTo(200);
        }
    }

    @Test
    void withoutADevicePortTheOneHttpsPortServesDevicesWithHttpsDownloads() throws Exception {
        TestCertificate server = TestCertificate.selfSigned(certificates, "fota-test");
        try (TestBackend backend = new TestBackend(BackendConfig.local(data, 0, API_KEY)
                .withTls(new BackendConfig.Tls(server.certificate(), server.key())))) {
            assertThat(backend.server().deviceUrl()).isEqualTo(backend.url());
            OkHttpClient https = TrustingHttp.trusting(server.x509());
            String firmware;
            try (Response r = https.newCall(new Request.Builder().url(backend.url()
                    + "/api/v1/firmware?deviceType=tracker-x&version=2.0.0")
                    .header("Authorization", "Bearer " + API_KEY)
                    .post(RequestBody.create(new byte[500])).build()).execute()) {
                assertThat(r.code()).isEqualTo(201);
                firmware = StrictJson.MAPPER.readTree(r.body().string()).get("id").asText();
            }
            send(https, "POST", backend.url() + "/api/v1/devices", Map.of("imei", IMEI, "deviceType", "tracker-x",
                    "client", "acme", "secret", TestBackend.SECRET, "firmware", "1.0.0"), 201);
            send(https, "PUT", backend.url() + "/api/v1/devices/" + IMEI + "/desired",
                    Map.of("firmwareId", firmware), 200);
            String body = TestBackend.pack(IMEI, "{\"n\":\"firmware\",\"vs\":\"1.0.0\"}");
            try (Response r = https.newCall(DevicePortTest.uplinkRequest(backend.url(), body)).execute()) {
                assertThat(r.code()).isEqualTo(200);
                assertThat(Downlink.parse(r.body().bytes(), DeviceUrn.of(IMEI)).orElseThrow().url())
                        .startsWith(backend.url() + "/f/v1/");
            }
        }
    }

    private static Request get(String url) {
        return new Request.Builder().url(url).header("Authorization", "Bearer " + API_KEY).build();
    }

    private static void send(OkHttpClient http, String method, String url, Map<String, String> json, int expected)
            throws IOException {
        try (Response r = http.newCall(new Request.Builder().url(url).header("Authorization", "Bearer " + API_KEY)
                .method(method, RequestBody.create(StrictJson.MAPPER.writeValueAsBytes(json),
                        TestBackend.JSON)).build()).execute()) {
            assertThat(r.code()).as(method + " " + url).isEqualTo(expected);
        }
    }
}
