package nl.fotadesk.ui;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import nl.fotadesk.client.DeviceQuery;
import nl.fotadesk.device.fleet.FleetGenerator;
import nl.fotadesk.protocol.api.CampaignTarget;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.protocol.api.NewRequest;
import nl.fotadesk.protocol.api.RequestState;
import nl.fotadesk.protocol.api.RequestView;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.protocol.api.WishedWindow;
import nl.fotadesk.ui.requests.RequestsScreen;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.util.List;

import static nl.fotadesk.ui.FxReads.await;
import static nl.fotadesk.ui.FxReads.fx;
import static nl.fotadesk.ui.RowMenus.choose;
import static nl.fotadesk.ui.RowMenus.clipboard;
import static nl.fotadesk.ui.RowMenus.enabled;
import static nl.fotadesk.ui.RowMenus.rightClick;
import static nl.fotadesk.ui.RowMenus.shownItems;
import static org.assertj.core.api.Assertions.assertThat;

/** A supplier's row menus offer only what a supplier may do: no deleting firmware, no deciding on requests. */
class TableMenusSupplierTest extends DemoUiTest {
    private static final String TYPE = FleetGenerator.MODELS.get(0).deviceType();

    @Override
    protected Role role() {
        return Role.SUPPLIER;
    }

    @Test
    void anImagesMenuHasNoDelete(FxRobot robot) throws Exception {
        robot.clickOn("#nav-firmware");
        TableView<FirmwareView> images = robot.lookup("#firmware-table").queryTableView();
        await(10, () -> !images.getItems().isEmpty());
        FirmwareView first = fx(() -> images.getItems().get(0));
        ContextMenu menu = rightClick(robot, images, (FirmwareView f) -> f.id().equals(first.id()));
        assertThat(shownItems(menu)).containsExactly("firmware-menu-copy-sha", "firmware-menu-copy-crc",
                "firmware-menu-save");
        choose(robot, menu, "firmware-menu-copy-sha");
        assertThat(clipboard()).isEqualTo(first.sha256());
    }

    @Test
    void theirOwnRequestIsWithdrawnFromItsMenuWhichOffersNoReview(FxRobot robot) throws Exception {
        DeviceView device = app.context.client().devices(DeviceQuery.ALL.withDeviceType(TYPE).page(0, 1)).items().get(0);
        RequestView filed = app.context.client().fileRequest(new NewRequest(TYPE, "9.8.6", null,
                new CampaignTarget(null, null, null, List.of(device.imei()), null, null),
                new WishedWindow(null, null, "Europe/Amsterdam", null, "02:00", "05:00"), "stan@example.com"),
                "menu.bin", new byte[1024]);
        robot.clickOn("#nav-requests");
        ListView<RequestView> list = robot.lookup("#requests-list").queryListView();
        await(10, () -> list.getItems().stream().anyMatch(r -> r.id().equals(filed.id())));
        robot.interact(() -> list.getSelectionModel().select(list.getItems().stream()
                .filter(r -> r.id().equals(filed.id())).findFirst().orElseThrow()));
        RequestsScreen screen = (RequestsScreen) app.window.screen("requests");
        await(10, () -> screen.model().open.get() != null && screen.model().open.get().id().equals(filed.id()));

        ContextMenu menu = rightClick(robot, list, (RequestView r) -> r.id().equals(filed.id()));
        assertThat(shownItems(menu)).containsExactly("requests-menu-copy", "requests-menu-withdraw");
        assertThat(enabled(menu, "requests-menu-withdraw")).isTrue();
        choose(robot, menu, "requests-menu-withdraw");
        await(10, () -> app.demo.client().request(filed.id()).state() == RequestState.WITHDRAWN);
    }
}
