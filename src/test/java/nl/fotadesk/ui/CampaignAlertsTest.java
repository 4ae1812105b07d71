package nl.fotadesk.ui;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.demo.DemoEnvironment;
import nl.fotadesk.protocol.Imei;
import nl.fotadesk.protocol.api.CampaignTarget;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.protocol.api.NewCampaign;
import nl.fotadesk.protocol.api.NewDevice;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shell against the real demo: a campaign that pauses itself while the operator is on another
 * screen is announced with a notification and a badge, and a click on the notification opens it;
 * F1 shows the help and Ctrl+N the wizard.
 */
class CampaignAlertsTest extends DemoUiTest {
    @Test
    void aCampaignThatPausesItselfOnAnotherScreenIsAnnouncedAndOpensOnAClick(FxRobot robot) throws Exception {
        robot.clickOn("#nav-devices");
        CampaignView campaign = failingCampaign("Silent pilot");

        // Its one device never answers: after the device timeout the campaign pauses above its error threshold.
        waitFor(60, () -> robot.lookup(".campaign-alert").tryQuery().isPresent());
        String note = fx(() -> allText(robot.lookup(".campaign-alert").query()));
        assertThat(note).contains("Campaign paused: Silent pilot").contains("error threshold")
                .contains("Click to open the campaign.");
        Labeled badge = robot.lookup("#nav-campaigns-badge").queryAs(Labeled.class);
        assertThat(fx(badge::isVisible)).isTrue();
        assertThat(fx(badge::getText)).isEqualTo("1");

        robot.clickOn(robot.lookup(".campaign-alert").<Node>query());
        waitFor(10, () -> text(robot, "#campaign-name").equals(campaign.name()));
        waitFor(10, () -> text(robot, "#campaign-state").equals("Paused"));
        assertThat(app.context.settings().screen()).isEqualTo("campaigns");
        assertThat(fx(badge::isVisible)).as("seen").isFalse();
    }

    @Test
    void f1ShowsTheScreensAndShortcutsAndCtrlNOpensTheWizard(FxRobot robot) throws Exception {
        robot.clickOn("#nav-devices");
        robot.press(KeyCode.F1).release(KeyCode.F1);
        waitFor(5, () -> robot.lookup("#help-overlay").tryQuery().isPresent());
        String help = fx(() -> allText(robot.lookup("#help-overlay").query()));
        assertThat(help).contains("Devices", "Firmware", "Campaigns", "Groups", "New campaign", "F1", "F5");
        assertThat(help).contains("Ctrl+1", "Ctrl+4", "Ctrl+N");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitFor(5, () -> robot.lookup("#help-overlay").tryQuery().isEmpty());

        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitFor(5, () -> robot.lookup("#wizard-firmware").tryQuery().isPresent());
        assertThat(app.context.settings().screen()).isEqualTo("campaigns");
    }

    /** A started campaign on one registered device that never checks in, so it times out and fails. */
    private CampaignView failingCampaign(String name) {
        FotaDeskClient client = app.demo.client();
        String imei = Imei.withCheckDigit("35693803" + "999992");
        client.registerDevice(new NewDevice(imei, "tracker-x", "acme", null, null));
        FirmwareView image = client.firmware().stream().filter(f -> f.deviceType().equals("tracker-x")
                && f.version().equals(DemoEnvironment.NEW_VERSIONS.get("tracker-x"))).findFirst().orElseThrow();
        return client.createCampaign(new NewCampaign(name, image.id(), new CampaignTarget(null, null, null,
                List.of(imei), null, null), null, 100, 10, 10L, 0, null, null, true));
    }

    static String text(FxRobot robot, String query) {
        return fx(() -> ((Labeled) robot.lookup(query).query()).getText());
    }

    static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The texts of a node and everything in it, one per line. */
    static String allText(Node node) {
        StringBuilder out = new StringBuilder();
        if (node instanceof Labeled l && l.getText() != null) {
            out.append(l.getText()).append('\n');
        }
        if (node instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> out.append(allText(child)));
        }
        return out.toString();
    }

    static void waitFor(int seconds, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            try {
                return condition.call();
            } catch (RuntimeException e) {
                return false;
            }
        });
    }
}
