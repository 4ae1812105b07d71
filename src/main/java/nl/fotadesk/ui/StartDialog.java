package nl.fotadesk.ui;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import nl.fotadesk.client.FotaDeskClient;

import java.util.Optional;

/**
 * First start: the offline demo (the default) or a server, whose URL and API key are tried before
 * they are kept. Also reachable later to switch.
 */
public final class StartDialog {
    private final I18n i18n;
    private final Settings settings;

    public StartDialog(I18n i18n, Settings settings) {
        this.i18n = i18n;
        this.settings = settings;
    }

    /** @return true when the user chose (and the choice was stored), false when cancelled */
    public boolean choose() {
        Dialog<Boolean> dialog = new Dialog<>();
        dialog.setTitle(i18n.get("start.title"));
        dialog.setHeaderText(i18n.get("start.header"));
        dialog.setGraphic(AppIcons.graphic());
        dialog.setOnShown(e -> AppIcons.apply((javafx.stage.Stage) dialog.getDialogPane().getScene().getWindow()));
        ToggleGroup mode = new ToggleGroup();
        RadioButton demo = new RadioButton(i18n.get("start.demo"));
        demo.setId("start-demo");
        demo.setToggleGroup(mode);
        demo.setSelected(true);
        Label demoHelp = new Label(i18n.get("start.demoHelp"));
        demoHelp.setWrapText(true);
        demoHelp.getStyleClass().add("help-text");
        RadioButton server = new RadioButton(i18n.get("start.server"));
        server.setId("start-server");
        server.setToggleGroup(mode);
        TextField url = new TextField(settings.server().map(Settings.ServerConnection::url).orElse("http://"));
        url.setId("server-url");
        PasswordField key = new PasswordField();
        key.setId("api-key");
        Label error = new Label();
        error.setId("start-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        GridPane fields = new GridPane();
        fields.setHgap(8);
        fields.setVgap(8);
        fields.setPadding(new Insets(0, 0, 0, 24));
        fields.addRow(0, new Label(i18n.get("start.url")), url);
        fields.addRow(1, new Label(i18n.get("start.apiKey")), key);
        fields.disableProperty().bind(server.selectedProperty().not());
        VBox content = new VBox(10, demo, demoHelp, server, fields, error);
        content.setPrefWidth(460);
        dialog.getDialogPane().setContent(content);
        ButtonType ok = new ButtonType(i18n.get("start.continue"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        Button okButton = (Button) dialog.getDialogPane().lookupButton(ok);
        okButton.addEventFilter(ActionEvent.ACTION, e -> {
            if (!server.isSelected()) {
                settings.useDemo();
                settings.flush();
                return;
            }
            // the server is tried in the background; the dialog closes when it answered well
            e.consume();
            String address = url.getText().trim();
            String apiKey = key.getText().trim();
            okButton.setDisable(true);
            error.setText(i18n.get("start.checking", address));
            Thread check = new Thread(() -> {
                Optional<String> problem = tryServer(address, apiKey);
                Platform.runLater(() -> {
                    okButton.setDisable(false);
                    if (problem.isPresent()) {
                        error.setText(problem.get());
                        return;
                    }
                    settings.useServer(new Settings.ServerConnection(address, apiKey));
                    settings.flush();
                    dialog.setResult(true);
                    dialog.close();
                });
            }, "server-check");
            check.setDaemon(true);
            check.start();
        });
        dialog.setResultConverter(b -> b == ok);
        return dialog.showAndWait().orElse(false);
    }

    /** Connects once; empty when the server answered and accepted the key, else why not. */
    private Optional<String> tryServer(String url, String key) {
        if (!url.matches("https?://[^/\\s]+.*")) {
            return Optional.of(i18n.get("start.badUrl"));
        }
        if (key.isEmpty()) {
            return Optional.of(i18n.get("start.noKey"));
        }
        try {
            new FotaDeskClient(url, key).checkConnection();
            return Optional.empty();
        } catch (nl.fotadesk.client.UnauthorizedException e) {
            return Optional.of(i18n.get("start.keyRefused"));
        } catch (nl.fotadesk.client.FotaDeskException e) {
            return Optional.of(i18n.get("start.unreachable", url, e.getMessage()));
        }
    }
}
