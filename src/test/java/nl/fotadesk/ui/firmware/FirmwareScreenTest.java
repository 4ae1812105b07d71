package nl.fotadesk.ui.firmware;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import nl.fotadesk.client.DeviceQuery;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.demo.DemoEnvironment;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.ui.DemoUiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The firmware screen against the real demo backend: upload, duplicate versions, delete of unused and used images. */
class FirmwareScreenTest extends DemoUiTest {
    FirmwareScreen screen;
    TableView<FirmwareView> table;

    @TempDir
    Path dir;

    @BeforeEach
    void showScreen(FxRobot robot) throws Exception {
        robot.clickOn("#nav-firmware");
        screen = (FirmwareScreen) app.window.screen("firmware");
        table = robot.lookup("#firmware-table").queryTableView();
        int images = app.demo.client().firmware().size();
        waitUntil(() -> table.getItems().size() == images);
    }

    @Test
    void uploadsAnImageWithProgressThenShowsItsHashAndSizeAndListsIt(FxRobot robot) throws Exception {
        byte[] image = new byte[300 * 1024];
        new Random(1).nextBytes(image);
        Path file = Files.write(dir.resolve("tracker-x-3.0.0.bin"), image);

        robot.interact(() -> screen.chooseFile(file));
        ComboBox<String> type = robot.lookup("#firmware-type").queryComboBox();
        TextField version = robot.lookup("#firmware-version").queryAs(TextField.class);
        assertThat(type.getEditor().getText()).as("device type read from the file name").isEqualTo("tracker-x");
        assertThat(version.getText()).as("version read from the file name").isEqualTo("3.0.0");
        assertThat(text(robot, "#firmware-file-size")).isEqualTo("300 KiB (307,200 bytes)");

        robot.clickOn("#firmware-upload");
        waitUntil(() -> robot.lookup("#firmware-result").query().isVisible());

        assertThat(robot.lookup("#firmware-progress").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image));
        assertThat(text(robot, "#firmware-result-sha256")).isEqualTo(sha256);
        assertThat(text(robot, "#firmware-result-summary")).contains("tracker-x 3.0.0", "300 KiB", "307,200 bytes");
        assertThat(table.getItems()).anyMatch(f -> f.deviceType().equals("tracker-x") && f.version().equals("3.0.0")
                && f.sha256().equals(sha256));
        assertThat(table.getSelectionModel().getSelectedItem().version()).as("the new image is selected").isEqualTo("3.0.0");
        assertThat(text(robot, "#firmware-details-sha256").replace("\n", "")).isEqualTo(sha256);
        assertThat(app.demo.client().firmware()).anyMatch(f -> f.version().equals("3.0.0") && f.size() == image.length);
        assertThat(version.getText()).as("the form is ready for the next image").isEmpty();
    }

    @Test
    void refusesADuplicateVersionBeforeAndDuringTheUpload(FxRobot robot) throws Exception {
        Path file = Files.write(dir.resolve("image.bin"), new byte[4096]);
        robot.interact(() -> {
            screen.chooseFile(file);
            robot.lookup("#firmware-type").queryComboBox().getEditor().setText("tracker-x");
            robot.lookup("#firmware-version").queryAs(TextField.class).setText("1.2.0");
        });
        assertThat(text(robot, "#firmware-version-message")).startsWith("tracker-x already has version 1.2.0");
        assertThat(robot.lookup("#firmware-upload").queryButton().isDisabled()).isTrue();

        robot.interact(() -> robot.lookup("#firmware-version").queryAs(TextField.class).setText("1.2.0_b"));
        assertThat(text(robot, "#firmware-version-message")).isEmpty();
        robot.interact(() -> robot.lookup("#firmware-version").queryAs(TextField.class).setText("1.2.0 b"));
        assertThat(text(robot, "#firmware-version-message")).contains("cannot be used in a version");

        // uploaded elsewhere after this screen loaded its list: the server refuses it
        app.demo.client().uploadFirmware("tracker-x", "9.9.9", new byte[1024]);
        robot.interact(() -> robot.lookup("#firmware-version").queryAs(TextField.class).setText("9.9.9"));
        assertThat(robot.lookup("#firmware-upload").queryButton().isDisabled()).isFalse();
        robot.clickOn("#firmware-upload");
        waitUntil(() -> !text(robot, "#firmware-error").isEmpty());
        assertThat(text(robot, "#firmware-error")).isEqualTo(
                "tracker-x already has version 9.9.9 on the server. Choose another version number.");
        assertThat(robot.lookup("#firmware-result").query().isVisible()).isFalse();
        waitUntil(() -> table.getItems().stream().anyMatch(f -> f.version().equals("9.9.9")));
    }

    @Test
    void deletesAnUnusedImageAfterConfirmingAndRefusesAUsedOne(FxRobot robot) throws Exception {
        FotaDeskClient client = app.demo.client();
        FirmwareView used = find(client, "tracker-x", "1.2.0");
        String imei = client.devices(DeviceQuery.ALL.withDeviceType("tracker-x").page(0, 1)).items().get(0).imei();
        client.setDesiredFirmware(imei, used.id());
        robot.clickOn("#firmware-refresh");
        waitUntil(() -> row(used.id()).map(f -> f.devices() == 1).orElse(false));

        robot.interact(() -> table.getSelectionModel().select(row(used.id()).orElseThrow()));
        Button delete = robot.lookup("#firmware-delete").queryButton();
        assertThat(delete.isDisabled()).as("delete of a used image").isTrue();
        assertThat(text(robot, "#firmware-delete-reason")).startsWith("In use, so it cannot be deleted");
        assertThat(text(robot, "#firmware-details-usage")).contains("Desired by 1 device", "In no campaign");
        assertThat(new FirmwareModel(app.context).usage(row(used.id()).orElseThrow())).isEqualTo("Desired by 1 device");

        FirmwareView unused = find(client, "sensor-z", "0.9.4");
        robot.interact(() -> table.getSelectionModel().select(row(unused.id()).orElseThrow()));
        assertThat(delete.isDisabled()).isFalse();
        robot.clickOn("#firmware-delete");
        robot.clickOn("#firmware-confirm-delete");
        waitUntil(() -> row(unused.id()).isEmpty());
        assertThat(text(robot, "#firmware-action-message")).isEqualTo("Deleted sensor-z 0.9.4.");
        assertThat(client.firmware()).noneMatch(f -> f.id().equals(unused.id()));

        // used since the list was loaded: the server refuses, and the list catches up
        FirmwareView meter = find(client, "meter-y", "2.2.0");
        robot.interact(() -> table.getSelectionModel().select(row(meter.id()).orElseThrow()));
        String meterImei = client.devices(DeviceQuery.ALL.withDeviceType("meter-y").page(0, 1)).items().get(0).imei();
        client.setDesiredFirmware(meterImei, meter.id());
        robot.clickOn("#firmware-delete");
        robot.clickOn("#firmware-confirm-delete");
        waitUntil(() -> text(robot, "#firmware-action-message").startsWith("This firmware is still in use"));
        waitUntil(() -> row(meter.id()).map(f -> f.devices() == 1).orElse(false) && delete.isDisabled());
        assertThat(client.firmware()).anyMatch(f -> f.id().equals(meter.id()));
    }

    @Test
    void aNewDeviceTypeIsAnnouncedAndAddedByItsFirstUpload(FxRobot robot) throws Exception {
        Path file = Files.write(dir.resolve("gw.img"), new byte[2048]);
        ComboBox<String> type = robot.lookup("#firmware-type").queryComboBox();
        robot.interact(() -> {
            screen.chooseFile(file);
            type.getEditor().setText("gateway-q");
            robot.lookup("#firmware-version").queryAs(TextField.class).setText("0.1.0");
        });
        assertThat(text(robot, "#firmware-type-message")).isEqualTo("New device type: it is added with this upload.");
        // A typo would make a new type too: the upload asks first, and going back uploads nothing.
        robot.clickOn("#firmware-upload");
        waitUntil(() -> robot.lookup("#firmware-new-type-keep").tryQuery().isPresent());
        robot.clickOn("#firmware-new-type-keep");
        assertThat(screen.uploadModel().running.get()).isFalse();
        robot.clickOn("#firmware-upload");
        waitUntil(() -> robot.lookup("#firmware-new-type-confirm").tryQuery().isPresent());
        robot.clickOn("#firmware-new-type-confirm");
        waitUntil(() -> robot.lookup("#firmware-result").query().isVisible());
        assertThat(type.getItems()).contains("gateway-q");
        assertThat(type.getEditor().getText()).as("the type stays for the next image").isEqualTo("gateway-q");
        assertThat(text(robot, "#firmware-type-message")).isEmpty();
        assertThat(app.demo.client().deviceTypes()).anyMatch(t -> t.name().equals("gateway-q"));
    }

    @Test
    void flagsTheSameFileAsAnImageOnTheServerAndAVersionWithV(FxRobot robot) throws Exception {
        FotaDeskClient client = app.demo.client();
        FirmwareView existing = find(client, "meter-y", DemoEnvironment.NEW_VERSIONS.get("meter-y"));
        Path copy = dir.resolve("copy.bin");
        client.downloadFirmware(existing.id(), copy);
        robot.interact(() -> {
            screen.chooseFile(copy);
            robot.lookup("#firmware-type").queryComboBox().getEditor().setText("meter-y");
            robot.lookup("#firmware-version").queryAs(TextField.class).setText("v9.9");
        });
        waitUntil(() -> text(robot, "#firmware-remark").startsWith("This file is already on the server"));
        assertThat(text(robot, "#firmware-remark")).isEqualTo("This file is already on the server, as meter-y "
                + existing.version() + " (same SHA-256).");

        Path other = Files.write(dir.resolve("other.bin"), new byte[]{1, 2, 3});
        robot.interact(() -> screen.chooseFile(other));
        waitUntil(() -> text(robot, "#firmware-remark").startsWith("Versions are usually"));
        assertThat(text(robot, "#firmware-remark")).isEqualTo("Versions are usually written without \u201cv\u201d: 9.9");
        assertThat(robot.lookup("#firmware-upload").queryButton().isDisabled()).as("a remark, not an error").isFalse();
    }

    @Test
    void cancelsAnUpload(FxRobot robot) throws Exception {
        Path file = Files.write(dir.resolve("sensor-z-2.0.0.bin"), new byte[1024]);
        robot.interact(() -> screen.chooseFile(file));
        UploadModel model = screen.uploadModel();
        robot.interact(() -> {
            model.start();
            model.cancel();
        });
        waitUntil(() -> !model.running.get());
        assertThat(text(robot, "#firmware-error")).isEqualTo("Upload cancelled.");
        assertThat(robot.lookup("#firmware-upload").queryButton().isDisabled()).as("can try again").isFalse();
    }

    private Optional<FirmwareView> row(String id) {
        return table.getItems().stream().filter(f -> f.id().equals(id)).findFirst();
    }

    private static FirmwareView find(FotaDeskClient client, String type, String version) {
        return client.firmware().stream().filter(f -> f.deviceType().equals(type) && f.version().equals(version))
                .findFirst().orElseThrow();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
