package nl.fotadesk.ui.groups;

import nl.fotadesk.client.DeviceQuery;
import nl.fotadesk.protocol.Imei;
import nl.fotadesk.protocol.api.DeviceStatus;
import nl.fotadesk.protocol.api.GroupFilter;
import nl.fotadesk.protocol.api.GroupOwner;
import nl.fotadesk.ui.FakeFotaDeskClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static nl.fotadesk.ui.FakeFotaDeskClient.device;
import static org.assertj.core.api.Assertions.assertThat;

/** Which clients, types and devices a group may hold by its owner, without a screen. */
class OwnerScopeTest {
    static final GroupFilter ANY = new GroupFilter(null, null, null, null);
    static final List<String> CLIENTS = List.of("acme", "globex");
    static final List<String> TYPES = List.of("meter-y", "sensor-z", "tracker-x");

    private final FakeFotaDeskClient server = new FakeFotaDeskClient();
    private final OwnerScope operators = new OwnerScope(null);
    private final OwnerScope acme = new OwnerScope(new GroupOwner("acme", null));
    private final OwnerScope supplier = new OwnerScope(new GroupOwner(null, List.of("meter-y", "tracker-x")));

    /** Of every client and type, one device in its first firmware; acme's trackers also one in 2.0. */
    @BeforeEach
    void fleet() {
        int n = 0;
        for (String client : CLIENTS) {
            for (String type : TYPES) {
                server.devices.add(device(imei(n++), type, client, "1.0"));
            }
        }
        server.devices.add(device(imei(n), "tracker-x", "acme", "2.0"));
    }

    private static String imei(int n) {
        return Imei.withCheckDigit("35693803" + (100000 + n));
    }

    @Test
    void anOperatorsGroupOffersAndCountsEverything() {
        assertThat(operators.limited()).isFalse();
        assertThat(operators.clients(CLIENTS)).isEqualTo(CLIENTS);
        assertThat(operators.deviceTypes(TYPES)).isEqualTo(TYPES);
        assertThat(operators.queries(ANY)).containsExactly(DeviceQuery.ALL);
        assertThat(operators.count(server, ANY)).isEqualTo(7);
        assertThat(operators.count(server, new GroupFilter("globex", "meter-y", null, null))).isEqualTo(1);
    }

    @Test
    void aCustomersGroupOffersTheirClientOnlyAndCountsItsDevices() {
        assertThat(acme.limited()).isTrue();
        assertThat(acme.clients(CLIENTS)).containsExactly("acme");
        assertThat(acme.deviceTypes(TYPES)).as("a customer has devices of any type").isEqualTo(TYPES);
        assertThat(acme.count(server, ANY)).isEqualTo(4);
        assertThat(acme.count(server, new GroupFilter(null, "tracker-x", "2.0", null))).isEqualTo(1);
        assertThat(acme.count(server, new GroupFilter("acme", null, null, null))).isEqualTo(4);
        assertThat(acme.queries(new GroupFilter("globex", null, null, null))).as("another client's devices").isEmpty();
        assertThat(acme.count(server, new GroupFilter("globex", null, null, null))).isZero();
    }

    @Test
    void aSuppliersGroupOffersTheirTypesOnlyAndCountsEachTypeOnce() {
        assertThat(supplier.clients(CLIENTS)).as("a supplier's devices are of any client").isEqualTo(CLIENTS);
        assertThat(supplier.deviceTypes(TYPES)).containsExactly("meter-y", "tracker-x");
        assertThat(supplier.admitsDeviceType("tracker-x")).isTrue();
        assertThat(supplier.admitsDeviceType("sensor-z")).isFalse();
        assertThat(supplier.queries(ANY)).extracting(DeviceQuery::deviceType).containsExactly("meter-y", "tracker-x");
        assertThat(supplier.count(server, ANY)).isEqualTo(5);
        assertThat(supplier.count(server, new GroupFilter("globex", null, "1.0", DeviceStatus.FAILED))).isZero();
        assertThat(supplier.count(server, new GroupFilter("globex", null, "1.0", null))).isEqualTo(2);
        assertThat(supplier.count(server, new GroupFilter(null, "sensor-z", null, null))).as("another type").isZero();
    }

    @Test
    void listsTheImeisOfTheOwnersDevicesPageByPage() {
        for (int n = 0; n < OwnerScope.PAGE + 5; n++) {
            server.devices.add(device(imei(1000 + n), "sensor-z", "acme", "1.0"));
        }
        assertThat(acme.imeis(server)).hasSize(4 + OwnerScope.PAGE + 5).contains(imei(0), imei(1000))
                .doesNotContain(imei(TYPES.size()));
        assertThat(server.calls).as("two pages").hasSize(2);
        server.calls.clear();
        assertThat(supplier.imeis(server)).hasSize(5).doesNotContain(imei(1), imei(1000));
        assertThat(server.calls).as("a page for each of the supplier's types").hasSize(2);
    }
}
