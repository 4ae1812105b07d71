package nl.fotadesk.ui;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import nl.fotadesk.backend.BackendConfig;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.backend.tls.TestCertificate;
import nl.fotadesk.client.ServerTrust;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/** Connecting to an https server whose self-signed certificate is shown, trusted by its fingerprint and remembered. */
@ExtendWith(ApplicationExtension.class)
class StartDialogTrustTest {
    @TempDir
    static Path folder;
    static TestCertificate certificate;
    static TestCertificate previous;
    static TestBackend backend;
    Settings settings = new Settings(Preferences.userRoot().node("nl/fotadesk/test/trust/" + System.nanoTime()));
    CompletableFuture<Boolean> chosen = new CompletableFuture<>();

    @BeforeAll
    static void startServer() throws Exception {
        certificate = TestCertificate.selfSigned(folder, "fota-test");
        previous = TestCertificate.selfSigned(folder, "replaced");
        backend = new TestBackend(BackendConfig.local(folder.resolve("data"), 0, TestBackend.API_KEY)
                .withTls(new BackendConfig.Tls(certificate.certificate(), certificate.key())));
    }

    @AfterAll
    static void stopServer() throws Exception {
        backend.close();
    }

    @Start
    void start(Stage stage) {
        // a window with a scene to own the dialogs (a bare stage has no view under Monocle)
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @Test
    void anUntrustedCertificateIsShownAndDecliningLeavesNothingTrusted(FxRobot robot) {
        connect(robot);
        assertThat(shownFingerprint(robot, "#certificate-fingerprint")).isEqualTo(certificate.fingerprint());
        assertThat(robot.lookup(".dialog-pane").queryAll().stream().map(n -> ((DialogPane) n).getHeaderText())
                .anyMatch(h -> h != null && h.contains("does not trust"))).isTrue();
        assertThat(robot.lookup("Itself (self-signed)").tryQuery()).isPresent();
        robot.type(KeyCode.ESCAPE);
        waitForError(robot, "did not trust");
        assertThat(settings.server()).isEmpty();
        assertThat(settings.trust(backend.url())).isSameAs(ServerTrust.system());
        robot.clickOn("Cancel");
    }

    @Test
    void trustingConnectsAndIsRemembered(FxRobot robot) throws Exception {
        connect(robot);
        robot.clickOn("#certificate-trust");
        assertThat(chosen.get(15, TimeUnit.SECONDS)).isTrue();
        assertThat(settings.server()).contains(new Settings.ServerConnection(backend.url()));
        assertThat(settings.trust(backend.url()).pinnedFingerprint()).contains(certificate.fingerprint());
        assertThat(settings.trust(backend.url() + "/").pinnedFingerprint()).as("per server, not per spelling")
                .contains(certificate.fingerprint());
        assertThat(settings.trust(backend.url().replace("127.0.0.1", "localhost")).pinnedFingerprint()).isEmpty();
    }

    @Test
    void aChangedCertificateIsAWarningThatEnterDeclines(FxRobot robot) throws Exception {
        settings.trustCertificate(backend.url(), previous.fingerprint());
        connect(robot);
        assertThat(shownFingerprint(robot, "#certificate-trusted-before")).isEqualTo(previous.fingerprint());
        assertThat(shownFingerprint(robot, "#certificate-fingerprint")).isEqualTo(certificate.fingerprint());
        robot.type(KeyCode.ENTER);
        waitForError(robot, "did not trust");
        assertThat(settings.trust(backend.url()).pinnedFingerprint()).as("unchanged").contains(previous.fingerprint());

        robot.clickOn("Continue");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> trustButtonShown(robot));
        robot.clickOn("#certificate-trust");
        assertThat(chosen.get(15, TimeUnit.SECONDS)).isTrue();
        assertThat(settings.trust(backend.url()).pinnedFingerprint()).contains(certificate.fingerprint());
    }

    /** Opens the start dialog, fills in the https server and continues until the certificate is asked about. */
    private void connect(FxRobot robot) {
        Platform.runLater(() -> chosen.complete(new StartDialog(new I18n(I18n.ENGLISH), settings).choose()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#start-server");
        robot.interact(() -> robot.lookup("#server-url").queryTextInputControl().setText(backend.url()));
        robot.clickOn("Continue");
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> trustButtonShown(robot));
            WaitForAsyncUtils.waitForFxEvents();
        } catch (Exception e) {
            throw new AssertionError("the certificate was not asked about; the dialog says: "
                    + robot.lookup("#start-error").queryAs(Label.class).getText(), e);
        }
    }

    private static boolean trustButtonShown(FxRobot robot) {
        return robot.lookup("#certificate-trust").match(NodeQueryUtils.isVisible()).tryQuery()
                .filter(button -> button.getScene().getWindow().isShowing()).isPresent();
    }

    private static String shownFingerprint(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextArea.class).getText().replace('\n', ':');
    }

    private static void waitForError(FxRobot robot, String text) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> robot.lookup("#start-error").queryAs(Label.class).getText().contains(text));
        } catch (Exception e) {
            throw new AssertionError("expected \"" + text + "\", the dialog says: "
                    + robot.lookup("#start-error").queryAs(Label.class).getText(), e);
        }
    }
}
