package nl.fotadesk.client;

import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.protocol.api.DeviceStatus;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.EventView;
import nl.fotadesk.protocol.api.ImportReport;
import nl.fotadesk.protocol.api.ItemError;
import nl.fotadesk.protocol.api.NewDevice;
import nl.fotadesk.protocol.api.Page;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceClientTest extends BackendFixture {
    @Test
    void registersAndShowsADevice() {
        DeviceView created = client.registerDevice(new NewDevice(imei(1), "tracker-x", "acme", null, "1.0.0"));
        assertThat(created.secret()).as("generated, shown once").isNotBlank();
        DeviceView shown = client.device(imei(1));
        assertThat(shown.secret()).isNull();
        assertThat(shown.deviceType()).isEqualTo("tracker-x");
        assertThat(shown.client()).isEqualTo("acme");
        assertThat(shown.reportedFirmware()).isEqualTo("1.0.0");
        assertThat(shown.status()).isEqualTo(DeviceStatus.IN_SYNC);
    }

    @Test
    void refusesDuplicatesAndInvalidDevices() {
        client.registerDevice(new NewDevice(imei(1), "tracker-x", "acme", null, null));
        assertApiError(() -> client.registerDevice(new NewDevice(imei(1), "tracker-x", "acme", null, null)),
                ConflictException.class, 409, "duplicate_imei", imei(1));
        assertApiError(() -> client.registerDevice(new NewDevice("490154203237517", "tracker-x", "acme", null, null)),
                ValidationException.class, 400, "invalid_imei", "check digit");
        assertApiError(() -> client.registerDevice(new NewDevice(imei(2), "tracker-x", "acme", "short", null)),
                ValidationException.class, 400, "invalid_secret", "");
    }

    @Test
    void registersABatchAllOrNothing() {
        assertThat(register(1, 3, "tracker-x", "1.0.0")).containsExactly(imei(1), imei(2), imei(3));

        List<NewDevice> batch = List.of(new NewDevice(imei(4), "tracker-x", "acme", null, null),
                new NewDevice(imei(2), "tracker-x", "acme", null, null),
                new NewDevice("123", "tracker-x", "acme", null, null));
        assertThatThrownBy(() -> client.registerDevices(batch)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.error()).isEqualTo("invalid_batch");
            assertThat(e.detail()).contains("2 of 3");
            assertThat(e.itemErrors()).extracting(ItemError::index, ItemError::error)
                    .containsExactly(tuple(1, "duplicate_imei"),
                            tuple(2, "invalid_imei"));
        });
        assertApiError(() -> client.device(imei(4)), NotFoundException.class, 404, "not_found", imei(4));
        assertApiError(() -> client.registerDevices(List.of()), ValidationException.class, 400, "empty_batch", "");
    }

    @Test
    void filtersAndPagesDevices() {
        register(1, 4, "tracker-x", "1.0.0");
        register(5, 2, "meter-y", "2.0.0");
        client.registerDevice(new NewDevice(imei(7), "meter-y", "globex", null, "2.0.0"));

        Page<DeviceView> trackers = client.devices(DeviceQuery.ALL.withDeviceType("tracker-x").page(0, 3));
        assertThat(trackers.total()).isEqualTo(4);
        assertThat(trackers.items()).extracting(DeviceView::imei).containsExactly(imei(1), imei(2), imei(3));
        assertThat(client.devices(DeviceQuery.ALL.withDeviceType("tracker-x").page(3, 3)).items())
                .extracting(DeviceView::imei).containsExactly(imei(4));
        assertThat(client.devices(DeviceQuery.ALL.withClient("globex")).items())
                .extracting(DeviceView::imei).containsExactly(imei(7));
        assertThat(client.devices(DeviceQuery.ALL.withFirmware("2.0.0").withClient("acme")).total()).isEqualTo(2);
        assertThat(client.devices(DeviceQuery.ALL.withStatus(DeviceStatus.IN_SYNC)).total()).isEqualTo(7);
        assertThat(client.devices(DeviceQuery.ALL.withStatus(DeviceStatus.PENDING)).total()).isZero();
        assertThat(client.devices(DeviceQuery.ALL.withImeiContaining(imei(5).substring(0, 14))).items())
                .extracting(DeviceView::imei).containsExactly(imei(5));
        assertApiError(() -> client.devices(DeviceQuery.ALL.page(0, 0)), ValidationException.class, 400,
                "invalid_limit", "limit");
    }

    @Test
    void encodesIdsSoTheyCannotChangeThePath() {
        register(1, 1, "tracker-x", null);
        // the whole id reaches the device route: '?' and '#' did not start a query or a fragment
        assertThatThrownBy(() -> client.device("1 2?limit=1&x#y")).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.detail()).startsWith("no device with IMEI 1").contains("limit=1&x").endsWith("y"));
        assertThatThrownBy(() -> client.device("..")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.device("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void setsTheDesiredFirmwareAndKeepsTheHistory() {
        register(1, 1, "tracker-x", "1.0.0");
        String v2 = client.uploadFirmware("tracker-x", "2.0.0", new byte[100]).id();
        String meter = client.uploadFirmware("meter-y", "2.0.0", new byte[100]).id();

        DeviceView device = client.setDesiredFirmware(imei(1), v2);
        assertThat(device.status()).isEqualTo(DeviceStatus.PENDING);
        assertThat(device.desiredFirmware()).isEqualTo("2.0.0");
        assertThat(device.desiredFirmwareId()).isEqualTo(v2);

        List<EventView> history = client.deviceHistory(imei(1), 10);
        assertThat(history).last().satisfies(e -> {
            assertThat(e.imei()).isEqualTo(imei(1));
            assertThat(e.state()).isEqualTo("pending");
        });

        assertApiError(() -> client.setDesiredFirmware(imei(1), meter), ValidationException.class, 400,
                "wrong_device_type", "meter-y");
        assertApiError(() -> client.setDesiredFirmware(imei(1), "no-such-id"), ValidationException.class, 400,
                "unknown_firmware", "no-such-id");
        assertApiError(() -> client.setDesiredFirmware(imei(2), v2), NotFoundException.class, 404, "not_found", imei(2));
        assertApiError(() -> client.deviceHistory(imei(2), 10), NotFoundException.class, 404, "not_found", imei(2));
    }

    @Test
    void importsCsvWithADryRunFirst() {
        String csv = "imei,deviceType,client,secret\n"
                + imei(1) + ",tracker-x,acme," + TestBackend.SECRET + "\n"
                + "12345,tracker-x,acme,\n"
                + imei(2) + ",tracker-x,acme,\n";
        ImportReport dry = client.importDevices(csv.getBytes(StandardCharsets.UTF_8), true);
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.lines()).isEqualTo(3);
        assertThat(dry.imported()).isZero();
        assertThat(client.devices(DeviceQuery.ALL).total()).isZero();

        ImportReport real = client.importDevices(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), false);
        assertThat(real.imported()).isEqualTo(2);
        assertThat(real.errors()).singleElement().satisfies(e -> {
            assertThat(e.index()).as("line number").isEqualTo(3);
            assertThat(e.error()).isEqualTo("invalid_imei");
        });
        assertThat(real.generatedSecrets()).containsOnlyKeys(imei(2));
        assertThat(client.device(imei(1)).client()).isEqualTo("acme");

        assertApiError(() -> client.importDevices("imei,client\n1,2\n".getBytes(StandardCharsets.UTF_8), false),
                ValidationException.class, 400, "invalid_csv", "deviceType");
    }

    @Test
    void aFailingCsvStreamIsALocalErrorNotAConnectionProblem() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk unplugged");
            }
        };
        assertThatThrownBy(() -> client.importDevices(broken, false)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("disk unplugged");
        client.checkConnection();
    }
}
