package nl.fotadesk.ui.devices;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import nl.fotadesk.client.DeviceQuery;
import nl.fotadesk.protocol.Imei;
import nl.fotadesk.protocol.api.CampaignTarget;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.protocol.api.NewCampaign;
import nl.fotadesk.protocol.api.NewDevice;
import nl.fotadesk.ui.DemoUiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static nl.fotadesk.ui.devices.DeviceTableReads.row;
import static nl.fotadesk.ui.devices.DeviceTableReads.table;
import static org.assertj.core.api.Assertions.assertThat;

import static nl.fotadesk.ui.FxReads.fx;
import static nl.fotadesk.ui.FxReads.await;
import static nl.fotadesk.ui.FxReads.text;
import static nl.fotadesk.ui.FxReads.setText;

/**
 * Exports, the device table's context menu and the history's campaigns, against the real offline
 * demo: the filtered list to CSV, setting the firmware of a selection after a confirmation that
 * names the devices, and a device held by a running campaign linking to it.
 */
class DevicesExportAndMenuTest extends DemoUiTest {
    /** The devices registered when a test starts: the demo's fleet and those earlier tests of the class added. */
    long devices;

    @BeforeEach
    void countDevices() {
        devices = app.demo.client().devices(DeviceQuery.ALL.page(0, 1)).total();
    }

    @TempDir
    Path folder;

    @Test
    void exportsEveryDeviceOfTheFilterToCsv(FxRobot robot) throws Exception {
        TableView<DeviceTableLine> table = table(robot);
        await(15, () -> table.getItems().size() == devices);
        ComboBox<FilterChoice<String>> client = robot.lookup("#devices-filter-client").queryComboBox();
        await(10, () -> client.getItems().stream().anyMatch(c -> "acme".equals(c.value())));
        robot.interact(() -> client.setValue(client.getItems().stream().filter(c -> "acme".equals(c.value()))
                .findFirst().orElseThrow()));
        List<DeviceView> acme = app.demo.client().devices(DeviceQuery.ALL.withClient("acme").page(0, 1000)).items();
        await(10, () -> table.getItems().size() == acme.size());

        robot.clickOn("#devices-export");
        assertThat(text(robot, "#export-what")).startsWith("The " + acme.size() + " devices that match the filter");
        Path file = folder.resolve("acme.csv");
        setText(robot, "#export-file", file.toString());
        robot.clickOn("#export-run");
        await(15, () -> text(robot, "#export-status").startsWith("Saved"));
        assertThat(text(robot, "#export-status")).isEqualTo("Saved " + acme.size() + " devices in " + file + ".");

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("\uFEFFIMEI,Client,Type,Reported,Desired,Update status");
        assertThat(lines.subList(1, lines.size()).stream().map(l -> l.substring(0, 15)).toList())
                .containsExactlyElementsOf(acme.stream().map(DeviceView::imei).toList());
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.startsWith(l.substring(0, 15) + ",acme,"));
        robot.clickOn("#export-close");
    }

    @Test
    void theContextMenuActsOnTheSelectedDevicesAfterAConfirmationNamingThem(FxRobot robot) throws Exception {
        TableView<DeviceTableLine> table = table(robot);
        await(15, () -> table.getItems().size() == devices);
        ComboBox<FilterChoice<String>> type = robot.lookup("#devices-filter-type").queryComboBox();
        await(10, () -> type.getItems().stream().anyMatch(c -> "tracker-x".equals(c.value())));
        robot.interact(() -> type.setValue(type.getItems().stream().filter(c -> "tracker-x".equals(c.value()))
                .findFirst().orElseThrow()));
        List<DeviceView> trackers = app.demo.client().devices(DeviceQuery.ALL.withDeviceType("tracker-x")
                .withFirmware("1.0.0").page(0, 10)).items();
        await(10, () -> table.getItems().stream().allMatch(l -> l.view() != null
                && l.view().deviceType().equals("tracker-x")));
        String first = trackers.get(0).imei();
        String second = trackers.get(1).imei();
        robot.clickOn(row(robot, first));
        robot.press(KeyCode.CONTROL).clickOn(row(robot, second)).release(KeyCode.CONTROL);
        await(5, () -> table.getSelectionModel().getSelectedItems().size() == 2);

        openMenu(robot, second);
        await(5, () -> menuItem(robot, "devices-menu-copy").getText() != null);
        assertThat(fx(() -> menuItem(robot, "devices-menu-copy").getText())).isEqualTo("Copy 2 IMEIs");
        assertThat(fx(() -> menuItem(robot, "devices-menu-export").getText())).isEqualTo("Export these 2 devices to CSV\u2026");
        assertThat(fx(() -> menuItem(robot, "devices-menu-set-desired").getText()))
                .isEqualTo("Set desired firmware of 2 devices\u2026");
        robot.clickOn("Copy 2 IMEIs");
        assertThat(fx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo(first + "\n" + second);

        openMenu(robot, second);
        robot.clickOn("Set desired firmware of 2 devices\u2026");
        await(5, () -> robot.lookup("#set-many-which").tryQuery().isPresent());
        assertThat(text(robot, "#set-many-which")).isEqualTo("2 devices of type tracker-x: " + first + ", " + second);
        ComboBox<FirmwareView> firmware = robot.lookup("#set-many-firmware").queryComboBox();
        robot.interact(() -> firmware.setValue(firmware.getItems().stream().filter(f -> f.version().equals("1.2.0"))
                .findFirst().orElseThrow()));
        robot.clickOn("#set-many-run");
        await(5, () -> robot.lookup("#set-many-confirm").tryQuery().isPresent());
        DialogPane confirm = robot.lookup("#set-many-confirm").queryAs(DialogPane.class);
        assertThat(fx(confirm::getHeaderText)).isEqualTo("Set 1.2.0 as the desired firmware of 2 devices?");
        assertThat(fx(confirm::getContentText)).isEqualTo("Devices: " + first + ", " + second);
        robot.clickOn("#set-many-confirm-yes");
        await(15, () -> text(robot, "#set-many-result").startsWith("Desired firmware 1.2.0 set for 2 devices."));
        assertThat(app.demo.client().device(first).desiredFirmware()).isEqualTo("1.2.0");
        assertThat(app.demo.client().device(second).desiredFirmware()).isEqualTo("1.2.0");
        assertThat(trackers.subList(2, trackers.size())).allMatch(d -> app.demo.client().device(d.imei())
                .desiredFirmware() == null || !app.demo.client().device(d.imei()).desiredFirmware().equals("1.2.0"));
        robot.clickOn("#set-many-close");
    }

    @Test
    void aDeviceInARunningCampaignNamesItAndLinksToIt(FxRobot robot) throws Exception {
        await(15, () -> table(robot).getItems().size() == devices);
        List<String> opened = new CopyOnWriteArrayList<>();
        DevicesScreen screen = (DevicesScreen) app.window.screen("devices");
        robot.interact(() -> screen.setOnOpenCampaign(opened::add));
        // a device that never checks in: its update stays pending, so the campaign holds it
        String silent = Imei.withCheckDigit("35693803911111");
        app.demo.client().registerDevice(new NewDevice(silent, "tracker-x", "acme", null, "1.0.0"));
        FirmwareView newer = app.demo.client().firmware().stream()
                .filter(f -> f.deviceType().equals("tracker-x") && f.version().equals("1.2.0")).findFirst().orElseThrow();
        CampaignView pilot = app.demo.client().createCampaign(new NewCampaign("Pilot trackers", newer.id(),
                new CampaignTarget(null, null, null, List.of(silent), null, null), null, null, null, null, null,
                null, null, true));

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.eraseText(30).write(silent).type(KeyCode.ENTER);
        await(10, () -> silent.equals(text(robot, "#device-detail-imei")));
        await(10, () -> robot.lookup("#device-campaign-state").tryQuery().isPresent());
        assertThat(text(robot, "#device-campaign-state")).isEqualTo("Running");
        assertThat(fx(() -> robot.lookup("#device-campaign .hyperlink").queryAs(Hyperlink.class).getText()))
                .isEqualTo("Pilot trackers");
        await(10, () -> fx(() -> robot.lookup("#device-history .hyperlink").queryAllAs(Hyperlink.class).stream()
                .map(Hyperlink::getText).toList()).contains("By campaign \u201cPilot trackers\u201d, phase 1"));

        robot.clickOn("By campaign \u201cPilot trackers\u201d, phase 1");
        assertThat(opened).containsExactly(pilot.id());

        app.demo.client().pauseCampaign(pilot.id());
        await(15, () -> robot.lookup("#device-campaign-state").tryQuery()
                .map(n -> ((Label) n).getText().equals("Paused")).orElse(false));
        app.demo.client().cancelCampaign(pilot.id());
        await(15, () -> robot.lookup("#device-campaign-state").tryQuery().isEmpty());
    }

    /**
     * Opens the context menu of a device's line as a right click does (the headless toolkit makes
     * no context menu request of a right click).
     */
    private static void openMenu(FxRobot robot, String imei) {
        Node line = row(robot, imei);
        robot.clickOn(line, MouseButton.SECONDARY);
        robot.interact(() -> {
            javafx.geometry.Bounds b = line.localToScreen(line.getBoundsInLocal());
            line.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, b.getWidth() / 2,
                    b.getHeight() / 2, b.getCenterX(), b.getCenterY(), false, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** An item of the menu the lines share, as it shows now. */
    private static MenuItem menuItem(FxRobot robot, String id) {
        return robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .map(TableRow::getContextMenu).filter(java.util.Objects::nonNull).findFirst().orElseThrow()
                .getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElse(null);
    }

}
