package nl.fotadesk.ui.devices;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import nl.fotadesk.client.DeviceQuery;
import nl.fotadesk.protocol.Imei;
import nl.fotadesk.protocol.api.NewDevice;
import nl.fotadesk.ui.DemoUiTest;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static nl.fotadesk.ui.FxReads.await;
import static nl.fotadesk.ui.FxReads.fx;
import static nl.fotadesk.ui.FxReads.text;
import static nl.fotadesk.ui.devices.DeviceTableReads.row;
import static nl.fotadesk.ui.devices.DeviceTableReads.table;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detail with a list too long to load at once (over {@value DeviceListModel#COMPLETE_LIMIT}
 * devices): a device picked far down that the new filter still lists stays shown, and its line is
 * selected and on screen; at no moment can "Set desired" act on a device the table does not show selected.
 */
class LongDeviceListSelectionTest extends DemoUiTest {
    static final int DEVICES = 6_100;
    /** Every sixth device is another client's: filtering moves the picked device's line up by hundreds. */
    static final String CLIENT = "longlist";
    static final String OTHER = "longlist-other";

    @Test
    void aDevicePickedFarDownThatTheNewFilterStillListsStaysSelectedAndInView(FxRobot robot) throws Exception {
        registerDevices();
        robot.interact(() -> app.window.show("devices")); // shown again: the new client among the filter's choices
        long all = app.demo.client().devices(DeviceQuery.ALL.page(0, 1)).total();
        TableView<DeviceTableLine> table = table(robot);
        await(20, () -> table.getItems().size() == all);

        int pickedRow = 4_005;
        String picked = imei(pickedRow);
        robot.interact(() -> table.scrollTo(pickedRow - 3));
        await(15, () -> picked.equals(table.getItems().get(pickedRow).imei()));
        robot.clickOn(row(robot, picked));
        await(10, () -> picked.equals(text(robot, "#device-detail-imei")));
        Button setDesired = robot.lookup("#device-set-desired").queryAs(Button.class);
        await(10, () -> !setDesired.isDisabled());

        List<String> unsafe = new CopyOnWriteArrayList<>();
        robot.interact(() -> setDesired.disabledProperty().addListener((o, was, disabled) -> {
            DeviceTableLine selected = table.getSelectionModel().getSelectedItem();
            if (!disabled && (selected == null || !picked.equals(selected.imei()))) {
                unsafe.add(selected == null ? "none" : selected.imei());
            }
        }));
        robot.interact(() -> table.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (!setDesired.isDisabled() && (now == null || !picked.equals(now.imei()))) {
                unsafe.add(now == null ? "none" : now.imei());
            }
        }));

        ComboBox<FilterChoice<String>> client = robot.lookup("#devices-filter-client").queryComboBox();
        await(10, () -> client.getItems().stream().anyMatch(c -> CLIENT.equals(c.value())));
        robot.interact(() -> client.setValue(client.getItems().stream().filter(c -> CLIENT.equals(c.value()))
                .findFirst().orElseThrow()));
        long listed = app.demo.client().devices(DeviceQuery.ALL.withClient(CLIENT).page(0, 1)).total();
        assertThat(listed).isGreaterThan(DeviceListModel.COMPLETE_LIMIT);
        await(20, () -> table.getItems().size() == listed
                && table.getSelectionModel().getSelectedItem() != null
                && picked.equals(table.getSelectionModel().getSelectedItem().imei())
                && onScreen(table, table.getSelectionModel().getSelectedIndex()));
        assertThat(fx(() -> table.getSelectionModel().getSelectedIndex())).as("its new line, far below the first fetched")
                .isGreaterThan(DeviceListModel.PAGE).isLessThan(pickedRow);
        assertThat(text(robot, "#device-detail-imei")).isEqualTo(picked);
        await(10, () -> !setDesired.isDisabled());
        assertThat(unsafe).as("Set desired while another line or none was selected").isEmpty();
    }

    private void registerDevices() {
        List<NewDevice> batch = new ArrayList<>();
        for (int i = 0; i < DEVICES; i++) {
            batch.add(new NewDevice(imei(i), "tracker-x", i % 6 == 5 ? OTHER : CLIENT, null, "1.0.0"));
            if (batch.size() == 1_000 || i == DEVICES - 1) {
                app.demo.client().registerDevices(batch);
                batch.clear();
            }
        }
    }

    /** The i-th device registered here; they sort before the demo's own devices. */
    private static String imei(int i) {
        return Imei.withCheckDigit(String.format("10%012d", i));
    }

    private static boolean onScreen(TableView<?> table, int index) {
        if (!(table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
            return false;
        }
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> last = flow.getLastVisibleCell();
        return first != null && last != null && first.getIndex() <= index && index <= last.getIndex();
    }
}
