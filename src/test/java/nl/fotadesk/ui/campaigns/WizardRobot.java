package nl.fotadesk.ui.campaigns;

import javafx.scene.control.ComboBox;
import nl.fotadesk.demo.DemoEnvironment;
import nl.fotadesk.protocol.api.FirmwareView;
import org.testfx.api.FxRobot;

import static nl.fotadesk.ui.FxReads.await;
import static nl.fotadesk.ui.FxReads.fx;

/** Drives the campaign wizard of the offline demo in GUI tests. */
public final class WizardRobot {
    private WizardRobot() {
    }

    /** Opens the wizard from the Campaigns screen and chooses the demo's new firmware for {@code deviceType}. */
    public static FirmwareView openWithNewFirmware(FxRobot robot, String deviceType) throws Exception {
        robot.clickOn("#nav-campaigns");
        await(10, () -> robot.lookup("#campaigns-new").tryQuery().map(n -> !n.isDisabled()).orElse(false));
        robot.clickOn("#campaigns-new");
        await(10, () -> robot.lookup("#wizard-firmware").tryQuery().isPresent());
        ComboBox<FirmwareView> firmware = robot.lookup("#wizard-firmware").queryComboBox();
        await(15, () -> !firmware.getItems().isEmpty());
        FirmwareView image = fx(() -> firmware.getItems().stream().filter(f -> f.deviceType().equals(deviceType)
                && f.version().equals(DemoEnvironment.NEW_VERSIONS.get(deviceType))).findFirst().orElseThrow());
        robot.interact(() -> firmware.setValue(image));
        return image;
    }
}
