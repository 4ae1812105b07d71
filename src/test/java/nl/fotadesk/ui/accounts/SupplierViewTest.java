package nl.fotadesk.ui.accounts;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import nl.fotadesk.client.DeviceQuery;
import nl.fotadesk.device.fleet.FleetGenerator;
import nl.fotadesk.protocol.Imei;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.GroupView;
import nl.fotadesk.protocol.api.ItemError;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.ui.DemoUiTest;
import nl.fotadesk.ui.UiTestBackend;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static nl.fotadesk.ui.FxReads.await;
import static nl.fotadesk.ui.FxReads.fx;
import static nl.fotadesk.ui.FxReads.setText;
import static nl.fotadesk.ui.FxReads.text;
import static nl.fotadesk.ui.RowMenus.choose;
import static nl.fotadesk.ui.RowMenus.clipboard;
import static nl.fotadesk.ui.RowMenus.rightClick;
import static nl.fotadesk.ui.RowMenus.shownItems;
import static nl.fotadesk.ui.accounts.ScopedViews.choices;
import static nl.fotadesk.ui.accounts.ScopedViews.listedDevices;
import static nl.fotadesk.ui.accounts.ScopedViews.offered;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's supplier: the devices of their device type only; registering such devices, groups of their own
 * and firmware upload for their type, nothing an operator's.
 */
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
        assertThat(offered(robot, "#devices-register")).as("devices of their type").isTrue();
        assertThat(offered(robot, "#nav-users")).isFalse();
    }

    @Test
    void registersADeviceOfTheirTypeAndKeepsAGroupOfTheirOwn(FxRobot robot) throws Exception {
        String client = FleetGenerator.CLIENTS.get(1);
        String imei = Imei.withCheckDigit("35693803777001");
        robot.clickOn("#nav-devices");
        robot.clickOn("#devices-register");
        ComboBox<String> type = robot.lookup("#register-type").queryComboBox();
        assertThat(fx(() -> List.copyOf(type.getItems()))).as("their types only").containsExactly(TYPE);
        assertThat(fx(type::getValue)).isEqualTo(TYPE);
        assertThat(fx(type::isEditable)).isFalse();
        setText(robot, "#register-imei", imei);
        robot.clickOn(robot.lookup("#register-client").lookup(".text-field").queryAs(Node.class)).write(client);
        robot.clickOn("#register-submit");
        await(10, () -> robot.lookup("#register-done").tryQuery().isPresent());
        assertThat(app.demo.client().device(imei).deviceType()).isEqualTo(TYPE);
        assertThat(app.demo.client().device(imei).client()).isEqualTo(client);
        robot.clickOn("#register-close");

        robot.clickOn("#nav-groups");
        TableView<GroupView> groups = robot.lookup("#groups-table").queryTableView();
        await(10, () -> !robot.lookup("#groups-new").queryButton().isDisabled());
        robot.clickOn("#groups-new");
        robot.interact(() -> {
            robot.lookup("#group-name").queryAs(TextField.class).setText("Stan's " + client);
            robot.lookup("#group-client").<String>queryComboBox().setValue(client);
        });
        await(10, () -> !robot.lookup("#group-save").queryButton().isDisabled());
        robot.clickOn("#group-save");
        await(10, () -> fx(() -> groups.getItems().stream().anyMatch(g -> g.name().equals("Stan's " + client))));
        GroupView mine = fx(() -> groups.getItems().stream().filter(g -> g.name().equals("Stan's " + client))
                .findFirst().orElseThrow());
        try {
            assertThat(mine.owner().deviceTypes()).containsExactly(TYPE);
            assertThat(mine.changeable()).isTrue();
            long theirs = app.demo.client().devices(DeviceQuery.ALL.withClient(client).withDeviceType(TYPE)).total();
            assertThat(mine.members()).as("their type's devices of the client, the new one among them").isEqualTo(theirs);
            robot.interact(() -> groups.getSelectionModel().select(mine));
            assertThat(fx(() -> robot.lookup("#groups-edit").queryButton().isDisabled())).isFalse();
            assertThat(app.demo.client().group(mine.id()).owner().deviceTypes()).as("as the operator sees it")
                    .containsExactly(TYPE);
        } finally {
            app.demo.client().deleteGroup(mine.id());
        }
    }

    @Test
    void anImportWithALineOfAnotherTypeIsRefusedWholeNamingTheLine(FxRobot robot) throws Exception {
        String mine = Imei.withCheckDigit("35693803777101");
        String other = Imei.withCheckDigit("35693803777102");
        Path csv = Files.createTempFile("devices", ".csv");
        Files.writeString(csv, "imei,deviceType,client\n" + mine + "," + TYPE + "," + FleetGenerator.CLIENTS.get(0)
                + "\n" + other + "," + FleetGenerator.MODELS.get(1).deviceType() + "," + FleetGenerator.CLIENTS.get(0) + "\n");
        robot.clickOn("#nav-devices");
        robot.clickOn("#devices-import");
        setText(robot, "#import-file", csv.toString());
        robot.clickOn("#import-run");
        await(10, () -> !text(robot, "#import-message").isEmpty());
        assertThat(text(robot, "#import-message")).startsWith("1 line is outside the devices you work on, so nothing was imported.");
        TableView<ItemError> lines = robot.lookup("#import-errors").queryTableView();
        assertThat(fx(() -> List.copyOf(lines.getItems()))).extracting(ItemError::index, ItemError::imei)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, other));
        assertThat(app.demo.client().devices(DeviceQuery.ALL.withImeiContaining(mine)).total()).isZero();

        ContextMenu menu = rightClick(robot, lines, (ItemError e) -> other.equals(e.imei()));
        assertThat(shownItems(menu)).as("the refused line's menu").containsExactly("import-errors-copy", "import-errors-copy-imei");
        choose(robot, menu, "import-errors-copy");
        assertThat(clipboard()).isEqualTo("3\t" + other + "\tNot of your client or your device types");
        choose(robot, rightClick(robot, lines, (ItemError e) -> other.equals(e.imei())), "import-errors-copy-imei");
        assertThat(clipboard()).isEqualTo(other);
        robot.clickOn("#import-close");
    }

    @Test
    void uploadsFirmwareForTheirTypeOnly(FxRobot robot) throws Exception {
        robot.clickOn("#nav-firmware");
        assertThat(offered(robot, "#firmware-upload-card")).isTrue();
        ComboBox<?> type = robot.lookup("#firmware-type").queryComboBox();
        await(10, () -> !type.getItems().isEmpty());
        assertThat(fx(() -> type.getItems().stream().map(String::valueOf).toList())).containsExactly(TYPE);
        robot.clickOn("#nav-campaigns");
        assertThat(offered(robot, "#campaigns-new")).as("campaigns of their type's devices").isTrue();
    }
}
