package nl.fotadesk.ui;

import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.Locale;

import static nl.fotadesk.ui.FxReads.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The start-up window takes the place of the launcher's splash screen: the same image in the same place
 * (the middle of the screen), with what is happening beneath it in either language, never cut off.
 */
@ExtendWith(ApplicationExtension.class)
class StartupWindowTest {
    @Start
    void start(Stage stage) {
        // no window of the test's own: the start-up window is the only one
    }

    @Test
    void itSitsWhereTheSplashScreenWasWithItsTextWholeInBothLanguages(FxRobot robot) {
        for (Locale language : I18n.LANGUAGES) {
            I18n i18n = new I18n(language);
            StartupWindow window = fx(() -> new StartupWindow(i18n));
            robot.interact(window::show);
            Label text = robot.lookup("#startup-text").queryAs(Label.class);
            assertThat(fx(text::getText)).isEqualTo(i18n.get("start.demoStarting"));
            assertThat(fx(() -> ((Text) text.lookup(".text")).getText())).as("shown whole in " + language)
                    .isEqualTo(i18n.get("start.demoStarting"));
            Window shown = fx(() -> text.getScene().getWindow());
            Rectangle2D screen = fx(() -> Screen.getPrimary().getBounds());
            // the launcher centres its splash screen, image-sized, on the screen
            assertThat(fx(shown::getWidth)).isEqualTo(440.0);
            assertThat(fx(shown::getHeight)).isEqualTo(260.0);
            assertThat(fx(shown::getX)).isEqualTo(Math.floor((screen.getWidth() - 440) / 2));
            assertThat(fx(shown::getY)).isEqualTo(Math.floor((screen.getHeight() - 260) / 2));
            robot.interact(window::close);
        }
    }

    @Test
    void closingTheSplashScreenWithoutOneDoesNothing() {
        // headless here, as a command run without a display
        assertThatCode(LauncherSplash::close).doesNotThrowAnyException();
    }
}
