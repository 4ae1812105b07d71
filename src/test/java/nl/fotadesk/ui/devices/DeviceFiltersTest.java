package nl.fotadesk.ui.devices;

import nl.fotadesk.protocol.api.DeviceStatus;
import nl.fotadesk.ui.FakeFotaDeskClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static nl.fotadesk.ui.FakeFotaDeskClient.image;
import static org.assertj.core.api.Assertions.assertThat;

/** The devices screen's filters without a screen: their choices, what they keep, and the query they make. */
class DeviceFiltersTest {
    final FakeFotaDeskClient server = new FakeFotaDeskClient();
    final AtomicInteger changes = new AtomicInteger();
    DeviceFilters filters;

    @BeforeEach
    void load() {
        server.clients.addAll(List.of("globex", "Acme"));
        server.deviceTypes.addAll(List.of("tracker-x", "meter-y"));
        server.firmware.addAll(List.of(image("t1", "tracker-x", "1.2.0", 0, 0), image("t2", "tracker-x", "1.10.0", 0, 0),
                image("m1", "meter-y", "2.0.0", 0, 0)));
        filters = new DeviceFilters(FakeFotaDeskClient.context(server), changes::incrementAndGet);
        filters.loadChoices();
    }

    @Test
    void offersEachChoiceAfterAllInNameOrderAndFirmwareNewestFirst() {
        assertThat(labels(filters.clients())).containsExactly("All clients", "Acme (0)", "globex (0)");
        assertThat(labels(filters.types())).containsExactly("All device types", "meter-y (0)", "tracker-x (0)");
        assertThat(labels(filters.versions())).containsExactly("All firmware", "2.0.0", "1.10.0", "1.2.0");
        assertThat(filters.statuses()).hasSize(DeviceStatus.values().length + 1);
        assertThat(filters.typeNames()).containsExactly("meter-y", "tracker-x");
        assertThat(filters.clientNames()).containsExactly("Acme", "globex");
        assertThat(changes).as("loading choices is no choice of the operator's").hasValue(0);
        assertThat(filters.isFiltered()).isFalse();
    }

    @Test
    void theFirmwareChoicesFollowTheDeviceTypeAndDropAVersionItHasNoImageOf() {
        filters.versionProperty().set(filters.versions().get(1)); // 2.0.0, a meter's
        filters.typeProperty().set(choice(filters.types(), "tracker-x"));
        assertThat(labels(filters.versions())).containsExactly("All firmware", "1.10.0", "1.2.0");
        assertThat(filters.versionProperty().get().isAll()).isTrue();
        assertThat(filters.query().deviceType()).isEqualTo("tracker-x");
        assertThat(filters.query().firmware()).isNull();
        assertThat(changes).hasValue(2);
    }

    @Test
    void aChosenClientNoLongerOfferedStaysChosen() {
        filters.clientProperty().set(choice(filters.clients(), "globex"));
        server.clients.remove("globex");
        filters.loadChoices();
        assertThat(filters.clientProperty().get().value()).isEqualTo("globex");
        assertThat(labels(filters.clients())).containsExactly("All clients", "Acme (0)", "globex");
        assertThat(changes).hasValue(1);
    }

    @Test
    void makesTheQueryOfTheChoicesAndTheAppliedSearchAndClearsThemAtOnce() {
        filters.clientProperty().set(choice(filters.clients(), "Acme"));
        filters.statusProperty().set(filters.statuses().stream().filter(c -> c.value() == DeviceStatus.FAILED)
                .findFirst().orElseThrow());
        filters.search().typedProperty().set("3533");
        assertThat(filters.query().imeiDigits()).as("typed, not applied").isNull();
        filters.search().apply();
        assertThat(filters.query().client()).isEqualTo("Acme");
        assertThat(filters.query().status()).isEqualTo(DeviceStatus.FAILED);
        assertThat(filters.query().imeiDigits()).isEqualTo("3533");
        assertThat(filters.isFiltered()).isTrue();

        filters.clear();
        assertThat(changes).as("clearing tells no change per filter").hasValue(2);
        assertThat(filters.isFiltered()).isFalse();
        assertThat(filters.query().client()).isNull();
        assertThat(filters.query().imeiDigits()).isNull();
        assertThat(filters.search().typedProperty().get()).isEmpty();
    }

    private static <T> List<String> labels(List<FilterChoice<T>> choices) {
        return choices.stream().map(FilterChoice::label).toList();
    }

    private static FilterChoice<String> choice(List<FilterChoice<String>> choices, String value) {
        return choices.stream().filter(c -> value.equals(c.value())).findFirst().orElseThrow();
    }
}
