package nl.fotadesk.ui.accounts;

import nl.fotadesk.client.DeviceQuery;
import nl.fotadesk.device.fleet.FleetGenerator;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.ui.DemoUiTest;
import nl.fotadesk.ui.UiTestBackend;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import static nl.fotadesk.ui.FxReads.await;
import static nl.fotadesk.ui.FxReads.text;
import static nl.fotadesk.ui.accounts.ScopedViews.choices;
import static nl.fotadesk.ui.accounts.ScopedViews.listedDevices;
import static nl.fotadesk.ui.accounts.ScopedViews.offered;
import static org.assertj.core.api.Assertions.assertThat;

/** The demo's customer: their client's devices only, and no action a customer may not take. */
class CustomerViewTest extends DemoUiTest {
    static final String CLIENT = FleetGenerator.CLIENTS.get(0);
    @Override
    protected Role role() {
        return Role.CUSTOMER;
    }

    @Test
    void seesOnlyTheirClientsDevicesAndChoices(FxRobot robot) throws Exception {
        robot.clickOn("#nav-devices");
        long theirs = app.demo.client().devices(DeviceQuery.ALL.withClient(CLIENT)).total();
        assertThat(theirs).isBetween(1L, UiTestBackend.DEVICES - 1L);
        await(15, () -> listedDevices(robot).size() == theirs);
        assertThat(listedDevices(robot)).extracting(DeviceView::client).containsOnly(CLIENT);
        assertThat(text(robot, "#devices-count")).isEqualTo(theirs + " devices");
        await(10, () -> choices(robot, "#devices-filter-client").size() == 2);
        assertThat(choices(robot, "#devices-filter-client")).as("their client, counting their devices").containsExactly("All clients", CLIENT + " (" + theirs + ")");
        assertThat(text(robot, "#signed-in")).isEqualTo("Carla Visser \u00b7 customer");
        assertThat(nl.fotadesk.ui.FxReads.fx(() -> robot.lookup("#signed-in").queryLabeled().getTooltip().getText()))
                .isEqualTo("Signed in as carla; works on client " + CLIENT + ".");
    }

    @Test
    void isOfferedNothingACustomerMayNotDo(FxRobot robot) throws Exception {
        robot.clickOn("#nav-devices");
        assertThat(offered(robot, "#devices-register")).as("their client's devices").isTrue();
        assertThat(offered(robot, "#devices-import")).as("their client's devices").isTrue();
        assertThat(offered(robot, "#devices-export")).as("reading is theirs").isTrue();
        assertThat(offered(robot, "#nav-users")).isFalse();
        assertThat(offered(robot, "#nav-activity")).isFalse();

        robot.clickOn("#nav-firmware");
        assertThat(offered(robot, "#firmware-upload-card")).isFalse();
        robot.clickOn("#nav-campaigns");
        assertThat(offered(robot, "#campaigns-new")).isFalse();
        robot.clickOn("#nav-groups");
        assertThat(offered(robot, "#groups-new")).as("groups of their own").isTrue();

        robot.clickOn("#nav-devices");
        await(15, () -> !listedDevices(robot).isEmpty());
        robot.clickOn("#devices-table");
        robot.type(javafx.scene.input.KeyCode.DOWN, javafx.scene.input.KeyCode.ENTER);
        await(10, () -> offered(robot, "#device-detail-imei"));
        assertThat(offered(robot, "#device-set-desired")).as("customers set desired firmware").isTrue();
    }
}
