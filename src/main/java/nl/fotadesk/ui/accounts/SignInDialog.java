package nl.fotadesk.ui.accounts;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import nl.fotadesk.protocol.api.Session;
import nl.fotadesk.ui.AppIcons;
import nl.fotadesk.ui.UiContext;

import java.util.Optional;

/**
 * Asks for a username and password (or a personal API token) and signs in: when connecting to a
 * server, when the session ended, and to switch users. Wrong credentials are said in the dialog,
 * which stays open until the server accepts or the user cancels.
 */
public final class SignInDialog {
    private final UiContext context;
    private final SignInModel model;

    public SignInDialog(UiContext context) {
        this.context = context;
        this.model = new SignInModel(context);
    }

    /**
     * Shows the dialog and waits.
     * @param username filled in (may be empty)
     * @param reasonKey the i18n key of why it asks (its header)
     * @return the session, or empty when cancelled
     */
    public Optional<Session> ask(Window owner, String username, String reasonKey) {
        Dialog<Session> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(context.text("signIn.title"));
        dialog.setHeaderText(context.text(reasonKey, context.client().baseUrl()));
        dialog.setGraphic(AppIcons.graphic());
        dialog.setOnShown(e -> AppIcons.apply((Stage) dialog.getDialogPane().getScene().getWindow()));
        model.username.set(username == null ? "" : username);

        TextField user = new TextField();
        user.setId("sign-in-username");
        user.textProperty().bindBidirectional(model.username);
        PasswordField password = new PasswordField();
        password.setId("sign-in-password");
        password.textProperty().bindBidirectional(model.password);
        PasswordField token = new PasswordField();
        token.setId("sign-in-token");
        token.setPromptText("fdt_\u2026");
        token.textProperty().bindBidirectional(model.token);
        CheckBox withToken = new CheckBox(context.text("signIn.withToken"));
        withToken.setId("sign-in-with-token");
        withToken.selectedProperty().bindBidirectional(model.withToken);

        GridPane fields = new GridPane();
        fields.setHgap(8);
        fields.setVgap(8);
        Label userLabel = new Label(context.text("signIn.username"));
        Label passwordLabel = new Label(context.text("signIn.password"));
        Label tokenLabel = new Label(context.text("signIn.token"));
        fields.addRow(0, userLabel, user);
        fields.addRow(1, passwordLabel, password);
        fields.addRow(2, tokenLabel, token);
        for (javafx.scene.Node n : new javafx.scene.Node[]{userLabel, user, passwordLabel, password}) {
            n.visibleProperty().bind(model.withToken.not());
            n.managedProperty().bind(n.visibleProperty());
        }
        for (javafx.scene.Node n : new javafx.scene.Node[]{tokenLabel, token}) {
            n.visibleProperty().bind(model.withToken);
            n.managedProperty().bind(n.visibleProperty());
        }
        userLabel.setMinWidth(Region.USE_PREF_SIZE);
        passwordLabel.setMinWidth(Region.USE_PREF_SIZE);
        tokenLabel.setMinWidth(Region.USE_PREF_SIZE);
        user.setPrefColumnCount(22);

        Label message = new Label();
        message.setId("sign-in-message");
        message.getStyleClass().add("error-text");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(model.message);
        message.visibleProperty().bind(model.message.isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        // the dialog grows with a message instead of cutting it short
        model.message.addListener((o, a, b) -> Platform.runLater(() -> {
            if (dialog.isShowing()) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        }));
        model.withToken.addListener((o, a, b) -> Platform.runLater(() -> {
            if (dialog.isShowing()) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
                (b ? token : password).requestFocus();
            }
        }));

        VBox content = new VBox(12, fields, withToken, message);
        content.setPrefWidth(420);
        dialog.getDialogPane().setContent(content);
        ButtonType ok = new ButtonType(context.text("signIn.ok"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok,
                new ButtonType(context.text("signIn.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        Button okButton = (Button) dialog.getDialogPane().lookupButton(ok);
        okButton.setId("sign-in-ok");
        okButton.disableProperty().bind(model.busy);
        okButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog closes once the server accepted
            model.signIn(session -> {
                dialog.setResult(session);
                dialog.close();
            });
        });
        dialog.setResultConverter(b -> null);
        Platform.runLater(() -> (model.username.get().isEmpty() ? user : password).requestFocus());
        return dialog.showAndWait();
    }
}
