package nl.fotadesk.ui;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * Asks before an action that cannot be undone (delete, cancel a campaign): the question, the action's
 * button (styled as dangerous) and a button to keep things as they are, which is the default, so that
 * Enter is the safe answer. The action runs only when its button was pressed.
 */
public final class ConfirmDialog {
    private final Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
    private final ButtonType confirm;

    /**
     * @param confirm the action's words, e.g. "Delete"
     * @param keep the words for not doing it, e.g. "Keep"
     */
    public ConfirmDialog(String title, String header, String content, String confirm, String keep) {
        this.confirm = new ButtonType(confirm, ButtonBar.ButtonData.OK_DONE);
        ButtonType keepType = new ButtonType(keep, ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.setTitle(title);
        alert.setHeaderText(header);
        alert.setContentText(content);
        alert.getButtonTypes().setAll(this.confirm, keepType);
        alert.getDialogPane().setMinWidth(480);
        Button confirmButton = confirmButton();
        confirmButton.setDefaultButton(false);
        confirmButton.getStyleClass().add("danger-button");
        keepButton().setDefaultButton(true);
    }

    /** Gives the dialog and its two buttons ids (for tests and styles). */
    public ConfirmDialog ids(String dialog, String confirmButton, String keepButton) {
        if (dialog != null) {
            alert.getDialogPane().setId(dialog);
        }
        confirmButton().setId(confirmButton);
        keepButton().setId(keepButton);
        return this;
    }

    /** Shows the dialog over the window of {@code from}, in its style; {@code action} runs when the user confirms. */
    public void show(Node from, Runnable action) {
        Window owner = Nodes.window(from);
        if (owner != null) {
            alert.initOwner(owner);
            alert.getDialogPane().getStylesheets().setAll(from.getScene().getStylesheets());
        }
        alert.setOnHidden(e -> {
            if (alert.getResult() == confirm) {
                action.run();
            }
        });
        alert.show();
    }

    private Button confirmButton() {
        return (Button) alert.getDialogPane().lookupButton(confirm);
    }

    private Button keepButton() {
        return (Button) alert.getDialogPane().lookupButton(alert.getButtonTypes().get(1));
    }
}
