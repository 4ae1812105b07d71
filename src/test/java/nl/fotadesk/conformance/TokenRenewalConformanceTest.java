package nl.fotadesk.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import nl.fotadesk.backend.BackendConfig;
import nl.fotadesk.backend.BackendServer;
import nl.fotadesk.backend.MutableClock;
import nl.fotadesk.backend.domain.StrictJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.fotadesk.conformance.Devices.pack;
import static nl.fotadesk.conformance.Devices.uplink;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * protocol.md §2: the downlink repeats with the same URL; its token is renewed only when it is near
 * expiry. Driven by a server clock the test moves forward.
 */
class TokenRenewalConformanceTest {
    static final String API_KEY = "conformance-api-key-0123456789";
    static final String IMEI = "490154203237518";
    static final String SECRET = "s3cretS3cretS3cretS3cretS3cret01";
    static final Pattern DOWNLINK = Pattern.compile("\\{\"n\":\"url\",\"vs\":\"([^\"]+)\"},\\{\"n\":\"token\",\"vs\":\"([^\"]+)\"}");

    @TempDir
    Path data;

    @Test
    void theTokenIsRenewedNearItsExpiryAndTheUrlStays() throws Exception {
        Instant start = Instant.now().minus(Duration.ofDays(6).plusHours(12));
        MutableClock clock = new MutableClock(start);
        try (BackendServer server = BackendServer.start(BackendConfig.local(data, 0, API_KEY), clock)) {
            int port = Integer.parseInt(server.baseUrl().substring(server.baseUrl().lastIndexOf(':') + 1));
            api(port, "POST", "/api/v1/devices", "{\"imei\":\"" + IMEI + "\",\"deviceType\":\"t\",\"client\":\"c\","
                    + "\"secret\":\"" + SECRET + "\",\"firmware\":\"1.0.0\"}", 201);
            String firmwareId = api(port, "POST", "/api/v1/firmware?deviceType=t&version=2.0.0", "image bytes", 201)
                    .get("id").asText();
            api(port, "PUT", "/api/v1/devices/" + IMEI + "/desired", "{\"firmwareId\":\"" + firmwareId + "\"}", 200);

            Matcher first = downlink(port);
            JsonNode firstClaims = claims(first.group(2));
            assertThat(firstClaims.get("iat").asLong()).isEqualTo(start.getEpochSecond());

            clock.set(start.plus(Duration.ofDays(5)));
            Matcher later = downlink(port);
            assertThat(later.group(1)).isEqualTo(first.group(1));
            assertThat(later.group(2)).as("more than a day left: the same token").isEqualTo(first.group(2));

            Instant now = Instant.now();
            clock.set(now);
            Matcher renewed = downlink(port);
            assertThat(renewed.group(1)).as("the URL stays the same").isEqualTo(first.group(1));
            assertThat(renewed.group(2)).as("less than a day left: a new token").isNotEqualTo(first.group(2));
            JsonNode claims = claims(renewed.group(2));
            assertThat(claims.get("iat").asLong()).isEqualTo(now.getEpochSecond());
            assertThat(claims.get("exp").asLong()).isGreaterThan(firstClaims.get("exp").asLong());
            assertThat(claims.get("fid").asText()).isEqualTo(firstClaims.get("fid").asText());

            Wire.Response part = Wire.exchange(port, Devices.get(java.net.URI.create(renewed.group(1)).getPath(),
                    renewed.group(2), "bytes=0-4"));
            assertThat(part.status()).isEqualTo(206);
            assertThat(new String(part.body(), StandardCharsets.US_ASCII)).isEqualTo("image");
        }
    }

    private static Matcher downlink(int port) throws IOException {
        String body = pack(IMEI, "{\"n\":\"firmware\",\"vs\":\"1.0.0\"}");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String token = nl.fotadesk.protocol.MessageToken.compute(bytes, SECRET);
        Wire.Response r = Wire.exchange(port, uplink(body, token, "\r\n"));
        assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
        Matcher m = DOWNLINK.matcher(r.bodyText());
        assertThat(m.find()).isTrue();
        return m;
    }

    private static JsonNode claims(String jwt) throws IOException {
        return StrictJson.MAPPER.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static JsonNode api(int port, String method, String path, String body, int expected) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Wire.Response r = Wire.exchange(port, Wire.concat(Wire.ascii(method + " " + path + " HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: Bearer " + API_KEY + "\r\nContent-Type: application/json\r\nContent-Length: "
                + bytes.length + "\r\n\r\n"), bytes));
        assertThat(r.status()).as(method + " " + path + ": " + r.bodyText()).isEqualTo(expected);
        return Devices.json(r);
    }
}
