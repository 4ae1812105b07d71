package nl.fotadesk.ui;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nl.fotadesk.client.ConnectionException;
import nl.fotadesk.client.HttpFotaDeskClient;
import nl.fotadesk.client.FotaDeskException;
import nl.fotadesk.client.ServerCertificate;
import nl.fotadesk.client.ServerTrust;
import nl.fotadesk.client.UnauthorizedException;

import java.util.regex.Pattern;

/**
 * First start: the offline demo (the default) or a server, whose URL is tried before it is kept (the
 * user then signs in, see {@link nl.fotadesk.ui.accounts.SignInDialog}); an https server's certificate
 * that this computer does not trust is shown and can be trusted by its fingerprint (see
 * {@link CertificateDialog}). Also reachable later to switch.
 */
public final class StartDialog {
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");
    private static final Pattern LOOPBACK = Pattern.compile("(localhost|127(\\.\\d{1,3}){3}|\\[::1\\])(:\\d+)?(/|$)");
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
        demoHelp.setMinHeight(Region.USE_PREF_SIZE);
        demoHelp.getStyleClass().add("help-text");
        RadioButton server = new RadioButton(i18n.get("start.server"));
        server.setId("start-server");
        server.setToggleGroup(mode);
        TextField url = new TextField(settings.server().map(Settings.ServerConnection::url).orElse(""));
        url.setId("server-url");
        url.setPromptText(i18n.get("start.urlPrompt"));
        GridPane.setHgrow(url, Priority.ALWAYS);
        // the examples, and what an address without a scheme becomes, read whole below the field
        Label urlHelp = new Label(i18n.get("start.urlHelp"));
        urlHelp.setId("server-url-help");
        urlHelp.setWrapText(true);
        urlHelp.setMinHeight(Region.USE_PREF_SIZE);
        urlHelp.getStyleClass().add("help-text");
        Label error = new Label();
        error.setId("start-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        // the dialog grows with a longer message instead of cutting it (or the help above it) short
        error.textProperty().addListener((o, old, text) -> Platform.runLater(() -> {
            if (dialog.isShowing()) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        }));
        GridPane fields = new GridPane();
        fields.setHgap(8);
        fields.setVgap(8);
        fields.setPadding(new Insets(0, 0, 0, 24));
        Label urlLabel = new Label(i18n.get("start.url"));
        urlLabel.setMinWidth(Region.USE_PREF_SIZE); // the field and its examples take the rest of the row
        fields.addRow(0, urlLabel, url);
        fields.add(urlHelp, 1, 1);
        fields.disableProperty().bind(server.selectedProperty().not());
        VBox content = new VBox(10, demo, demoHelp, server, fields, error);
        content.setPrefWidth(460);
        dialog.getDialogPane().setContent(content);
        ButtonType ok = new ButtonType(i18n.get("start.continue"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok,
                new ButtonType(i18n.get("start.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        Button okButton = (Button) dialog.getDialogPane().lookupButton(ok);
        okButton.addEventFilter(ActionEvent.ACTION, e -> {
            if (!server.isSelected()) {
                settings.useDemo();
                settings.flush();
                return;
            }
            // the server is tried in the background; the dialog closes when it answered well
            e.consume();
            String address = withScheme(url.getText());
            okButton.setDisable(true);
            check(dialog, address, settings.trust(address), error, okButton);
        });
        dialog.setResultConverter(b -> b == ok);
        return dialog.showAndWait().orElse(false);
    }

    /**
     * The address as typed, with "https://" before it when it has no scheme, or "http://" for this
     * computer itself: a server listens on anything but the loopback address only with a certificate.
     */
    static String withScheme(String typed) {
        String address = typed == null ? "" : typed.trim();
        if (address.isEmpty() || SCHEME.matcher(address).lookingAt()) {
            return address;
        }
        return (LOOPBACK.matcher(address).lookingAt() ? "http://" : "https://") + address;
    }

    /**
     * Tries the server in the background; keeps it and closes the dialog when a FOTA Desk server answered,
     * asks to trust its certificate when that was refused, else says why not.
     */
    private void check(Dialog<Boolean> dialog, String address, ServerTrust trust, Label error, Button okButton) {
        error.setText(i18n.get("start.checking", address));
        Thread check = new Thread(() -> {
            Outcome outcome = tryServer(address, trust);
            Platform.runLater(() -> {
                if (outcome.refused() != null) {
                    askToTrust(dialog, address, trust, outcome.refused(), error, okButton);
                    return;
                }
                okButton.setDisable(false);
                if (outcome.problem() != null) {
                    error.setText(outcome.problem());
                    return;
                }
                settings.useServer(new Settings.ServerConnection(address));
                settings.flush();
                dialog.setResult(true);
                dialog.close();
            });
        }, "server-check");
        check.setDaemon(true);
        check.start();
    }

    private void askToTrust(Dialog<Boolean> dialog, String address, ServerTrust trust,
                            ServerCertificate refused, Label error, Button okButton) {
        boolean trusted = new CertificateDialog(i18n).ask(dialog.getDialogPane().getScene().getWindow(), address,
                refused, trust.pinnedFingerprint());
        if (!trusted) {
            okButton.setDisable(false);
            error.setText(i18n.get("start.certificateDeclined", address));
            return;
        }
        settings.trustCertificate(address, refused.fingerprint());
        settings.flush();
        check(dialog, address, ServerTrust.pinned(refused.fingerprint()), error, okButton);
    }

    /** What trying a server gave: nothing wrong, a problem to show, or a certificate to ask about. */
    private record Outcome(String problem, ServerCertificate refused) {
    }

    /** Connects once, without signing in: the API's refusal to an unknown caller shows a FOTA Desk server. */
    private Outcome tryServer(String url, ServerTrust trust) {
        if (!url.matches("(?i)https?://[^/\\s]+.*")) {
            return new Outcome(i18n.get("start.badUrl"), null);
        }
        try {
            HttpFotaDeskClient.signedOut(url, trust).checkConnection();
            return new Outcome(null, null);
        } catch (UnauthorizedException e) {
            return new Outcome(null, null);
        } catch (ConnectionException e) {
            return e.certificate().map(refused -> new Outcome(null, refused))
                    .orElseGet(() -> new Outcome(i18n.get("start.unreachable", url, e.getMessage()), null));
        } catch (FotaDeskException e) {
            return new Outcome(i18n.get("start.unreachable", url, e.getMessage()), null);
        }
    }
}
