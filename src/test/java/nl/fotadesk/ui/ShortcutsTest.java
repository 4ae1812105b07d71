package nl.fotadesk.ui;

import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import static nl.fotadesk.ui.CampaignAlertsTest.allText;
import static nl.fotadesk.ui.CampaignAlertsTest.fx;
import static nl.fotadesk.ui.CampaignAlertsTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keyboard shortcuts against the real app: Ctrl+N is a new campaign on every screen, also after
 * the devices screen (whose own shortcuts come and go with it) was shown; registering a device has
 * keys of its own; the help lists every shortcut and opens from a button as well as with F1.
 */
class ShortcutsTest extends DemoUiTest {
    @Test
    void ctrlNOpensTheCampaignWizardFromEveryScreen(FxRobot robot) throws Exception {
        for (String screen : new String[]{"devices", "firmware", "devices", "groups"}) {
            robot.clickOn("#nav-" + screen);
            waitFor(5, () -> robot.lookup("#wizard-firmware").tryQuery().isEmpty());
            robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
            waitFor(5, () -> robot.lookup("#wizard-firmware").tryQuery().isPresent());
            assertThat(app.context.settings().screen()).as("Ctrl+N from " + screen).isEqualTo("campaigns");
        }
    }

    @Test
    void ctrlShiftNRegistersADeviceOnTheDevicesScreen(FxRobot robot) throws Exception {
        robot.clickOn("#nav-devices");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N).release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(5, () -> robot.lookup("#register-dialog").tryQuery().isPresent());
        assertThat(app.context.settings().screen()).isEqualTo("devices");
        Window dialog = fx(() -> robot.lookup("#register-dialog").query().getScene().getWindow());
        robot.interact(dialog::hide);
    }

    @Test
    void theHelpButtonShowsEveryShortcut(FxRobot robot) throws Exception {
        robot.clickOn("#nav-firmware");
        Button help = robot.lookup("#help-button").queryAs(Button.class);
        assertThat(fx(help::getText)).isEqualTo("Help");
        robot.clickOn(help);
        waitFor(5, () -> robot.lookup("#help-overlay").tryQuery().isPresent());
        String text = fx(() -> allText(robot.lookup("#help-overlay").query()));
        for (var key : new javafx.scene.input.KeyCombination[]{Shortcuts.NEW_CAMPAIGN, Shortcuts.HELP,
                Shortcuts.REFRESH, Shortcuts.FIND_DEVICE, Shortcuts.REGISTER_DEVICE, Shortcuts.IMPORT_DEVICES,
                Shortcuts.EXPORT, Shortcuts.DELETE, Shortcuts.COPY, Shortcuts.screen(0), Shortcuts.screen(3)}) {
            assertThat(text).contains(key.getDisplayText());
        }
        assertThat(text).contains("Register a device", "Import devices from a CSV file");
        robot.clickOn("#help-close");
        waitFor(5, () -> robot.lookup("#help-overlay").tryQuery().isEmpty());
    }
}
