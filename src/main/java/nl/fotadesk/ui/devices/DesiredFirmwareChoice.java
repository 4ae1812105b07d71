package nl.fotadesk.ui.devices;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.ui.UiContext;

/**
 * The firmware chosen in the detail pane to become the shown device's desired one: the newest image
 * for its type unless the operator picked another that is still offered, the choices marked with
 * which one it runs or wants, and a note on what setting the chosen one will do.
 */
final class DesiredFirmwareChoice {
    private final UiContext context;
    private final DeviceDetailModel model;
    private final ObjectProperty<FirmwareView> chosen = new SimpleObjectProperty<>();
    private final StringProperty note = new SimpleStringProperty("");
    private String shownImei;

    DesiredFirmwareChoice(UiContext context, DeviceDetailModel model) {
        this.context = context;
        this.model = model;
        model.firmwareChoices().addListener((ListChangeListener<FirmwareView>) c -> chooseDefault());
        model.deviceProperty().addListener((o, old, now) -> deviceChanged(now));
        chosen.addListener((o, old, now) -> renderNote());
    }

    ObjectProperty<FirmwareView> chosenProperty() {
        return chosen;
    }

    /** What setting the chosen firmware will do, in words; empty while no device is shown. */
    ReadOnlyStringProperty noteProperty() {
        return note;
    }

    /** An image by its version, saying whether the device runs or wants it now. */
    String label(FirmwareView image) {
        DeviceView d = model.deviceProperty().get();
        if (d != null && image.version().equals(d.reportedFirmware())) {
            return context.text("devices.detail.choiceRuns", image.version());
        }
        if (d != null && image.id().equals(d.desiredFirmwareId())) {
            return context.text("devices.detail.choiceDesired", image.version());
        }
        return image.version();
    }

    /** Sets the chosen firmware as the device's desired one. */
    void set() {
        model.setDesired(chosen.get());
    }

    private void deviceChanged(DeviceView d) {
        if (d == null) {
            shownImei = null;
            return;
        }
        if (!d.imei().equals(shownImei)) {
            // another device: what was picked for the one before does not carry over
            shownImei = d.imei();
            chosen.set(model.firmwareChoices().isEmpty() ? null : model.firmwareChoices().get(0));
        }
        renderNote();
    }

    /** The newest image, unless the operator already picked one for this device. */
    private void chooseDefault() {
        if (model.firmwareChoices().isEmpty()) {
            chosen.set(null);
        } else if (chosen.get() == null || !model.firmwareChoices().contains(chosen.get())) {
            chosen.set(model.firmwareChoices().get(0));
        }
    }

    private void renderNote() {
        DeviceView d = model.deviceProperty().get();
        FirmwareView f = chosen.get();
        note.set(switch (model.noteFor(f)) {
            case NONE -> "";
            case NO_FIRMWARE -> context.text("devices.detail.noFirmwareHelp", d.deviceType());
            case RUNS -> context.text("devices.detail.noteRuns", f.version());
            case DOWNGRADE -> context.text("devices.detail.noteDowngrade", f.version(), d.reportedFirmware());
            case RESTART -> context.text("devices.detail.noteRestart", f.version());
            case UPDATE -> context.text("devices.detail.noteUpdate", f.version());
        });
    }
}
