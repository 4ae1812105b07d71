package nl.fotadesk.ui;

import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import nl.fotadesk.backend.TestBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/** The first-start choice: the demo by default, or a server whose URL and key are tried before they are kept. */
@ExtendWith(ApplicationExtension.class)
class StartDialogTest {
    @TempDir
    Path data;
    TestBackend backend;
    Settings settings = new Settings(Preferences.userRoot().node("nl/fotadesk/test/start/" + System.nanoTime()));
    CompletableFuture<Boolean> chosen = new CompletableFuture<>();

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        if (backend != null) {
            backend.close();
        }
    }

    private void open() {
        Platform.runLater(() -> chosen.complete(new StartDialog(new I18n(I18n.ENGLISH), settings).choose()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theDemoIsTheDefault(FxRobot robot) throws Exception {
        assertThat(settings.firstStart()).isTrue();
        open();
        robot.clickOn("Continue");
        assertThat(chosen.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(settings.firstStart()).isFalse();
        assertThat(settings.server()).isEmpty();
    }

    @Test
    void aServerIsKeptOnlyOnceItAcceptedTheKey(FxRobot robot) throws Exception {
        backend = new TestBackend(data);
        open();
        robot.clickOn("#start-server");
        robot.interact(() -> robot.lookup("#server-url").queryTextInputControl().setText(backend.url()));
        robot.clickOn("#api-key").write("wrong-key");
        robot.clickOn("Continue");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#start-error").queryAs(Label.class)
                .getText().contains("refused this API key"));
        assertThat(settings.server()).as("nothing kept yet").isEmpty();

        robot.interact(() -> robot.lookup("#api-key").queryTextInputControl().setText(TestBackend.API_KEY));
        robot.clickOn("Continue");
        assertThat(chosen.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(settings.server()).contains(new Settings.ServerConnection(backend.url(), TestBackend.API_KEY));
    }

    @Test
    void anUnreachableServerIsExplained(FxRobot robot) throws Exception {
        open();
        robot.clickOn("#start-server");
        robot.interact(() -> robot.lookup("#server-url").queryTextInputControl().setText("http://127.0.0.1:1"));
        robot.clickOn("#api-key").write("key");
        robot.clickOn("Continue");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#start-error").queryAs(Label.class)
                .getText().startsWith("Cannot reach"));
        robot.clickOn("Cancel");
    }
}
