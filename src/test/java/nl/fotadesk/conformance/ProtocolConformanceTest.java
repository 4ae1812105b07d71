package nl.fotadesk.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import nl.fotadesk.backend.DeviceTransport;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.backend.domain.StrictJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.fotadesk.conformance.Devices.bn;
import static nl.fotadesk.conformance.Devices.pack;
import static nl.fotadesk.conformance.Devices.sign;
import static nl.fotadesk.conformance.Devices.uplink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * protocol.md §1 (uplink) and §2 (downlink) as an independent device client sees them on the wire:
 * exact bytes in, exact bytes out. What {@code IngestionTest} already covers is not repeated.
 */
@ParameterizedClass(name = "devices on {0}")
@EnumSource(DeviceTransport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtocolConformanceTest {
    static final int MAX_BODY = 64 * 1024;

    @Parameter
    DeviceTransport transport;
    @TempDir
    static Path data;
    TestBackend backend;
    Devices devices;

    @BeforeParameterizedClassInvocation
    void start() throws Exception {
        backend = transport.backend(data.resolve(transport.name()));
        devices = new Devices(backend);
    }

    @AfterParameterizedClassInvocation
    void stop() throws Exception {
        backend.close();
    }

    // ---- §2 downlink ----------------------------------------------------------------------------

    @Test
    void downlinkIsTheSpecifiedPackByteForByteAndTheWholeResponseStaysUnder4096Bytes() throws Exception {
        String imei = devices.register();
        byte[] image = random(183_424, 11);
        String version = devices.desire(imei, image);
        String body = "[{\"bn\":\"" + bn(imei) + "\",\"bt\":1764201600},{\"n\":\"firmware\",\"vs\":\"1.0.0\"}]";
        Instant before = Instant.now();
        Wire.Response r = Wire.exchange(devices.port(), uplink(body));

        assertThat(r.head()).startsWith("HTTP/1.1 200 OK\r\n");
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.header("Content-Length")).isEqualTo(String.valueOf(r.body().length));
        assertThat(r.totalBytes()).as("the whole HTTP response, headers included").isLessThan(4096);

        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image));
        Pattern shape = Pattern.compile(Pattern.quote("[{\"bn\":\"" + bn(imei) + "\"},{\"n\":\"url\",\"vs\":\""
                + backend.deviceUrl() + "/f/v1/") + "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"
                + Pattern.quote("\"},{\"n\":\"token\",\"vs\":\"") + "([A-Za-z0-9_-]+)\\.([A-Za-z0-9_-]+)\\.([A-Za-z0-9_-]+)"
                + Pattern.quote("\"},{\"n\":\"fotaVersion\",\"vs\":\"" + version + "\"},{\"n\":\"fotaSize\",\"v\":"
                + image.length + "},{\"n\":\"fotaSha256\",\"vs\":\"" + sha + "\"}]"));
        Matcher m = shape.matcher(r.bodyText());
        assertThat(m.matches()).as(r.bodyText()).isTrue();

        UUID downloadId = UUID.fromString(m.group(1));
        assertThat(downloadId.version()).as("a random (version 4) UUID").isEqualTo(4);
        assertThat(downloadId.variant()).isEqualTo(2);

        JsonNode header = StrictJson.MAPPER.readTree(Base64.getUrlDecoder().decode(m.group(2)));
        assertThat(header.get("alg").asText()).isEqualTo("HS256");
        JsonNode claims = StrictJson.MAPPER.readTree(Base64.getUrlDecoder().decode(m.group(3)));
        assertThat(names(claims)).containsExactlyInAnyOrder("sub", "fid", "iat", "exp");
        assertThat(claims.get("sub").asText()).isEqualTo(imei);
        assertThat(claims.get("fid").asText()).isEqualTo(downloadId.toString());
        assertThat(claims.get("iat").asLong()).isBetween(before.getEpochSecond() - 1, Instant.now().getEpochSecond());
        assertThat(claims.get("exp").asLong()).isGreaterThan(Instant.now().getEpochSecond() + 3600);

        String token = m.group(2) + "." + m.group(3) + "." + m.group(4);
        Wire.Response part = Wire.exchange(devices.port(), Devices.get("/f/v1/" + downloadId, token, "bytes=0-99"));
        assertThat(part.status()).as("the downlink's url and token fetch the image").isEqualTo(206);
    }

    @Test
    void everyStringValueOfTheDownlinkIsSentAsVs() throws Exception {
        Devices.Update update = devices.deviceWithUpdate(random(1000, 12));
        Wire.Response r = Wire.exchange(devices.port(), uplink(pack(update.imei(), "{\"n\":\"temp\",\"v\":1}")));
        JsonNode pack = StrictJson.MAPPER.readTree(r.body());
        assertThat(names(pack.get(0))).containsExactly("bn");
        for (int i = 1; i < pack.size(); i++) {
            JsonNode record = pack.get(i);
            String valueField = record.get("n").asText().equals("fotaSize") ? "v" : "vs";
            assertThat(names(record)).as(record.toString()).containsExactlyInAnyOrder("n", valueField);
        }
        assertThat(pack.get(1).get("n").asText()).isEqualTo("url");
        assertThat(pack.get(2).get("n").asText()).isEqualTo("token");
    }

    @Test
    void echoesTheBaseNameOfUnusualButValidPacks() throws Exception {
        Devices.Update update = devices.deviceWithUpdate(random(1000, 13));
        String bn = bn(update.imei());
        String q = "\"" + bn + "\"";
        String[] packs = {
                "[{\"bt\":1764201600,\"bn\":" + q + "}]",
                "[{\"bn\":" + q + ",\"n\":\"firmware\",\"vs\":\"1.0.0\"}]",
                " \r\n[ {\n \"bn\" : " + q + " } ,\t{\"n\":\"firmware\",\"vs\":\"1.0.0\"} ]\n",
                "[{\"bn\":" + q + "},{\"bn\":" + q + ",\"n\":\"temp\",\"v\":1}]",
                "[{\"bn\":" + q + ",\"bver\":10,\"vendorThing\":{\"a\":[1,2]}},{\"n\":\"temp\",\"v\":1,\"bver\":10}]",
                "[{\"bn\":" + q + ",\"bu\":\"Cel\",\"bv\":1,\"bs\":2,\"bt\":-5},{\"n\":\"temp\",\"v\":1}]",
        };
        for (String body : packs) {
            Wire.Response r = Wire.exchange(devices.port(), uplink(body));
            assertThat(r.status()).as(body + " -> " + r.bodyText()).isEqualTo(200);
            assertThat(r.bodyText()).as(body).startsWith("[{\"bn\":" + q + "},{\"n\":\"url\",\"vs\":\"" + update.url());
        }
        // A bn written with a JSON escape is the same string: the downlink carries that string, unescaped
        // (protocol.md says "byte-for-byte" without saying whether escapes count).
        String escaped = "[{\"bn\":\"" + bn.substring(0, bn.length() - 1) + "\\u003a\"},{\"n\":\"temp\",\"v\":1}]";
        Wire.Response r = Wire.exchange(devices.port(), uplink(escaped));
        assertThat(r.status()).isEqualTo(200);
        assertThat(StrictJson.MAPPER.readTree(r.body()).get(0).get("bn").asText()).isEqualTo(bn);
    }

    // ---- §1 uplink: SenML -------------------------------------------------------------------------

    @Test
    void withoutBtTheReceiveTimeIsUsed() throws Exception {
        String imei = devices.register();
        double before = System.currentTimeMillis() / 1000.0;
        assertThat(Wire.exchange(devices.port(), uplink(pack(imei, "{\"n\":\"temp\",\"v\":1}"))).status()).isEqualTo(204);
        double after = System.currentTimeMillis() / 1000.0;
        assertThat(seconds(devices.view(imei).at("/telemetry/temp/time"))).isBetween(before - 1, after + 1);
    }

    @Test
    void timesBelow2To28AreRelativeToNow() throws Exception {
        String imei = devices.register();
        String body = "[{\"bn\":\"" + bn(imei) + "\",\"bt\":-100},{\"n\":\"a\",\"v\":1,\"t\":10},"
                + "{\"n\":\"b\",\"v\":1,\"bt\":0,\"t\":-30},"
                + "{\"n\":\"c\",\"v\":1,\"bt\":268435456},"
                + "{\"n\":\"d\",\"v\":1,\"bt\":1764201600,\"t\":5}]";
        double now = System.currentTimeMillis() / 1000.0;
        assertThat(Wire.exchange(devices.port(), uplink(body)).status()).isEqualTo(204);
        JsonNode t = devices.view(imei).get("telemetry");
        assertThat(seconds(t.at("/a/time"))).isCloseTo(now - 90, within(3.0));
        assertThat(seconds(t.at("/b/time"))).isCloseTo(now - 30, within(3.0));
        assertThat(seconds(t.at("/c/time"))).as("2^28 itself is absolute").isEqualTo(268435456.0);
        assertThat(seconds(t.at("/d/time"))).isEqualTo(1764201605.0);
    }

    @Test
    void baseFieldsCarryOverUntilReplacedAndBverUpTo10IsAccepted() throws Exception {
        String imei = devices.register();
        String body = "[{\"bn\":\"" + bn(imei) + "\",\"bt\":1764201600,\"bu\":\"Cel\",\"bv\":20,\"bs\":100,\"bver\":10},"
                + "{\"n\":\"temp\",\"v\":1.5},"
                + "{\"n\":\"hum\",\"u\":\"%RH\",\"v\":40,\"t\":60,\"bver\":10},"
                + "{\"n\":\"energy\",\"s\":5},"
                + "{\"bu\":\"K\",\"n\":\"kelvin\",\"v\":1},"
                + "{\"n\":\"firmware\",\"vs\":\"1.0.7\"}]";
        Wire.Response r = Wire.exchange(devices.port(), uplink(body));
        assertThat(r.status()).as(r.bodyText()).isEqualTo(204);
        JsonNode device = devices.view(imei);
        assertThat(device.get("reportedFirmware").asText()).as("records after base-only fields map to the device")
                .isEqualTo("1.0.7");
        JsonNode t = device.get("telemetry");
        assertThat(t.at("/temp/v").asDouble()).isEqualTo(21.5);
        assertThat(t.at("/temp/u").asText()).isEqualTo("Cel");
        assertThat(seconds(t.at("/temp/time"))).isEqualTo(1764201600.0);
        assertThat(t.at("/hum/v").asDouble()).isEqualTo(60.0);
        assertThat(t.at("/hum/u").asText()).isEqualTo("%RH");
        assertThat(seconds(t.at("/hum/time"))).isEqualTo(1764201660.0);
        assertThat(t.at("/energy/s").asDouble()).isEqualTo(105.0);
        assertThat(t.at("/energy/u").asText()).isEqualTo("Cel");
        assertThat(t.at("/kelvin/u").asText()).isEqualTo("K");
    }

    @Test
    void baseValueAppliesToUnderstoodRecordsToo() throws Exception {
        Devices.Update update = devices.deviceWithUpdate(random(1000, 15));
        String body = "[{\"bn\":\"" + bn(update.imei()) + "\",\"bv\":10},{\"n\":\"fotaProgress\",\"v\":30,\"u\":\"%\"}]";
        assertThat(Wire.exchange(devices.port(), uplink(body)).status()).isEqualTo(200);
        assertThat(devices.view(update.imei()).get("progress").asInt()).isEqualTo(40);
    }

    @Test
    void invalidSenmlAnswers400WithExactlyTheSpecifiedBody() throws Exception {
        String imei = devices.register();
        Wire.Response r = Wire.exchange(devices.port(),
                uplink(pack(imei, "{\"n\":\"firmware\",\"vs\":\"1\",\"v\":2}")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.bodyText()).isEqualTo("{\"error\":\"invalid_senml\",\"detail\":\"record 2: two value fields\"}");
    }

    @Test
    void everyRfc8428ViolationAnswers400InvalidSenml() throws Exception {
        String imei = devices.register();
        String q = "\"" + bn(imei) + "\"";
        String[] invalid = {
                "not json",
                "{\"bn\":" + q + "}",
                "[]",
                "[1]",
                "[{\"bn\":" + q + "},{\"n\":\"temp\"}]",
                "[{\"bn\":" + q + "},{\"n\":\"te mp\",\"v\":1}]",
                "[{\"bn\":" + q + "},{\"n\":\"temp!\",\"v\":1}]",
                "[{\"n\":\"-temp\",\"v\":1}]",
                "[{\"bn\":\"\",\"v\":1}]",
                "[{\"bn\":" + q + ",\"bver\":11},{\"n\":\"temp\",\"v\":1}]",
                "[{\"bn\":" + q + ",\"bver\":10},{\"n\":\"temp\",\"v\":1,\"bver\":9}]",
                "[{\"bn\":" + q + "},{\"n\":\"temp\",\"v\":1,\"x_\":1}]",
                "[{\"bn\":" + q + "},{\"n\":\"temp\",\"v\":\"1\"}]",
                "[{\"bn\":" + q + "},{\"n\":\"temp\",\"vb\":true,\"vs\":\"x\"}]",
                "[{\"bn\":" + q + "},{\"n\":\"temp\",\"v\":1}] trailing",
        };
        for (String body : invalid) {
            Wire.Response r = Wire.exchange(devices.port(), uplink(body));
            assertThat(r.status()).as(body + " -> " + r.bodyText()).isEqualTo(400);
            assertThat(r.header("Content-Type")).startsWith("application/json");
            JsonNode error = Devices.json(r);
            assertThat(names(error)).as(body).containsExactlyInAnyOrder("error", "detail");
            assertThat(error.get("error").asText()).isEqualTo("invalid_senml");
            assertThat(error.get("detail").asText()).isNotBlank();
        }
        assertThat(devices.view(imei).has("telemetry")).isFalse();
    }

    @Test
    void acceptsWhatRfc8428Allows() throws Exception {
        String imei = devices.register();
        String q = "\"" + bn(imei) + "\"";
        String[] valid = {
                "[{\"bn\":" + q + "}]",
                "[{\"bn\":" + q + "},{\"n\":\"meter\",\"s\":3}]",
                "[{\"bn\":" + q + "},{\"n\":\"a-b:c.d/e_F9\",\"v\":1}]",
                "[{\"bn\":" + q + "},{\"n\":\"temp\",\"v\":1,\"vendor\":{\"x\":[1,{\"y_\":2}]},\"note\":\"hi\"}]",
                "[{\"bn\":" + q + "},{\"n\":\"flag\",\"vb\":false},{\"n\":\"raw\",\"vd\":\"aG9paG9pAA\"}]",
        };
        for (String body : valid) {
            Wire.Response r = Wire.exchange(devices.port(), uplink(body));
            assertThat(r.status()).as(body + " -> " + r.bodyText()).isEqualTo(204);
        }
        JsonNode t = devices.view(imei).get("telemetry");
        assertThat(t.at("/meter/s").asDouble()).isEqualTo(3.0);
        assertThat(t.at("/a-b:c.d~1e_F9/v").asDouble()).isEqualTo(1.0);
        assertThat(t.at("/flag/vb").asBoolean()).isFalse();
        assertThat(t.at("/raw/vd").asText()).isEqualTo("aG9paG9pAA");
    }

    // ---- §1 uplink: HTTP framing -------------------------------------------------------------------

    @Test
    void acceptsTheVendorLibrarysBareLfRequests() throws Exception {
        String imei = devices.register();
        String body = pack(imei, "{\"n\":\"firmware\",\"vs\":\"1.0.3\"}");
        Wire.Response r = Wire.exchange(devices.port(), uplink(body, sign(body), "\n"));
        assertThat(r.status()).as(r.head()).isEqualTo(204);
        assertThat(devices.view(imei).get("reportedFirmware").asText()).isEqualTo("1.0.3");

        Devices.Update update = devices.deviceWithUpdate(random(1000, 16));
        String again = pack(update.imei(), "{\"n\":\"firmware\",\"vs\":\"1.0.0\"}");
        Wire.Response downlink = Wire.exchange(devices.port(), uplink(again, sign(again), "\n"));
        assertThat(downlink.status()).isEqualTo(200);
        assertThat(downlink.bodyText()).startsWith("[{\"bn\":\"" + bn(update.imei()) + "\"},{\"n\":\"url\",\"vs\":\""
                + update.url() + "\"},{\"n\":\"token\",\"vs\":\"" + update.token() + "\"}");
    }

    @Test
    void theHostHeaderIsNotChecked() throws Exception {
        String imei = devices.register();
        String body = pack(imei, "{\"n\":\"temp\",\"v\":1}");
        for (String host : List.of("m.m", "10.151.236.157", "elsewhere.example:8080")) {
            String request = new String(uplink(body), StandardCharsets.ISO_8859_1).replace("Host: m.m", "Host: " + host);
            assertThat(Wire.exchange(devices.port(), request).status()).as(host).isEqualTo(204);
        }
    }

    @Test
    void acceptsAChunkedBody() throws Exception {
        for (String eol : new String[]{"\r\n", "\n"}) {
            String imei = devices.register();
            String body = pack(imei, "{\"n\":\"firmware\",\"vs\":\"1.0.4\"}", "{\"n\":\"temp\",\"v\":7}");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder("POST " + Devices.INGEST + " HTTP/1.1" + eol + "Host: m.m" + eol
                    + "Things-Message-Token: " + sign(body) + eol + "Content-Type: application/json" + eol
                    + "Transfer-Encoding: chunked" + eol + eol);
            for (int i = 0; i < bytes.length; i += 17) {
                int n = Math.min(17, bytes.length - i);
                request.append(Integer.toHexString(n)).append(eol).append(body, i, i + n).append(eol);
            }
            request.append("0").append(eol).append(eol);
            Wire.Response r = Wire.exchange(devices.port(), request.toString());
            if (eol.equals("\n") && transport == DeviceTransport.NETTY) {
                // docs/protocol.md §7.1: Netty refuses bare-LF chunk lines (a request-smuggling defence)
                assertThat(r.status()).as(r.head() + r.bodyText()).isEqualTo(400);
                assertThat(r.bodyText()).contains("bad_request").contains("Carriage Return");
                assertThat(r.header("Connection")).isEqualTo("close");
                continue;
            }
            assertThat(r.status()).as(eol.length() + "-byte line ends: " + r.head() + r.bodyText()).isEqualTo(204);
            JsonNode device = devices.view(imei);
            assertThat(device.get("reportedFirmware").asText()).isEqualTo("1.0.4");
            assertThat(device.at("/telemetry/temp/v").asDouble()).isEqualTo(7.0);
        }
    }

    @Test
    void everyRefusedAuthenticationLooksTheSame() throws Exception {
        String imei = devices.register();
        String body = pack(imei, "{\"n\":\"firmware\",\"vs\":\"1.0.0\"}");
        Wire.Response reference = Wire.exchange(devices.port(), uplink(body, null, "\r\n"));
        assertThat(reference.status()).isEqualTo(401);
        assertThat(reference.header("Content-Type")).startsWith("application/json");
        assertThat(names(Devices.json(reference))).containsExactlyInAnyOrder("error", "detail");

        String unknown = pack("356938035643809", "{\"n\":\"firmware\",\"vs\":\"1.0.0\"}");
        String badCheckDigit = pack("356938035643808", "{\"n\":\"firmware\",\"vs\":\"1.0.0\"}");
        String notUrn = "[{\"bn\":\"device-name\"},{\"n\":\"firmware\",\"vs\":\"1.0.0\"}]";
        String lowercaseUrn = "[{\"bn\":\"urn:dev:imei:" + imei + ":\"},{\"n\":\"firmware\",\"vs\":\"1.0.0\"}]";
        String noBn = "[{\"n\":\"firmware\",\"vs\":\"1.0.0\"}]";
        List<byte[]> refused = List.of(
                uplink(body, "0".repeat(64), "\r\n"),
                uplink(body, sign(body + " "), "\r\n"),
                uplink(body, sign(body).substring(1), "\r\n"),
                uplink(body, "", "\r\n"),
                uplink(body, sign(body).replace('a', 'g'), "\r\n"),
                uplink(unknown),
                uplink(badCheckDigit),
                uplink(notUrn),
                uplink(lowercaseUrn),
                uplink(noBn));
        for (byte[] request : refused) {
            Wire.Response r = Wire.exchange(devices.port(), request);
            assertThat(withoutDate(r.head())).as(new String(request, StandardCharsets.ISO_8859_1))
                    .isEqualTo(withoutDate(reference.head()));
            assertThat(r.body()).isEqualTo(reference.body());
        }
        assertThat(devices.view(imei).has("lastSeen")).isFalse();
    }

    @Test
    void aBodyOfExactly64KiBIsAcceptedOneByteMoreIs413() throws Exception {
        String imei = devices.register();
        String exact = padded(imei, MAX_BODY);
        assertThat(exact.getBytes(StandardCharsets.UTF_8)).hasSize(MAX_BODY);
        Wire.Response ok = Wire.exchange(devices.port(), uplink(exact));
        assertThat(ok.status()).as(ok.bodyText()).isEqualTo(204);
        assertThat(devices.view(imei).at("/telemetry/blob").isMissingNode())
                .as("a telemetry value too large to keep is left out (docs/api.md, Limits)").isTrue();

        Wire.Response tooLarge = Wire.exchange(devices.port(), uplink(padded(imei, MAX_BODY + 1)));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.header("Content-Type")).startsWith("application/json");
        assertThat(names(Devices.json(tooLarge))).containsExactlyInAnyOrder("error", "detail");
    }

    @Test
    void aChunkedBodyOver64KiBWithoutContentLengthIs413AndTheConnectionHeaderTellsTheTruth() throws Exception {
        String imei = devices.register();
        String body = padded(imei, MAX_BODY + 4096);
        StringBuilder request = new StringBuilder("POST " + Devices.INGEST + " HTTP/1.1\r\nHost: m.m\r\n"
                + "Things-Message-Token: " + sign(body) + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n");
        for (int i = 0; i < body.length(); i += 8192) {
            int n = Math.min(8192, body.length() - i);
            request.append(Integer.toHexString(n)).append("\r\n").append(body, i, i + n).append("\r\n");
        }
        request.append("0\r\n\r\n");
        try (Wire wire = new Wire(devices.port())) {
            wire.send(request.toString());
            Wire.Response r = wire.read();
            assertThat(r.status()).isEqualTo(413);
            assertThat(Devices.json(r).get("error").asText()).isNotBlank();
            assertHonestConnectionHeader(wire, r);
        }
        assertThat(devices.view(imei).has("telemetry")).as("a rejected uplink changes nothing").isFalse();
    }

    @Test
    void aDeclaredOversizedBodyIs413WithoutWaitingForItAndTheConnectionHeaderTellsTheTruth() throws Exception {
        String imei = devices.register();
        try (Wire wire = new Wire(devices.port())) {
            wire.send("POST " + Devices.INGEST + " HTTP/1.1\r\nHost: m.m\r\nThings-Message-Token: " + "0".repeat(64)
                    + "\r\nContent-Type: application/json\r\nContent-Length: 10485760\r\n\r\n[{\"bn\":\"");
            Wire.Response r = wire.read();
            assertThat(r.status()).isEqualTo(413);
            assertHonestConnectionHeader(wire, r);
        }
    }

    @Test
    void aRejectedUplinkChangesNothing() throws Exception {
        String imei = devices.register();
        String desired = devices.desire(imei, random(1000, 17));
        JsonNode before = devices.view(imei);
        assertThat(before.get("status").asText()).isEqualTo("pending");

        String[] records = {"{\"n\":\"firmware\",\"vs\":\"" + desired + "\"}", "{\"n\":\"fotaResult\",\"v\":8}",
                "{\"n\":\"fotaState\",\"vs\":\"downloading\"}", "{\"n\":\"fotaProgress\",\"v\":50,\"u\":\"%\"}",
                "{\"n\":\"temp\",\"v\":1}"};
        String good = pack(imei, records);
        List<Wire.Response> answers = new ArrayList<>();
        answers.add(Wire.exchange(devices.port(), uplink(good, "0".repeat(64), "\r\n")));
        answers.add(Wire.exchange(devices.port(), uplink(good, null, "\r\n")));
        String invalid = good.substring(0, good.length() - 1) + ",{\"n\":\"x\",\"v\":1,\"vs\":\"two\"}]";
        answers.add(Wire.exchange(devices.port(), uplink(invalid)));
        String tooLarge = good.substring(0, good.length() - 1) + ",{\"n\":\"blob\",\"vs\":\"" + "x".repeat(MAX_BODY) + "\"}]";
        answers.add(Wire.exchange(devices.port(), uplink(tooLarge)));
        assertThat(answers).extracting(Wire.Response::status).containsExactly(401, 401, 400, 413);
        assertThat(devices.view(imei)).isEqualTo(before);

        Wire.Response accepted = Wire.exchange(devices.port(), uplink(pack(imei, records[4])));
        assertThat(accepted.status()).as("the update is still pending").isEqualTo(200);
        assertThat(devices.view(imei).get("status").asText()).isEqualTo("notified");
    }

    // ---- helpers -------------------------------------------------------------------------------------

    /**
     * A response must carry exactly one {@code Connection} header, and it must match what the server
     * does: after {@code keep-alive} the next request on the socket is answered, after {@code close}
     * the socket is closed.
     */
    private static void assertHonestConnectionHeader(Wire wire, Wire.Response r) throws IOException {
        assertThat(r.anyCase("Connection")).as(r.head()).hasSize(1);
        String connection = r.header("Connection");
        assertThat(connection).isIn("keep-alive", "close");
        if (connection.equals("close")) {
            assertThat(wire.closedByServer()).as("the socket after Connection: close").isTrue();
        } else {
            Wire.Response next = wire.send("GET /nothing HTTP/1.1\r\nHost: m.m\r\n\r\n").read();
            assertThat(next.status()).as("the socket after Connection: keep-alive still answers").isEqualTo(404);
        }
    }

    /** A signed-able pack of exactly {@code size} bytes. */
    private static String padded(String imei, int size) {
        String empty = pack(imei, "{\"n\":\"blob\",\"vs\":\"\"}");
        int room = size - empty.length();
        return pack(imei, "{\"n\":\"blob\",\"vs\":\"" + "x".repeat(room) + "\"}");
    }

    private static String withoutDate(String head) {
        return head.replaceAll("\r\nDate: [^\r]*", "");
    }

    static Set<String> names(JsonNode object) {
        Set<String> names = new LinkedHashSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** A telemetry time (ISO-8601) as epoch seconds. */
    private static double seconds(JsonNode time) {
        return java.time.Instant.parse(time.asText()).toEpochMilli() / 1000.0;
    }
}
