package nl.fotadesk.client;

import nl.fotadesk.protocol.api.CatalogEntry;
import nl.fotadesk.protocol.api.DeviceStatus;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.GroupFilter;
import nl.fotadesk.protocol.api.GroupKind;
import nl.fotadesk.protocol.api.GroupView;
import nl.fotadesk.protocol.api.NewGroup;
import nl.fotadesk.protocol.api.Page;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CatalogAndGroupClientTest extends BackendFixture {
    @Test
    void createsAndListsClients() {
        register(1, 2, "tracker-x", null);
        CatalogEntry globex = client.createClient("globex");
        assertThat(globex.name()).isEqualTo("globex");
        assertThat(globex.devices()).isZero();
        assertThat(client.clients()).extracting(CatalogEntry::name, CatalogEntry::devices)
                .containsExactlyInAnyOrder(tuple("acme", 2L),
                        tuple("globex", 0L));
        assertApiError(() -> client.createClient("globex"), ConflictException.class, 409, "duplicate_client", "globex");
        assertApiError(() -> client.createClient("-bad"), ValidationException.class, 400, "invalid_name", "-bad");
    }

    @Test
    void createsAndListsDeviceTypes() {
        client.uploadFirmware("tracker-x", "1.0.0", new byte[10]);
        CatalogEntry meter = client.createDeviceType("meter-y", "Smart meter, NB-IoT");
        assertThat(meter.description()).isEqualTo("Smart meter, NB-IoT");
        assertThat(meter.firmware()).isZero();
        assertThat(client.createDeviceType("sensor-z", null).description()).isNull();
        assertThat(client.deviceTypes()).extracting(CatalogEntry::name, CatalogEntry::firmware)
                .containsExactlyInAnyOrder(tuple("tracker-x", 1L),
                        tuple("meter-y", 0L),
                        tuple("sensor-z", 0L));
        assertApiError(() -> client.createDeviceType("tracker-x", null), ConflictException.class, 409,
                "duplicate_device_type", "tracker-x");
        assertApiError(() -> client.createDeviceType("long", "x".repeat(257)), ValidationException.class, 400,
                "invalid_description", "256");
    }

    @Test
    void keepsFilterAndStaticGroups() {
        register(1, 3, "tracker-x", "1.0.0");
        register(4, 2, "meter-y", "1.0.0");
        GroupView trackers = client.createGroup(new NewGroup("trackers",
                new GroupFilter(null, "tracker-x", null, DeviceStatus.IN_SYNC), null));
        assertThat(trackers.kind()).isEqualTo(GroupKind.FILTER);
        assertThat(trackers.members()).isEqualTo(3);
        GroupView pilot = client.createGroup(new NewGroup("pilot", null, List.of(imei(1), imei(4))));
        assertThat(pilot.kind()).isEqualTo(GroupKind.STATIC);
        assertThat(client.group(pilot.id())).isEqualTo(pilot);
        assertThat(client.groups()).extracting(GroupView::name).containsExactlyInAnyOrder("trackers", "pilot");

        Page<DeviceView> page = client.groupDevices(trackers.id(), 1, 1);
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.items()).extracting(DeviceView::imei).containsExactly(imei(2));

        GroupView replaced = client.replaceGroup(pilot.id(), new NewGroup("pilot 2", null, List.of(imei(5))));
        assertThat(replaced.name()).isEqualTo("pilot 2");
        assertThat(client.groupDevices(pilot.id(), 0, 10).items()).extracting(DeviceView::imei).containsExactly(imei(5));

        assertApiError(() -> client.replaceGroup(pilot.id(), new NewGroup("pilot", new GroupFilter(null, null, null,
                null), null)), ValidationException.class, 400, "invalid_group", "static");
        assertApiError(() -> client.createGroup(new NewGroup("trackers", null, List.of())), ConflictException.class,
                409, "duplicate_group", "trackers");
        assertApiError(() -> client.createGroup(new NewGroup("both", new GroupFilter(null, null, null, null),
                List.of())), ValidationException.class, 400, "invalid_group", "either");

        client.deleteGroup(pilot.id());
        assertApiError(() -> client.group(pilot.id()), NotFoundException.class, 404, "not_found", pilot.id());
        assertApiError(() -> client.deleteGroup(pilot.id()), NotFoundException.class, 404, "not_found", pilot.id());
        assertApiError(() -> client.groupDevices(pilot.id(), 0, 10), NotFoundException.class, 404, "not_found",
                pilot.id());
    }
}
