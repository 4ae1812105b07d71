package nl.fotadesk.ui.devices;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import nl.fotadesk.protocol.FirmwareVersions;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.ui.ConfirmDialog;
import nl.fotadesk.ui.UiContext;

import java.util.List;

/**
 * Setting the desired firmware of the devices selected in the table (all of one device type): the
 * image, then a confirmation that names how many devices and which, then what happened to each.
 */
final class SetDesiredDialog {
    static final int NAMED = 5;

    private final UiContext context;
    private final List<String> imeis;
    private final Runnable changed;
    private final Stage stage;
    private final ComboBox<FirmwareView> choice = new ComboBox<>();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label result = new Label();
    private final BooleanProperty running = new SimpleBooleanProperty();

    /**
     * @param imeis    the devices, all of {@code type}
     * @param firmware every image on the server; those of {@code type} are offered, newest first
     * @param changed  told once some devices got a new desired firmware
     */
    SetDesiredDialog(UiContext context, Window owner, String type, List<String> imeis, List<FirmwareView> firmware,
                     Runnable changed) {
        this.context = context;
        this.imeis = List.copyOf(imeis);
        this.changed = changed;
        Label title = new Label(context.text("devices.many.title", imeis.size()));
        title.getStyleClass().add("dialog-title");
        Label which = new Label(context.text("devices.many.which", imeis.size(), type, named(imeis)));
        which.setId("set-many-which");
        which.setWrapText(true);
        which.setMinHeight(Region.USE_PREF_SIZE);
        Label help = new Label(context.text("devices.many.help"));
        help.setWrapText(true);
        help.setMinHeight(Region.USE_PREF_SIZE);
        help.getStyleClass().add("help-text");

        choice.setId("set-many-firmware");
        choice.getItems().setAll(firmware.stream().filter(f -> f.deviceType().equals(type))
                .sorted((a, b) -> FirmwareVersions.compare(b.version(), a.version())).toList());
        choice.setCellFactory(l -> new VersionCell());
        choice.setButtonCell(new VersionCell());
        choice.setPromptText(context.text("devices.detail.noFirmware"));
        if (!choice.getItems().isEmpty()) {
            choice.setValue(choice.getItems().get(0));
        }
        choice.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(choice, Priority.ALWAYS);
        Button set = new Button(context.text("devices.many.set"));
        set.setId("set-many-run");
        set.setDefaultButton(true);
        set.disableProperty().bind(choice.valueProperty().isNull().or(running));
        set.setOnAction(e -> confirm(set));
        HBox row = new HBox(8, new Label(context.text("devices.many.firmware")), choice, set);
        row.setAlignment(Pos.CENTER_LEFT);
        row.disableProperty().bind(running);

        progress.setMaxWidth(Double.MAX_VALUE);
        progress.visibleProperty().bind(running);
        progress.managedProperty().bind(running);
        result.setId("set-many-result");
        result.setWrapText(true);
        result.setMinHeight(Region.USE_PREF_SIZE);
        Button close = new Button(context.text("devices.close"));
        close.setId("set-many-close");
        close.setCancelButton(true);
        close.disableProperty().bind(running);
        close.setOnAction(e -> close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox root = new VBox(12, title, which, help, row, progress, result, new HBox(spacer, close));
        root.setId("set-many-dialog");
        root.getStyleClass().addAll("device-dialog", "dialog-content");
        root.setPrefWidth(600);
        stage = DialogWindow.create(owner, context.text("devices.many.title", imeis.size()), root);
        stage.setOnCloseRequest(e -> {
            if (running.get()) {
                e.consume();
            }
        });
    }

    void show() {
        stage.show();
    }

    private void close() {
        stage.close();
    }

    /** The first IMEIs, and how many more. */
    private String named(List<String> all) {
        String first = String.join(", ", all.subList(0, Math.min(NAMED, all.size())));
        return all.size() <= NAMED ? first : context.text("devices.many.andMore", first, all.size() - NAMED);
    }

    private void confirm(Button from) {
        FirmwareView f = choice.getValue();
        new ConfirmDialog(context.text("devices.many.title", imeis.size()),
                context.text("devices.many.confirm", f.version(), imeis.size()),
                context.text("devices.many.confirmWhich", named(imeis)),
                context.text("devices.many.confirmButton", imeis.size()), context.text("devices.cancel"))
                .ids("set-many-confirm", "set-many-confirm-yes", "set-many-confirm-no")
                .show(from, () -> run(f));
    }

    private void run(FirmwareView f) {
        running.set(true);
        progress.setProgress(0);
        result.getStyleClass().removeAll("error-text", "success-text", "warning-text");
        result.setText(context.text("devices.many.running", f.version()));
        context.run(() -> DesiredForMany.apply(context.client(), imeis, f.id(), context::explain,
                        n -> context.onFxThread(() -> progress.setProgress(n / (double) imeis.size()))),
                outcome -> {
                    running.set(false);
                    show(outcome, f);
                    if (!outcome.set().isEmpty()) {
                        changed.run();
                    }
                },
                failure -> {
                    running.set(false);
                    result.getStyleClass().add("error-text");
                    result.setText(context.text("devices.detail.setFailed", failure));
                });
    }

    private void show(DesiredForMany.Outcome o, FirmwareView f) {
        StringBuilder text = new StringBuilder(context.text("devices.many.done", o.set().size(), f.version()));
        if (!o.inCampaign().isEmpty()) {
            text.append('\n').append(context.text("devices.many.inCampaign", o.inCampaign().size(), named(o.inCampaign())));
        }
        o.refused().forEach((imei, why) -> text.append('\n').append(context.text("devices.many.refused", imei, why)));
        if (!o.notDone().isEmpty()) {
            text.append('\n').append(context.text("devices.many.notDone", o.notDone().size(), named(o.notDone())));
        }
        boolean all = o.set().size() == o.total();
        result.getStyleClass().add(all ? "success-text" : "warning-text");
        result.setText(text.toString());
    }

    private static final class VersionCell extends ListCell<FirmwareView> {
        @Override
        protected void updateItem(FirmwareView item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.version());
        }
    }
}
