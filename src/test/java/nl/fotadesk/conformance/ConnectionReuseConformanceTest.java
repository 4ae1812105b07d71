package nl.fotadesk.conformance;

import nl.fotadesk.backend.DeviceTransport;
import nl.fotadesk.backend.TestBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static nl.fotadesk.conformance.Devices.get;
import static nl.fotadesk.conformance.Devices.pack;
import static nl.fotadesk.conformance.Devices.uplink;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * protocol.md §3 "Connection reuse" on the device-facing connector, ingestion and files alike:
 * responses 1 to 99 say {@code Connection: keep-alive}, the 100th {@code Connection: close} (whatever
 * its status) and the socket then closes; every new connection counts from 1. Requests are pipelined
 * where that makes the point sharper.
 */
@ParameterizedClass(name = "devices on {0}")
@EnumSource(DeviceTransport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionReuseConformanceTest {
    static final int LIMIT = 100;

    @Parameter
    DeviceTransport transport;
    @TempDir
    static Path data;
    TestBackend backend;
    Devices devices;
    Devices.Update update;
    String idleImei;

    @BeforeParameterizedClassInvocation
    void start() throws Exception {
        backend = transport.backend(data.resolve(transport.name()));
        devices = new Devices(backend);
        update = devices.deviceWithUpdate(ProtocolConformanceTest.random(5000, 31));
        idleImei = devices.register();
    }

    @AfterParameterizedClassInvocation
    void stop() throws Exception {
        backend.close();
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderAndThe101stIsNotAnswered() throws Exception {
        ByteArrayOutputStream requests = new ByteArrayOutputStream();
        for (int i = 1; i <= LIMIT + 1; i++) {
            requests.writeBytes(part(i));
        }
        try (Wire wire = new Wire(devices.port())) {
            wire.send(requests.toByteArray());
            for (int i = 1; i <= LIMIT; i++) {
                Wire.Response r = wire.read();
                assertThat(r.status()).isEqualTo(206);
                assertThat(r.header("Content-Range")).as("response " + i + " answers request " + i)
                        .isEqualTo("bytes " + (i - 1) * 10 + "-" + ((i - 1) * 10 + 9) + "/5000");
                assertConnection(r, i);
            }
            assertThat(wire.closedByServer()).as("closed after the 100th; the 101st is not answered").isTrue();
        }
    }

    @Test
    void everyConnectionCountsOnItsOwnFromOne() throws Exception {
        try (Wire a = new Wire(devices.port())) {
            for (int i = 1; i <= 40; i++) {
                assertConnection(a.send(part(i)).read(), i);
            }
            try (Wire b = new Wire(devices.port())) {
                for (int i = 1; i <= LIMIT; i++) {
                    assertConnection(b.send(part(i)).read(), i);
                }
                assertThat(b.closedByServer()).isTrue();
            }
            for (int i = 41; i <= LIMIT; i++) {
                assertConnection(a.send(part(i)).read(), i);
            }
            assertThat(a.closedByServer()).isTrue();
        }
        try (Wire c = new Wire(devices.port())) {
            assertConnection(c.send(part(1)).read(), 1);
            assertThat(c.idleFor(300)).as("a new connection stays open after its first response").isTrue();
        }
    }

    @Test
    void theHundredthResponseSaysCloseEvenWhenItIsAnError() throws Exception {
        Map<String, byte[]> errors = new LinkedHashMap<>();
        errors.put("404 unknown path", Wire.ascii("GET /nothing HTTP/1.1\r\nHost: m.m\r\n\r\n"));
        errors.put("401 file without token", get(update.path(), null, "bytes=0-9"));
        errors.put("416 file", get(update.path(), update.token(), "bytes=9000-"));
        errors.put("401 uplink", uplink(pack(idleImei, "{\"n\":\"temp\",\"v\":1}"), "0".repeat(64), "\r\n"));
        errors.put("400 uplink", uplink(pack(idleImei, "{\"n\":\"temp\"}")));
        errors.put("405 uplink", Wire.ascii("GET " + Devices.INGEST + " HTTP/1.1\r\nHost: m.m\r\n\r\n"));
        for (Map.Entry<String, byte[]> error : errors.entrySet()) {
            ByteArrayOutputStream requests = new ByteArrayOutputStream();
            for (int i = 1; i < LIMIT; i++) {
                requests.writeBytes(part(i));
            }
            requests.writeBytes(error.getValue());
            try (Wire wire = new Wire(devices.port())) {
                wire.send(requests.toByteArray());
                for (int i = 1; i < LIMIT; i++) {
                    assertConnection(wire.read(), i);
                }
                Wire.Response last = wire.read();
                assertThat(last.status()).as(error.getKey()).isEqualTo(Integer.parseInt(error.getKey().substring(0, 3)));
                assertThat(last.anyCase("Connection")).as(error.getKey() + "\n" + last.head()).containsExactly("close");
                assertThat(last.header("Connection")).isEqualTo("close");
                assertThat(wire.closedByServer()).as(error.getKey()).isTrue();
            }
        }
    }

    @Test
    void uplinksAndFileRequestsShareOneCount() throws Exception {
        String body = pack(idleImei, "{\"n\":\"temp\",\"v\":2}");
        String downlinkBody = pack(update.imei(), "{\"n\":\"fotaState\",\"vs\":\"downloading\"}");
        try (Wire wire = new Wire(devices.port())) {
            for (int i = 1; i <= LIMIT; i++) {
                byte[] request = switch (i % 3) {
                    case 0 -> uplink(body);
                    case 1 -> uplink(downlinkBody);
                    default -> part(i);
                };
                Wire.Response r = wire.send(request).read();
                assertThat(r.status()).as("request " + i).isEqualTo(switch (i % 3) {
                    case 0 -> 204;
                    case 1 -> 200;
                    default -> 206;
                });
                if (r.status() == 204) {
                    assertThat(r.anyCase("Content-Length")).isIn(java.util.List.of(), java.util.List.of("0"));
                    assertThat(r.anyCase("Transfer-Encoding")).isEmpty();
                }
                assertConnection(r, i);
            }
            assertThat(wire.closedByServer()).isTrue();
        }
    }

    @Test
    void pipelinedUplinksCountToo() throws Exception {
        ByteArrayOutputStream requests = new ByteArrayOutputStream();
        for (int i = 1; i <= LIMIT; i++) {
            requests.writeBytes(uplink(pack(idleImei, "{\"n\":\"seq\",\"v\":" + i + "}")));
        }
        try (Wire wire = new Wire(devices.port())) {
            wire.send(requests.toByteArray());
            for (int i = 1; i <= LIMIT; i++) {
                Wire.Response r = wire.read();
                assertThat(r.status()).as("uplink " + i).isEqualTo(204);
                assertConnection(r, i);
            }
            assertThat(wire.closedByServer()).isTrue();
        }
        assertThat(devices.view(idleImei).at("/telemetry/seq/v").asInt()).isEqualTo(LIMIT);
    }

    @Test
    void aResponseThatLeavesTheRequestBodyUnreadSaysCloseAndCloses() throws Exception {
        Map<String, String> requests = new LinkedHashMap<>();
        requests.put("405 uplink with a body", "PUT " + Devices.INGEST + " HTTP/1.1\r\nHost: m.m\r\n"
                + "Content-Length: 100000\r\n\r\n[{\"bn\":");
        requests.put("413 uplink, body still arriving", "POST " + Devices.INGEST + " HTTP/1.1\r\nHost: m.m\r\n"
                + "Things-Message-Token: " + "0".repeat(64) + "\r\nContent-Length: 100000\r\n\r\n[{\"bn\":");
        requests.put("405 file with a body", "POST " + update.path() + " HTTP/1.1\r\nHost: m.m\r\n"
                + "Content-Length: 100000\r\n\r\nabc");
        requests.put("206 file with a body", "GET " + update.path() + " HTTP/1.1\r\nHost: m.m\r\nAuthorization: Bearer "
                + update.token() + "\r\nRange: bytes=0-9\r\nContent-Length: 100000\r\n\r\nabc");
        for (Map.Entry<String, String> request : requests.entrySet()) {
            try (Wire wire = new Wire(devices.port())) {
                Wire.Response r = wire.send(request.getValue()).read();
                assertThat(r.status()).as(request.getKey()).isEqualTo(Integer.parseInt(request.getKey().substring(0, 3)));
                assertThat(r.anyCase("Connection")).as(request.getKey() + "\n" + r.head()).containsExactly("close");
                assertThat(wire.closedByServer()).as(request.getKey()).isTrue();
            }
        }
    }

    private byte[] part(int i) {
        int first = ((i - 1) % 500) * 10;
        return get(update.path(), update.token(), "bytes=" + first + "-" + (first + 9));
    }

    private static void assertConnection(Wire.Response r, int number) throws IOException {
        String expected = number < LIMIT ? "keep-alive" : "close";
        assertThat(r.anyCase("Connection")).as("response " + number + "\n" + r.head()).containsExactly(expected);
        assertThat(r.head()).contains("\r\nConnection: " + expected + "\r\n");
    }
}
