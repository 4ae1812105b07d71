package nl.fotadesk.ui.devices;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.ui.UiContext;

/**
 * Setting the shown device's desired firmware: the choice of image, the button, the note on what
 * setting it will do, and the answer of the server.
 */
final class DesiredFirmwareEditor {
    private final DesiredFirmwareChoice firmware;
    private final ComboBox<FirmwareView> choice = new ComboBox<>();
    private final Label message = new Label();
    private final VBox node;
    private String choiceMarks;

    DesiredFirmwareEditor(UiContext context, DeviceDetailModel model) {
        DesiredFirmwareRequest request = model.request();
        Label title = new Label(context.text("devices.detail.setTitle"));
        title.getStyleClass().add("detail-subtitle");
        choice.setId("device-firmware-choice");
        choice.setItems(model.firmwareChoices());
        // made once the box has its items: on a change of them the box updates first, then the default is chosen
        firmware = new DesiredFirmwareChoice(context, model);
        choice.setCellFactory(l -> new FirmwareCell());
        choice.setButtonCell(new FirmwareCell());
        choice.setPromptText(context.text("devices.detail.noFirmware"));
        choice.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(choice, Priority.ALWAYS);
        choice.valueProperty().bindBidirectional(firmware.chosenProperty());
        Button set = new Button(context.text("devices.detail.set"));
        set.setId("device-set-desired");
        set.setDefaultButton(false);
        set.setMinWidth(Region.USE_PREF_SIZE);
        set.disableProperty().bind(choice.valueProperty().isNull().or(request.busyProperty())
                .or(model.selectedInListProperty().not()));
        set.setOnAction(e -> firmware.set());
        HBox row = new HBox(8, choice, set);
        row.setAlignment(Pos.CENTER_LEFT);
        Label note = new Label();
        note.setId("device-set-desired-note");
        note.getStyleClass().add("help-text");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.textProperty().bind(firmware.noteProperty());
        // after a refusal the note on what setting would do no longer applies
        note.visibleProperty().bind(request.toneProperty().isNotEqualTo(DesiredFirmwareRequest.Tone.ERROR)
                .or(request.messageProperty().isEmpty()));
        note.managedProperty().bind(note.visibleProperty());
        message.setId("device-set-desired-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.getStyleClass().add("detail-message");
        request.messageProperty().addListener((o, old, now) -> DetailCard.say(message, now));
        request.toneProperty().addListener((o, old, now) -> toneMessage(now));
        DetailCard.say(message, "");
        model.deviceProperty().addListener((o, old, now) -> redrawMarks(now));
        node = new VBox(8, new Separator(), title, row, note, message);
    }

    Node node() {
        return node;
    }

    /** The choices say which version the device runs and wants: redrawn when either changes. */
    private void redrawMarks(DeviceView d) {
        String marks = d == null ? null : d.reportedFirmware() + "/" + d.desiredFirmwareId();
        if (d != null && !marks.equals(choiceMarks)) {
            choiceMarks = marks;
            choice.setButtonCell(new FirmwareCell());
        }
    }

    private void toneMessage(DesiredFirmwareRequest.Tone tone) {
        message.getStyleClass().removeAll("error-text", "success-text");
        switch (tone) {
            case ERROR -> message.getStyleClass().add("error-text");
            case SUCCESS -> message.getStyleClass().add("success-text");
            default -> { }
        }
    }

    /** A firmware image as {@link DesiredFirmwareChoice#label} says it. */
    private final class FirmwareCell extends ListCell<FirmwareView> {
        @Override
        protected void updateItem(FirmwareView item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : firmware.label(item));
        }
    }
}
