package nl.fotadesk.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.backend.domain.StrictJson;
import nl.fotadesk.protocol.DeviceUrn;
import nl.fotadesk.protocol.Imei;
import nl.fotadesk.protocol.MessageToken;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Devices as the vendor's C library drives them, against one {@link TestBackend}: each test takes its
 * own fresh IMEI, so tests can share a server without seeing each other's state.
 */
final class Devices {
    static final String DEVICE_TYPE = "tracker-x";
    static final String INGEST = "/ingestion/m2m/senml/v1";
    private static final AtomicInteger NEXT = new AtomicInteger(1);
    private static final Pattern DOWNLINK = Pattern.compile("\\{\"n\":\"url\",\"vs\":\"([^\"]+)\"},"
            + "\\{\"n\":\"token\",\"vs\":\"([^\"]+)\"}");

    /** What a downlink told a device: where to fetch, with which token. */
    record Update(String imei, String url, String path, String downloadId, String token, byte[] image) {
    }

    final TestBackend backend;

    Devices(TestBackend backend) {
        this.backend = backend;
    }

    /** The port devices are served on. */
    int port() {
        return backend.devicePort();
    }

    /** A registered device running firmware 1.0.0 with {@link TestBackend#SECRET}; returns its IMEI. */
    String register() throws IOException {
        String imei = Imei.withCheckDigit(String.format("35693803%06d", NEXT.getAndIncrement()));
        backend.registerDevice(imei, DEVICE_TYPE, "1.0.0");
        return imei;
    }

    /** Sets a new desired firmware for the device (a version nobody used yet) and returns its version. */
    String desire(String imei, byte[] image) throws IOException {
        String version = "2.0." + NEXT.getAndIncrement();
        backend.setDesired(imei, backend.uploadFirmware(DEVICE_TYPE, version, image));
        return version;
    }

    /** Gives the device a pending update of {@code image} and fetches its downlink with an uplink. */
    Update update(String imei, byte[] image) throws IOException {
        desire(imei, image);
        Wire.Response r = Wire.exchange(port(), uplink(pack(imei, "{\"n\":\"firmware\",\"vs\":\"1.0.0\"}")));
        assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
        Matcher m = DOWNLINK.matcher(r.bodyText());
        assertThat(m.find()).as(r.bodyText()).isTrue();
        String path = URI.create(m.group(1)).getPath();
        return new Update(imei, m.group(1), path, path.substring(path.lastIndexOf('/') + 1), m.group(2), image);
    }

    /** A registered device with a pending update of {@code image}. */
    Update deviceWithUpdate(byte[] image) throws IOException {
        return update(register(), image);
    }

    JsonNode view(String imei) throws IOException {
        return backend.apiJson("GET", "/api/v1/devices/" + imei, null, 200);
    }

    static String pack(String imei, String... records) {
        return TestBackend.pack(imei, records);
    }

    static String sign(String body) {
        return MessageToken.compute(body.getBytes(StandardCharsets.UTF_8), TestBackend.SECRET);
    }

    static String bn(String imei) {
        return DeviceUrn.of(imei);
    }

    /** An uplink as the vendor's example sends it, signed with the device's secret. */
    static byte[] uplink(String body) {
        return uplink(body, sign(body), "\r\n");
    }

    /** An uplink with the given token (null: no token header) and line ending. */
    static byte[] uplink(String body, String token, String eol) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return Wire.concat(Wire.ascii("POST " + INGEST + " HTTP/1.1" + eol + "Host: m.m" + eol
                + (token == null ? "" : "Things-Message-Token: " + token + eol)
                + "Content-Type: application/json" + eol + "Content-Length: " + bytes.length + eol + eol), bytes);
    }

    /** A firmware part request as the vendor's example sends it; null token or range leaves the header out. */
    static byte[] get(String path, String token, String range) {
        return Wire.ascii(request("GET", path, token, range));
    }

    static byte[] head(String path, String token, String range) {
        return Wire.ascii(request("HEAD", path, token, range));
    }

    private static String request(String method, String path, String token, String range) {
        return method + " " + path + " HTTP/1.1\r\nHost: m.m\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + (range == null ? "" : "Range: " + range + "\r\n")
                + "Content-Type: application/json\r\n\r\n";
    }

    static JsonNode json(Wire.Response r) throws IOException {
        return StrictJson.MAPPER.readTree(r.body());
    }
}
