package nl.fotadesk.ui.campaigns;

import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.protocol.Imei;
import nl.fotadesk.protocol.api.CampaignTarget;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.protocol.api.NewCampaign;
import nl.fotadesk.protocol.api.NewDevice;
import nl.fotadesk.protocol.api.TargetedDevice;
import nl.fotadesk.ui.DemoUiTest;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;

import static nl.fotadesk.ui.FxReads.await;
import static nl.fotadesk.ui.FxReads.fx;
import static nl.fotadesk.ui.FxReads.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wizard's review lists the devices to update a page ({@value FotaDeskClient#PREVIEW_PAGE}) at a
 * time: with more than a page, "Show 50 more" loads the next page, and at the end it is gone.
 */
class TargetedDevicesPagesTest extends DemoUiTest {
    /** Meters registered here (none of them simulated), besides the demo's own: well over two pages in all. */
    static final int EXTRA_METERS = 117;

    @Test
    @SuppressWarnings("unchecked")
    void showMoreLoadsTheNextPageUntilAllAreListed(FxRobot robot) throws Exception {
        app.demo.client().registerDevices(IntStream.range(0, EXTRA_METERS).mapToObj(i -> new NewDevice(
                Imei.withCheckDigit(String.format("12%012d", i)), "meter-y", "acme", null, "2.1.0")).toList());
        FirmwareView image = WizardRobot.openWithNewFirmware(robot, "meter-y");
        int targeted = app.demo.client().previewCampaign(new NewCampaign("x", image.id(),
                new CampaignTarget(null, "meter-y", null, null, null, null), null, null, null, null, null, null,
                null, false), 0, 0).targeted();
        int page = FotaDeskClient.PREVIEW_PAGE;
        assertThat(targeted).as("more than two pages, the last one not full").isGreaterThan(2 * page)
                .isNotEqualTo(3 * page);
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");
        await(10, () -> robot.lookup("#wizard-targeted-devices").tryQuery().isPresent());
        TableView<TargetedDevice> table = robot.lookup("#wizard-targeted-devices").queryAs(TableView.class);
        Button more = robot.lookup("#wizard-targeted-more").queryButton();

        assertThat(fx(() -> table.getItems().size())).isEqualTo(page);
        assertThat(text(robot, "#wizard-targeted-shown")).isEqualTo("The first 50 devices to update, in the order"
                + " of the phases, and " + (targeted - page) + " more.");
        assertThat(fx(more::isVisible)).isTrue();
        assertThat(fx(more::getText)).isEqualTo("Show 50 more");

        robot.clickOn(more);
        await(10, () -> table.getItems().size() == 2 * page);
        assertThat(text(robot, "#wizard-targeted-shown")).isEqualTo("The first 100 devices to update, in the order"
                + " of the phases, and " + (targeted - 2 * page) + " more.");
        assertThat(fx(more::getText)).isEqualTo("Show " + Math.min(page, targeted - 2 * page) + " more");

        while (fx(more::isVisible)) {
            int before = fx(() -> table.getItems().size());
            robot.clickOn(more);
            await(10, () -> table.getItems().size() > before);
        }
        assertThat(fx(() -> table.getItems().size())).isEqualTo(targeted);
        assertThat(text(robot, "#wizard-targeted-shown"))
                .isEqualTo("All " + targeted + " devices to update, in the order of the phases.");
        List<String> imeis = fx(() -> table.getItems().stream().map(TargetedDevice::imei).toList());
        assertThat(new HashSet<>(imeis)).as("each device once").hasSize(targeted);
        assertThat(fx(more::isManaged)).as("the button gone, not just hidden").isFalse();
    }
}
