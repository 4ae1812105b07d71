package nl.fotadesk.ui.accounts;

import javafx.scene.control.ComboBox;
import nl.fotadesk.client.DeviceQuery;
import nl.fotadesk.device.fleet.FleetGenerator;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.ui.DemoUiTest;
import nl.fotadesk.ui.UiTestBackend;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import static nl.fotadesk.ui.FxReads.await;
import static nl.fotadesk.ui.FxReads.fx;
import static nl.fotadesk.ui.accounts.ScopedViews.choices;
import static nl.fotadesk.ui.accounts.ScopedViews.listedDevices;
import static nl.fotadesk.ui.accounts.ScopedViews.offered;
import static org.assertj.core.api.Assertions.assertThat;

/** The demo's supplier: the devices of their device type only; firmware upload for it, nothing an operator's. */
class SupplierViewTest extends DemoUiTest {
    static final String TYPE = FleetGenerator.MODELS.get(0).deviceType();
    @Override
    protected Role role() {
        return Role.SUPPLIER;
    }

    @Test
    void seesOnlyTheirTypesDevicesAndChoices(FxRobot robot) throws Exception {
        robot.clickOn("#nav-devices");
        long theirs = app.demo.client().devices(DeviceQuery.ALL.withDeviceType(TYPE)).total();
        assertThat(theirs).isBetween(1L, UiTestBackend.DEVICES - 1L);
        await(15, () -> listedDevices(robot).size() == theirs);
        assertThat(listedDevices(robot)).extracting(DeviceView::deviceType).containsOnly(TYPE);
        await(10, () -> choices(robot, "#devices-filter-type").size() == 2);
        assertThat(choices(robot, "#devices-filter-type")).containsExactly("All device types", TYPE + " (" + theirs + ")");
        assertThat(offered(robot, "#devices-register")).isFalse();
        assertThat(offered(robot, "#nav-users")).isFalse();
    }

    @Test
    void uploadsFirmwareForTheirTypeOnly(FxRobot robot) throws Exception {
        robot.clickOn("#nav-firmware");
        assertThat(offered(robot, "#firmware-upload-card")).isTrue();
        ComboBox<?> type = robot.lookup("#firmware-type").queryComboBox();
        await(10, () -> !type.getItems().isEmpty());
        assertThat(fx(() -> type.getItems().stream().map(String::valueOf).toList())).containsExactly(TYPE);
        robot.clickOn("#nav-campaigns");
        assertThat(offered(robot, "#campaigns-new")).isFalse();
    }
}
