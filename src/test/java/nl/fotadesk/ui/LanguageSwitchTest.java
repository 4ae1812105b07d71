package nl.fotadesk.ui;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import nl.fotadesk.client.DeviceQuery;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.demo.DemoEnvironment;
import nl.fotadesk.protocol.api.CampaignTarget;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.protocol.api.NewCampaign;
import nl.fotadesk.ui.firmware.FirmwareScreen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static nl.fotadesk.ui.CampaignAlertsTest.fx;
import static nl.fotadesk.ui.CampaignAlertsTest.text;
import static nl.fotadesk.ui.CampaignAlertsTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** Switching the language keeps the screen and what is open on it: the campaign, the chosen upload file, the device filters. */
class LanguageSwitchTest extends DemoUiTest {
    @TempDir
    Path dir;

    @Test
    void keepsTheChosenUploadFileAndItsForm(FxRobot robot) throws Exception {
        robot.clickOn("#nav-firmware");
        FirmwareScreen screen = (FirmwareScreen) app.window.screen("firmware");
        Path file = Files.write(dir.resolve("tracker-x-4.0.0.bin"), new byte[2048]);
        robot.interact(() -> screen.chooseFile(file));
        robot.interact(() -> robot.lookup("#firmware-version").queryAs(TextField.class).setText("4.0.1"));

        switchTo(robot, I18n.DUTCH);

        assertThat(app.context.settings().screen()).isEqualTo("firmware");
        assertThat(text(robot, "#nav-firmware")).isEqualTo("Firmware");
        assertThat(text(robot, "#firmware-file-name")).isEqualTo("tracker-x-4.0.0.bin");
        assertThat(text(robot, "#firmware-file-size")).startsWith("2 KiB (2.048 byte)");
        assertThat(fx(() -> robot.lookup("#firmware-type").queryComboBox().getEditor().getText())).isEqualTo("tracker-x");
        assertThat(fx(() -> robot.lookup("#firmware-version").queryAs(TextField.class).getText())).isEqualTo("4.0.1");
        assertThat(fx(() -> robot.lookup("#firmware-upload").queryButton().isDisabled())).as("ready to upload").isFalse();
    }

    @Test
    void keepsTheOpenCampaign(FxRobot robot) throws Exception {
        CampaignView campaign = draft("Evening rollout");
        robot.clickOn("#nav-campaigns");
        robot.interact(() -> app.window.openCampaign(campaign.id()));
        waitFor(10, () -> text(robot, "#campaign-name").equals("Evening rollout"));

        switchTo(robot, I18n.DUTCH);

        assertThat(text(robot, "#nav-campaigns")).isEqualTo("Campagnes");
        waitFor(10, () -> text(robot, "#campaign-name").equals("Evening rollout"));
        assertThat(text(robot, "#campaign-state")).isEqualTo("Concept");
        assertThat(app.context.settings().screen()).isEqualTo("campaigns");
    }

    @Test
    void keepsTheDeviceFiltersTheSearchAndThePickedDevice(FxRobot robot) throws Exception {
        robot.clickOn("#nav-devices");
        DeviceView picked = app.demo.client().devices(DeviceQuery.ALL.withClient("acme").page(0, 10)).items().get(1);
        String digits = picked.imei().substring(0, 6);
        ComboBox<?> client = robot.lookup("#devices-filter-client").queryComboBox();
        waitFor(10, () -> fx(() -> client.getItems().stream().anyMatch(c -> c.toString().startsWith("acme ("))));
        robot.interact(() -> client.getSelectionModel().select(fx(() -> client.getItems().stream()
                .map(Object::toString).toList().indexOf(client.getItems().stream().map(Object::toString)
                        .filter(c -> c.startsWith("acme (")).findFirst().orElseThrow()))));
        robot.clickOn("#devices-search").write(digits).type(KeyCode.ENTER);
        waitFor(10, () -> rowOf(robot, picked.imei()) != null);
        robot.clickOn(rowOf(robot, picked.imei()));
        waitFor(10, () -> text(robot, "#device-detail-imei").equals(picked.imei()));

        switchTo(robot, I18n.DUTCH);

        assertThat(text(robot, "#nav-devices")).isEqualTo("Apparaten");
        assertThat(app.context.settings().screen()).isEqualTo("devices");
        ComboBox<?> again = robot.lookup("#devices-filter-client").queryComboBox();
        assertThat(fx(() -> String.valueOf(again.getValue()))).startsWith("acme");
        assertThat(fx(() -> robot.lookup("#devices-search").queryAs(TextField.class).getText())).isEqualTo(digits);
        waitFor(10, () -> text(robot, "#device-detail-imei").equals(picked.imei()));
        TableView<?> table = robot.lookup("#devices-table").queryAs(TableView.class);
        waitFor(10, () -> fx(() -> String.valueOf(table.getSelectionModel().getSelectedItem())).contains(picked.imei()));
        assertThat(fx(() -> table.getItems().size())).as("still filtered by client and search")
                .isEqualTo((int) app.demo.client().devices(DeviceQuery.ALL.withClient("acme")
                        .withImeiContaining(digits).page(0, 1)).total());
    }

    /** The table line that shows this IMEI, or null. */
    private static Node rowOf(FxRobot robot, String imei) {
        return fx(() -> robot.lookup("#devices-table .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() != null && r.getItem().toString().contains(imei)).findFirst().orElse(null));
    }

    private void switchTo(FxRobot robot, Locale language) {
        ComboBox<Locale> box = robot.lookup("#language").queryComboBox();
        robot.interact(() -> box.setValue(language));
    }

    private CampaignView draft(String name) {
        FotaDeskClient client = app.demo.client();
        FirmwareView image = client.firmware().stream().filter(f -> f.deviceType().equals("tracker-x")
                && f.version().equals(DemoEnvironment.NEW_VERSIONS.get("tracker-x"))).findFirst().orElseThrow();
        return client.createCampaign(new NewCampaign(name, image.id(), new CampaignTarget(null, "tracker-x", null,
                null, null, null), null, null, null, null, null, null, null, false));
    }
}
