package nl.fotadesk.ui.firmware;

import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.ui.Clipboards;
import nl.fotadesk.ui.Permission;
import nl.fotadesk.ui.UiContext;

import java.util.function.Consumer;

/**
 * The selected image in full: size in bytes, both hashes (SHA-256 to copy), upload time, where it is
 * used, and its actions. Delete is disabled while the image is used, with the reason beside it.
 */
final class FirmwareDetails {
    private final UiContext context;
    private final FirmwareModel model;
    private final VBox root;
    private final Label title = new Label();
    private final Label size = value("firmware-details-size");
    private final Label uploaded = value("firmware-details-uploaded");
    private final Label crc = value("firmware-details-crc32");
    private final Label usage = value("firmware-details-usage");
    private final Label sha = value("firmware-details-sha256");
    private final Button delete;
    private final Label deleteReason = new Label();
    private Tooltip deleteTip;
    /** The outcome of the last action (copy, save, delete), or empty. */
    final Label message = new Label();

    FirmwareDetails(UiContext context, FirmwareModel model, ObjectProperty<FirmwareView> selected, Clipboards clipboards,
                    Consumer<FirmwareView> onDelete, Consumer<FirmwareView> onSave) {
        this.context = context;
        this.model = model;
        title.setId("firmware-details-title");
        title.getStyleClass().add("details-title");
        title.setWrapText(true);
        sha.getStyleClass().add("hash");
        crc.getStyleClass().add("hash");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, name("firmware.details.size"), size);
        grid.addRow(1, name("firmware.details.uploaded"), uploaded);
        grid.addRow(2, name("firmware.details.usage"), usage);
        grid.addRow(3, name("firmware.details.crc32"), crc);
        grid.addRow(4, name("firmware.sha256"), sha);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(names, values);

        Button copy = new Button(context.text("firmware.copySha"));
        copy.setId("firmware-copy");
        copy.setOnAction(e -> {
            if (selected.get() != null) {
                clipboards.copy(copy, selected.get().sha256());
            }
        });
        Button save = new Button(context.text("firmware.save"));
        save.setId("firmware-save");
        save.setOnAction(e -> {
            if (selected.get() != null) {
                onSave.accept(selected.get());
            }
        });
        HBox actions = new HBox(8, copy, save);

        delete = new Button(context.text("firmware.delete"));
        delete.setId("firmware-delete");
        delete.getStyleClass().add("danger-button");
        delete.setOnAction(e -> {
            if (selected.get() != null) {
                onDelete.accept(selected.get());
            }
        });
        // a disabled button shows no tooltip, so the tooltip sits on a wrapper
        StackPane deleteWrapper = new StackPane(delete);
        deleteWrapper.setId("firmware-delete-wrapper");
        deleteWrapper.setAlignment(Pos.CENTER_LEFT);
        deleteWrapper.setMaxWidth(Region.USE_PREF_SIZE);
        deleteReason.setId("firmware-delete-reason");
        deleteReason.getStyleClass().add("help-text");
        deleteReason.setWrapText(true);
        deleteReason.managedProperty().bind(deleteReason.visibleProperty());
        message.setId("firmware-action-message");
        message.setWrapText(true);
        message.managedProperty().bind(message.visibleProperty());
        message.visibleProperty().bind(message.textProperty().isNotEmpty());

        VBox content = new VBox(12, title, grid, actions);
        if (context.may(Permission.DELETE_FIRMWARE)) {
            content.getChildren().addAll(new Separator(), deleteWrapper, deleteReason);
        }
        Label none = new Label(context.text("firmware.details.none"));
        none.setId("firmware-details-none");
        none.getStyleClass().add("help-text");
        none.setWrapText(true);
        StackPane body = new StackPane(none, content);
        StackPane.setAlignment(none, Pos.CENTER);
        StackPane.setAlignment(content, Pos.TOP_LEFT);
        root = new VBox(12, body, message);
        root.setId("firmware-details");
        root.getStyleClass().addAll("card", "details-card");
        root.setMinWidth(320);
        root.setPrefWidth(320);
        root.setMaxWidth(320);

        selected.addListener((o, a, f) -> show(f, deleteWrapper));
        content.visibleProperty().bind(selected.isNotNull());
        none.visibleProperty().bind(selected.isNull());
        show(null, deleteWrapper);
    }

    Node node() {
        return root;
    }

    private void show(FirmwareView f, StackPane deleteWrapper) {
        if (f == null) {
            delete.setDisable(true);
            deleteReason.setVisible(false);
            if (deleteTip != null) {
                Tooltip.uninstall(deleteWrapper, deleteTip);
                deleteTip = null;
            }
            return;
        }
        if (message.getProperties().get("for") != null && !f.id().equals(message.getProperties().get("for"))) {
            message.setText("");
        }
        title.setText(context.text("firmware.details.title", f.deviceType(), f.version()));
        size.setText(context.text("firmware.file.size", context.i18n().bytes(f.size()), context.i18n().number(f.size())));
        uploaded.setText(context.i18n().dateTime(f.uploadedAt()));
        usage.setText(model.usageLines(f));
        crc.setText(f.crc32());
        sha.setText(f.sha256().substring(0, f.sha256().length() / 2) + "\n" + f.sha256().substring(f.sha256().length() / 2));
        boolean inUse = FirmwareModel.inUse(f);
        delete.setDisable(inUse);
        deleteReason.setVisible(inUse);
        deleteReason.setText(inUse ? context.text("firmware.delete.inUse") : "");
        if (deleteTip != null) {
            Tooltip.uninstall(deleteWrapper, deleteTip);
        }
        deleteTip = new Tooltip(inUse ? context.text("firmware.delete.inUse")
                : context.text("firmware.delete.tooltip"));
        deleteTip.setWrapText(true);
        deleteTip.setMaxWidth(360);
        Tooltip.install(deleteWrapper, deleteTip);
    }

    /** Shows the outcome of an action on image {@code id}; cleared when another image is selected. */
    void say(String id, String text, boolean error) {
        message.getProperties().put("for", id);
        message.getStyleClass().removeAll("error-text", "ok-text");
        message.getStyleClass().add(error ? "error-text" : "ok-text");
        message.setText(text);
    }

    private Label name(String key) {
        Label l = new Label(context.text(key));
        l.getStyleClass().add("details-name");
        GridPane.setValignment(l, VPos.TOP);
        return l;
    }

    private static Label value(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        return l;
    }
}
