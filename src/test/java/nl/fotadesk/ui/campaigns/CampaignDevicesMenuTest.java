package nl.fotadesk.ui.campaigns;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.demo.DemoEnvironment;
import nl.fotadesk.protocol.Imei;
import nl.fotadesk.protocol.api.CampaignDeviceView;
import nl.fotadesk.protocol.api.CampaignTarget;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.protocol.api.NewCampaign;
import nl.fotadesk.protocol.api.NewDevice;
import nl.fotadesk.ui.DemoUiTest;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.util.List;

import static nl.fotadesk.ui.FxReads.await;
import static nl.fotadesk.ui.FxReads.fx;
import static nl.fotadesk.ui.FxReads.text;
import static org.assertj.core.api.Assertions.assertThat;

/** A campaign's device table offers, in the menu of a line, to open the device, or set its desired firmware, on the devices screen. */
class CampaignDevicesMenuTest extends DemoUiTest {
    @Test
    void opensTheDeviceOfALineOnTheDevicesScreen(FxRobot robot) throws Exception {
        FotaDeskClient client = app.demo.client();
        String imei = Imei.withCheckDigit("35693803999981");
        client.registerDevice(new NewDevice(imei, "tracker-x", "acme", null, null));
        FirmwareView image = client.firmware().stream().filter(f -> f.deviceType().equals("tracker-x")
                && f.version().equals(DemoEnvironment.NEW_VERSIONS.get("tracker-x"))).findFirst().orElseThrow();
        CampaignView campaign = client.createCampaign(new NewCampaign("Menu check", image.id(),
                new CampaignTarget(null, null, null, List.of(imei), null, null), null, 100, 10, 3600L, 0, null, null, false));
        robot.interact(() -> app.window.openCampaign(campaign.id()));
        await(10, () -> robot.lookup("#campaign-devices").tryQuery().isPresent()
                && robot.lookup("#campaign-devices").queryTableView().getItems().size() == 1);
        TableView<CampaignDeviceView> table = robot.lookup("#campaign-devices").queryTableView();
        robot.interact(() -> table.getSelectionModel().select(0));
        // the menu a line of the table offers (as a right click on it shows)
        ContextMenu menu = fx(() -> {
            TableRow<CampaignDeviceView> row = table.getRowFactory().call(table);
            row.updateTableView(table);
            row.updateIndex(0);
            return row.getContextMenu();
        });
        assertThat(menu).isNotNull();
        robot.interact(() -> menu.getOnShowing().handle(null));
        assertThat(fx(() -> item(menu, "campaign-devices-open").getText())).isEqualTo("Open device");
        assertThat(fx(() -> item(menu, "campaign-devices-set-desired").getText())).isEqualTo("Set desired firmware\u2026");
        assertThat(fx(() -> item(menu, "campaign-devices-open").isDisable())).isFalse();
        robot.interact(() -> item(menu, "campaign-devices-open").fire());

        await(10, () -> "devices".equals(app.context.settings().screen())
                && robot.lookup("#device-detail-imei").tryQuery().isPresent()
                && imei.equals(text(robot, "#device-detail-imei")));
        await(10, () -> robot.lookup("#devices-table").queryTableView().getSelectionModel().getSelectedItem() != null
                && robot.lookup("#devices-table").queryTableView().getSelectionModel().getSelectedItem().toString().contains(imei));
    }

    private static MenuItem item(ContextMenu menu, String id) {
        return menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }
}
