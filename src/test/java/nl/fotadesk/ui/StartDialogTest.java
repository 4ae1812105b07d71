package nl.fotadesk.ui;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
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
import java.util.Locale;
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
    Preferences prefs = Preferences.userRoot().node("nl/fotadesk/test/start/" + System.nanoTime());
    Settings settings = new Settings(prefs);
    CompletableFuture<Boolean> chosen = new CompletableFuture<>();

    @Start
    void start(Stage stage) {
        // a window with a scene to own the dialog (a bare stage has no view under Monocle)
        stage.setScene(new Scene(new StackPane(), 320, 200));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        if (backend != null) {
            backend.close();
        }
    }

    private void open() {
        open(I18n.ENGLISH);
    }

    private void open(Locale language) {
        Platform.runLater(() -> chosen.complete(new StartDialog(new I18n(language), settings).choose()));
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
    void aServerIsKeptOnceItAnswersWithoutAnySecret(FxRobot robot) throws Exception {
        backend = new TestBackend(data);
        open();
        robot.clickOn("#start-server");
        assertThat(robot.lookup("#api-key").tryQuery()).as("users sign in; no shared key is asked for").isEmpty();
        robot.interact(() -> robot.lookup("#server-url").queryTextInputControl().setText(backend.url()));
        robot.clickOn("Continue");
        assertThat(chosen.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(settings.server()).contains(new Settings.ServerConnection(backend.url()));
        assertThat(prefs.keys()).as("nothing secret on disk").doesNotContain("apiKey", "password", "token");
    }

    @Test
    void anUnreachableServerIsExplained(FxRobot robot) throws Exception {
        open();
        robot.clickOn("#start-server");
        robot.interact(() -> robot.lookup("#server-url").queryTextInputControl().setText("http://127.0.0.1:1"));
        robot.clickOn("Continue");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#start-error").queryAs(Label.class)
                .getText().startsWith("Cannot reach"));
        robot.clickOn("Cancel");
    }

    @Test
    void theUrlIsTypedWithOrWithoutItsScheme(FxRobot robot) throws Exception {
        backend = new TestBackend(data);
        open();
        robot.clickOn("#start-server");
        TextInputControl url = robot.lookup("#server-url").queryTextInputControl();
        assertThat(url.getText()).as("nothing to type around").isEmpty();
        assertThat(url.getPromptText()).isEqualTo("host:port");
        assertThat(robot.lookup("#server-url-help").queryAs(Label.class).getText())
                .contains("fota.example.com:8443 or https://fota.example.com:8443");
        assertThat(backend.url()).startsWith("http://");
        String typed = backend.url().substring("http://".length());
        robot.clickOn("#server-url").write(typed);
        robot.clickOn("Continue");
        assertThat(chosen.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(settings.server()).contains(new Settings.ServerConnection(backend.url()));
    }

    @Test
    void theUrlsPromptAndItsExamplesReadWholeInBothLanguages(FxRobot robot) throws Exception {
        for (Locale language : I18n.LANGUAGES) {
            open(language);
            robot.clickOn("#start-server");
            TextField url = robot.lookup("#server-url").queryAs(TextField.class);
            Label help = robot.lookup("#server-url-help").queryAs(Label.class);
            WaitForAsyncUtils.waitForFxEvents();
            String where = language.getLanguage();
            Label urlLabel = (Label) FxReads.fx(() -> url.getParent().getChildrenUnmodifiable().get(0));
            assertThat(FxReads.fx(() -> ((Text) urlLabel.lookup(".text")).getText())).as("the field's name whole, " + where)
                    .isEqualTo(new I18n(language).get("start.url"));
            assertThat(FxReads.fx(() -> textWidth(url.getPromptText(), url.getFont()))).as("the prompt fits the field, " + where)
                    .isLessThanOrEqualTo(FxReads.fx(() -> url.getWidth() - url.getInsets().getLeft()
                            - url.getInsets().getRight()));
            assertThat(FxReads.fx(() -> ((Text) help.lookup(".text")).getText())).as("the examples whole, " + where)
                    .isEqualTo(new I18n(language).get("start.urlHelp"));
            robot.interact(() -> FxShots.save(url.getScene(), "start-dialog-" + where));
            robot.clickOn(new I18n(language).get("start.cancel"));
            assertThat(chosen.get(10, TimeUnit.SECONDS)).isFalse();
            chosen = new CompletableFuture<>();
        }
    }

    private static double textWidth(String text, Font font) {
        Text measure = new Text(text);
        measure.setFont(font);
        return measure.getLayoutBounds().getWidth();
    }

    @Test
    void anAddressWithoutSchemeIsHttpsExceptOnThisComputer() {
        assertThat(StartDialog.withScheme(" fota.example.com:8443 ")).isEqualTo("https://fota.example.com:8443");
        assertThat(StartDialog.withScheme("10.0.0.7:8080/")).isEqualTo("https://10.0.0.7:8080/");
        assertThat(StartDialog.withScheme("127.0.0.1:8080")).isEqualTo("http://127.0.0.1:8080");
        assertThat(StartDialog.withScheme("localhost")).isEqualTo("http://localhost");
        assertThat(StartDialog.withScheme("[::1]:8080")).isEqualTo("http://[::1]:8080");
        assertThat(StartDialog.withScheme("localhost.example.com")).isEqualTo("https://localhost.example.com");
        assertThat(StartDialog.withScheme("http://fota.example.com")).isEqualTo("http://fota.example.com");
        assertThat(StartDialog.withScheme("HTTPS://fota.example.com")).isEqualTo("HTTPS://fota.example.com");
        assertThat(StartDialog.withScheme("  ")).isEmpty();
    }
}
