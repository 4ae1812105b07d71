package nl.fotadesk.ui;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The main window against the real demo backend: navigation, demo badge, connection state, language. */
class MainWindowTest extends DemoUiTest {
    @Test
    void showsTheDemoBadgeAndTheConnection(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#demo-badge").queryAs(Labeled.class).getText()).isEqualTo("DEMO");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.context.connectionProperty().get() == ConnectionState.CONNECTED);
        assertThat(robot.lookup("#nav-devices").queryAs(Labeled.class).getText()).isEqualTo("Devices");
    }

    @Test
    void switchesToDutchAndBackWithoutARestart(FxRobot robot) {
        ComboBox<Locale> language = robot.lookup("#language").queryComboBox();
        robot.interact(() -> language.setValue(I18n.DUTCH));
        assertThat(robot.lookup("#nav-devices").queryAs(Labeled.class).getText()).isEqualTo("Apparaten");
        assertThat(robot.lookup("#nav-campaigns").queryAs(Labeled.class).getText()).isEqualTo("Campagnes");
        assertThat(app.context.settings().language()).as("remembered").isEqualTo(I18n.DUTCH);
        ComboBox<Locale> again = robot.lookup("#language").queryComboBox();
        robot.interact(() -> again.setValue(I18n.ENGLISH));
        assertThat(robot.lookup("#nav-devices").queryAs(Labeled.class).getText()).isEqualTo("Devices");
    }

    @Test
    void navigatesWithTheKeyboard(FxRobot robot) {
        robot.clickOn("#nav-devices");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.DIGIT3)
                .release(javafx.scene.input.KeyCode.DIGIT3, javafx.scene.input.KeyCode.CONTROL);
        assertThat(app.context.settings().screen()).isEqualTo("campaigns");
    }
}
