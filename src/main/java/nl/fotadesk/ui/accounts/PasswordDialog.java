package nl.fotadesk.ui.accounts;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import nl.fotadesk.ui.UiContext;

/**
 * The Account menu's "Change password": current, new, repeat. Once changed, the user's sessions have
 * ended, so closing the dialog leads to signing in again with the new password.
 */
public final class PasswordDialog {
    private final UiContext context;
    private final PasswordModel model;

    public PasswordDialog(UiContext context) {
        this.context = context;
        this.model = new PasswordModel(context);
    }

    /** @param signInAgain runs when the dialog closes after the password changed */
    public void show(Window owner, Runnable signInAgain) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(context.text("password.title"));
        dialog.setHeaderText(context.text("password.header", context.user().username()));
        dialog.getDialogPane().setId("password-dialog");
        dialog.getDialogPane().setPrefWidth(480); // the header wraps rather than widen the dialog

        GridPane fields = new GridPane();
        fields.setHgap(8);
        fields.setVgap(8);
        row(fields, 0, "password.current", "password-current").textProperty().bindBidirectional(model.current);
        row(fields, 1, "password.new", "password-new").textProperty().bindBidirectional(model.next);
        row(fields, 2, "password.repeat", "password-repeat").textProperty().bindBidirectional(model.repeat);
        fields.disableProperty().bind(model.changed);

        Label message = new Label();
        message.setId("password-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(model.message);
        model.changed.addListener((o, a, b) -> message.getStyleClass().setAll("label", "ok-text"));
        message.getStyleClass().add("error-text");
        message.visibleProperty().bind(model.message.isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        // the dialog grows with a message instead of cutting it short
        model.message.addListener((o, a, b) -> Platform.runLater(() -> {
            if (dialog.isShowing()) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        }));

        VBox content = new VBox(12, fields, message);
        content.setPrefWidth(420);
        dialog.getDialogPane().setContent(content);
        ButtonType change = new ButtonType(context.text("password.change"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(context.text("password.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(change, cancel);
        Button changeButton = (Button) dialog.getDialogPane().lookupButton(change);
        changeButton.setId("password-change");
        changeButton.disableProperty().bind(model.busy);
        changeButton.textProperty().bind(Bindings.createStringBinding(() -> context.text(model.changed.get()
                ? "password.signInAgain" : "password.change"), model.changed));
        changeButton.addEventFilter(ActionEvent.ACTION, e -> {
            if (!model.changed.get()) {
                e.consume(); // the dialog stays open until the server changed the password
                model.change();
            }
        });
        Node cancelButton = dialog.getDialogPane().lookupButton(cancel);
        cancelButton.setId("password-cancel");
        cancelButton.visibleProperty().bind(model.changed.not());
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());
        dialog.setOnHidden(e -> {
            if (model.changed.get()) {
                signInAgain.run();
            }
        });
        dialog.show();
    }

    private PasswordField row(GridPane grid, int row, String key, String id) {
        Label label = new Label(context.text(key));
        label.setMinWidth(Region.USE_PREF_SIZE);
        PasswordField field = new PasswordField();
        field.setId(id);
        field.setPrefColumnCount(22);
        GridPane.setHgrow(field, Priority.ALWAYS);
        grid.addRow(row, label, field);
        return field;
    }
}
