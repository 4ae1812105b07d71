package nl.fotadesk.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import nl.fotadesk.client.ServerCertificate;

import java.time.Instant;
import java.util.Optional;

/**
 * Asks whether to trust a server's certificate that this computer does not trust, showing what the
 * user needs to compare with the server (its SHA-256 fingerprint, which the server logs at start) and
 * to judge it (whom it names, who signed it, when it is valid). A certificate that replaced one the
 * user trusted is asked about as a warning, with the old fingerprint, and Cancel as the default.
 */
final class CertificateDialog {
    private final I18n i18n;

    CertificateDialog(I18n i18n) {
        this.i18n = i18n;
    }

    /**
     * @param trustedBefore the fingerprint trusted for this server until now, empty if none
     * @return true when the user trusts {@code presented}
     */
    boolean ask(Window owner, String server, ServerCertificate presented, Optional<String> trustedBefore) {
        boolean changed = trustedBefore.isPresent();
        Alert alert = new Alert(changed ? Alert.AlertType.WARNING : Alert.AlertType.CONFIRMATION);
        alert.initOwner(owner);
        alert.setTitle(i18n.get("certificate.title"));
        alert.setHeaderText(i18n.get(changed ? "certificate.changedHeader" : "certificate.untrustedHeader", server));
        Label explanation = new Label(i18n.get(changed ? "certificate.changedHelp" : "certificate.untrustedHelp"));
        explanation.setWrapText(true);
        GridPane details = new GridPane();
        details.setHgap(12);
        details.setVgap(6);
        int row = 0;
        details.addRow(row++, new Label(i18n.get("certificate.fingerprint")),
                fingerprint("certificate-fingerprint", presented.fingerprint()));
        if (changed) {
            details.addRow(row++, new Label(i18n.get("certificate.trustedBefore")),
                    fingerprint("certificate-trusted-before", trustedBefore.get()));
        }
        details.addRow(row++, new Label(i18n.get("certificate.subject")), wrapped(presented.subject()));
        details.addRow(row++, new Label(i18n.get("certificate.issuer")), wrapped(presented.selfSigned()
                ? i18n.get("certificate.selfSigned") : presented.issuer()));
        details.addRow(row, new Label(i18n.get("certificate.validity")), wrapped(i18n.get("certificate.validRange",
                i18n.dateTime(presented.validFrom()), i18n.dateTime(presented.validUntil()))));
        VBox content = new VBox(12, explanation, details);
        Instant now = Instant.now();
        if (now.isBefore(presented.validFrom()) || now.isAfter(presented.validUntil())) {
            Label invalid = new Label(i18n.get("certificate.notValidNow"));
            invalid.setId("certificate-not-valid");
            invalid.setStyle("-fx-text-fill: #cf222e; -fx-font-weight: bold;");
            invalid.setWrapText(true);
            content.getChildren().add(invalid);
        }
        content.setPrefWidth(560);
        alert.getDialogPane().setContent(content);
        ButtonType trust = new ButtonType(i18n.get(changed ? "certificate.trustNew" : "certificate.trust"),
                ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(i18n.get("start.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(trust, cancel);
        Button trustButton = (Button) alert.getDialogPane().lookupButton(trust);
        trustButton.setId("certificate-trust");
        if (changed) {
            // a replaced certificate is trusted only on purpose: Enter cancels
            trustButton.setDefaultButton(false);
            ((Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        }
        return alert.showAndWait().filter(trust::equals).isPresent();
    }

    /** In two lines of 16 bytes, selectable so it can be copied for comparing. */
    private static TextArea fingerprint(String id, String fingerprint) {
        TextArea text = new TextArea(fingerprint.substring(0, 47) + "\n" + fingerprint.substring(48));
        text.setId(id);
        text.setEditable(false);
        text.setPrefRowCount(2);
        text.setPrefColumnCount(47);
        text.setStyle("-fx-font-family: monospace;");
        return text;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMaxWidth(420);
        return label;
    }
}
