package nl.fotadesk.ui.devices;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import nl.fotadesk.protocol.api.DeviceStatus;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.ui.FakeFotaDeskClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static nl.fotadesk.ui.FakeFotaDeskClient.image;
import static org.assertj.core.api.Assertions.assertThat;

/** The firmware chosen for the shown device, its marks and the note on what setting it does, without a screen. */
class DesiredFirmwareChoiceTest {
    static final FirmwareView V1_2 = image("t12", "tracker-x", "1.2.0", 0, 0);
    static final FirmwareView V1_10 = image("t110", "tracker-x", "1.10.0", 0, 0);
    static final FirmwareView V2_0 = image("t20", "tracker-x", "2.0.0", 0, 0);

    final ObservableList<FirmwareView> firmware = FXCollections.observableArrayList(V1_2, V1_10,
            image("m1", "meter-y", "9.0.0", 0, 0));
    DeviceDetailModel model;
    DesiredFirmwareChoice choice;

    @BeforeEach
    void create() {
        model = new DeviceDetailModel(FakeFotaDeskClient.context(new FakeFotaDeskClient()), firmware, () -> { });
        choice = new DesiredFirmwareChoice(FakeFotaDeskClient.context(new FakeFotaDeskClient()), model);
    }

    @Test
    void choosesTheNewestImageOfTheDevicesTypeAndMarksWhatItRunsAndWants() {
        assertThat(choice.noteProperty().get()).as("no device, nothing to say").isEmpty();
        model.deviceProperty().set(device("350000000000011", "1.2.0", V1_10, DeviceStatus.DOWNLOADING));
        assertThat(model.firmwareChoices()).containsExactly(V1_10, V1_2);
        assertThat(choice.chosenProperty().get()).isEqualTo(V1_10);
        assertThat(choice.label(V1_10)).isEqualTo("1.10.0 (desired)");
        assertThat(choice.label(V1_2)).isEqualTo("1.2.0 (runs now)");
        assertThat(choice.noteProperty().get())
                .isEqualTo("The update to 1.10.0 is under way; setting it again restarts the download.");

        choice.chosenProperty().set(V1_2);
        assertThat(choice.noteProperty().get()).isEqualTo("It runs 1.2.0 already: nothing will be downloaded.");
    }

    @Test
    void keepsTheOperatorsPickWhileOfferedAndForgetsItForAnotherDevice() {
        model.deviceProperty().set(device("350000000000011", "1.10.0", null, DeviceStatus.IN_SYNC));
        choice.chosenProperty().set(V1_2);
        assertThat(choice.noteProperty().get()).isEqualTo("1.2.0 is older than the 1.10.0 it runs: this is a downgrade.");

        firmware.add(V2_0);
        assertThat(choice.chosenProperty().get()).as("still offered").isEqualTo(V1_2);
        model.deviceProperty().set(device("350000000000011", "1.10.0", V1_2, DeviceStatus.PENDING));
        assertThat(choice.chosenProperty().get()).as("the same device, fresher").isEqualTo(V1_2);

        firmware.remove(V1_2);
        assertThat(choice.chosenProperty().get()).as("no longer offered").isEqualTo(V2_0);
        choice.chosenProperty().set(V1_10);
        model.deviceProperty().set(device("350000000000029", "1.10.0", null, DeviceStatus.IN_SYNC));
        assertThat(choice.chosenProperty().get()).as("another device").isEqualTo(V2_0);
        assertThat(choice.noteProperty().get()).isEqualTo("The device downloads and installs 2.0.0 at its next check-in.");
    }

    @Test
    void saysWhereToGetFirmwareForATypeThatHasNone() {
        model.deviceProperty().set(new DeviceView("350000000000037", "sensor-z", "acme", "0.9.4", null, null,
                DeviceStatus.IN_SYNC, null, null, null, null, null, null));
        assertThat(choice.chosenProperty().get()).isNull();
        assertThat(choice.noteProperty().get())
                .isEqualTo("There is no firmware for sensor-z yet. Upload an image on the Firmware screen first.");
        assertThat(List.copyOf(model.firmwareChoices())).isEmpty();
    }

    private static DeviceView device(String imei, String reported, FirmwareView desired, DeviceStatus status) {
        return new DeviceView(imei, "tracker-x", "acme", reported, desired == null ? null : desired.version(),
                desired == null ? null : desired.id(), status, null, null, null, null, null, null);
    }
}
