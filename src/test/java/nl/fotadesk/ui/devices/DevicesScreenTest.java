package nl.fotadesk.ui.devices;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import nl.fotadesk.client.DeviceQuery;
import nl.fotadesk.protocol.Imei;
import nl.fotadesk.protocol.api.CampaignTarget;
import nl.fotadesk.protocol.api.DeviceStatus;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.protocol.api.ItemError;
import nl.fotadesk.protocol.api.NewCampaign;
import nl.fotadesk.protocol.api.Page;
import nl.fotadesk.ui.DemoUiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static nl.fotadesk.ui.devices.DeviceTableReads.row;
import static nl.fotadesk.ui.devices.DeviceTableReads.table;
import static org.assertj.core.api.Assertions.assertThat;

import static nl.fotadesk.ui.FxReads.fx;
import static nl.fotadesk.ui.FxReads.await;
import static nl.fotadesk.ui.FxReads.text;
import static nl.fotadesk.ui.FxReads.setText;

/**
 * The devices screen against the real offline demo (backend and 60 simulated devices over HTTP):
 * filtering and searching like the server does, registering with the IMEI checked as typed,
 * importing a CSV with a bad line, and setting one device's desired firmware until it reports it.
 */
class DevicesScreenTest extends DemoUiTest {
    /** The devices registered when a test starts: the demo's fleet and those earlier tests of the class added. */
    long devices;

    @BeforeEach
    void countDevices() {
        devices = app.demo.client().devices(DeviceQuery.ALL.page(0, 1)).total();
    }

    @Test
    void filtersAndSearchesLikeTheServer(FxRobot robot) throws Exception {
        TableView<DeviceTableLine> table = table(robot);
        await(15, () -> table.getItems().size() == devices);
        assertThat(text(robot, "#devices-count")).isEqualTo(devices + " devices");

        ComboBox<FilterChoice<String>> client = robot.lookup("#devices-filter-client").queryComboBox();
        await(10, () -> choice(client, "acme") != null);
        robot.interact(() -> client.setValue(choice(client, "acme")));
        Page<DeviceView> acme = app.demo.client().devices(DeviceQuery.ALL.withClient("acme").page(0, 1000));
        assertThat(acme.total()).isBetween(1L, devices - 1);
        await(10, () -> imeis(table).equals(imeis(acme.items())));
        assertThat(fx(() -> table.getItems().stream().allMatch(r -> r.view().client().equals("acme")))).isTrue();
        assertThat(text(robot, "#devices-count")).isEqualTo(acme.total() + " of " + devices + " devices");

        ComboBox<FilterChoice<String>> type = robot.lookup("#devices-filter-type").queryComboBox();
        await(10, () -> choice(type, "meter-y") != null);
        robot.interact(() -> type.setValue(choice(type, "meter-y")));
        Page<DeviceView> acmeMeters = app.demo.client().devices(DeviceQuery.ALL.withClient("acme")
                .withDeviceType("meter-y").page(0, 1000));
        await(10, () -> imeis(table).equals(imeis(acmeMeters.items())));
        assertThat(text(robot, "#devices-count")).isEqualTo(acmeMeters.total() + " of " + devices + " devices");

        robot.clickOn("#devices-clear-filters");
        await(10, () -> table.getItems().size() == devices);

        // Ctrl+F goes to the search; Enter applies it
        robot.clickOn("#devices-table");
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        TextField search = robot.lookup("#devices-search").queryAs(TextField.class);
        assertThat(fx(search::isFocused)).isTrue();
        assertThat(fx(search::getPromptText)).as("says what it matches").startsWith("IMEI contains");
        String prefix = "8672";
        robot.write(prefix).type(KeyCode.ENTER);
        Page<DeviceView> found = app.demo.client().devices(DeviceQuery.ALL.withImeiContaining(prefix).page(0, 1000));
        assertThat(found.total()).isPositive();
        await(5, () -> imeis(table).equals(imeis(found.items())));
        assertThat(text(robot, "#devices-count")).isEqualTo(found.total() + " of " + devices + " devices");

        robot.eraseText(prefix.length()).write("99999").type(KeyCode.ENTER);
        await(5, () -> table.getItems().isEmpty());
        assertThat(fx(() -> ((Label) table.getPlaceholder().lookup(".label")).getText()))
                .isEqualTo("No devices match this filter.");
    }

    @Test
    void theDetailShowsThePickedDeviceWhileItIsListedAndNothingOnceItIsNot(FxRobot robot) throws Exception {
        TableView<DeviceTableLine> table = table(robot);
        await(15, () -> table.getItems().size() == devices);
        List<DeviceView> all = app.demo.client().devices(DeviceQuery.ALL.page(0, 1000)).items();
        DeviceView picked = all.get(6);
        String otherClient = all.stream().map(DeviceView::client).filter(c -> !c.equals(picked.client()))
                .findFirst().orElseThrow();
        robot.clickOn(row(robot, picked.imei()));
        await(10, () -> picked.imei().equals(text(robot, "#device-detail-imei")));
        List<String> shown = new CopyOnWriteArrayList<>();
        Label detailImei = robot.lookup("#device-detail-imei").queryAs(Label.class);
        robot.interact(() -> detailImei.textProperty().addListener((o, old, now) -> shown.add(now)));

        // still listed: still shown and selected, though its line moved
        ComboBox<FilterChoice<String>> client = robot.lookup("#devices-filter-client").queryComboBox();
        await(10, () -> choice(client, picked.client()) != null);
        robot.interact(() -> client.setValue(choice(client, picked.client())));
        Set<String> same = imeis(app.demo.client().devices(DeviceQuery.ALL.withClient(picked.client())
                .page(0, 1000)).items());
        await(10, () -> imeis(table).equals(same));
        assertThat(text(robot, "#device-detail-imei")).isEqualTo(picked.imei());
        assertThat(fx(() -> table.getSelectionModel().getSelectedItem().imei())).isEqualTo(picked.imei());

        // no longer listed: no detail, no selection, no device that "Set desired" could act on
        robot.interact(() -> client.setValue(choice(client, otherClient)));
        Set<String> others = imeis(app.demo.client().devices(DeviceQuery.ALL.withClient(otherClient)
                .page(0, 1000)).items());
        await(10, () -> imeis(table).equals(others));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#device-detail").tryQuery()).as("detail closed").isEmpty();
        assertThat(robot.lookup("#device-set-desired").tryQuery()).isEmpty();
        assertThat(fx(() -> table.getSelectionModel().getSelectedItem())).isNull();
        assertThat(shown).as("the detail never showed another device meanwhile").isEmpty();

        // picking again shows exactly the line clicked
        DeviceView next = fx(() -> table.getItems().get(1).view());
        robot.clickOn(row(robot, next.imei()));
        await(10, () -> next.imei().equals(text(robot, "#device-detail-imei")));
    }

    @Test
    void registersADeviceCheckingTheImeiAsTyped(FxRobot robot) throws Exception {
        await(15, () -> table(robot).getItems().size() == devices);
        robot.clickOn("#devices-register");
        Button submit = robot.lookup("#register-submit").queryButton();
        String imei = Imei.withCheckDigit("49015420323751");
        char wrong = (char) ('0' + (imei.charAt(14) - '0' + 1) % 10);

        robot.clickOn("#register-imei").write(imei.substring(0, 14));
        assertThat(text(robot, "#register-imei-message")).isEqualTo(
                "14 of 15 digits; the check digit should be " + imei.charAt(14) + ".");
        robot.write(wrong);
        assertThat(text(robot, "#register-imei-message")).isEqualTo("The check digit should be "
                + imei.charAt(14) + ", not " + wrong + ": check the IMEI for a typo.");
        assertThat(robot.lookup("#register-imei-message").query().getStyleClass()).contains("error-text");
        robot.write("x");
        assertThat(text(robot, "#register-imei-message")).startsWith("\u201cx\u201d at position 16 is not a digit");

        setText(robot, "#register-imei", imei);
        assertThat(text(robot, "#register-imei-message")).isEqualTo("Valid IMEI");
        assertThat(fx(submit::isDisabled)).as("type and client still missing").isTrue();
        robot.clickOn(robot.lookup("#register-type").lookup(".text-field").queryAs(Node.class)).write("tracker-x");
        robot.clickOn(robot.lookup("#register-client").lookup(".text-field").queryAs(Node.class)).write("acme");
        assertThat(fx(submit::isDisabled)).isFalse();
        robot.clickOn(submit);

        await(10, () -> robot.lookup("#register-done").tryQuery().isPresent());
        assertThat(app.demo.client().device(imei).client()).isEqualTo("acme");
        assertThat(fx(() -> robot.lookup("#register-secret-result").queryAs(TextField.class).getText())).hasSize(40);
        await(10, () -> table(robot).getItems().size() == devices + 1);
        await(10, () -> imei.equals(text(robot, "#device-detail-imei")));

        // the same IMEI again: the server's answer, in the dialog
        robot.clickOn("#register-another");
        setText(robot, "#register-imei", imei);
        robot.clickOn("#register-submit");
        await(10, () -> fx(() -> robot.lookup("#register-message").queryAs(Label.class).isVisible()));
        assertThat(text(robot, "#register-message")).startsWith("A device with this IMEI is already registered.");
    }

    @Test
    void importsTheGoodLinesAndListsTheBadOnesByLineNumber(FxRobot robot) throws Exception {
        await(15, () -> table(robot).getItems().size() == devices);
        String good1 = Imei.withCheckDigit("35693803900001");
        String good2 = Imei.withCheckDigit("35693803900002");
        String bad = Imei.withCheckDigit("35693803900003");
        bad = bad.substring(0, 14) + (char) ('0' + (bad.charAt(14) - '0' + 1) % 10);
        Path csv = Files.createTempFile("devices", ".csv");
        Files.writeString(csv, "imei,deviceType,client,secret\n"
                + good1 + ",tracker-x,globex,\n"
                + bad + ",tracker-x,globex,\n"
                + good2 + ",meter-y,initech,abcdefghijklmnopqrstuvwxyz0123456789\n");

        robot.clickOn("#devices-import");
        setText(robot, "#import-file", csv.toString());
        robot.clickOn("#import-run");
        await(15, () -> fx(() -> robot.lookup("#import-summary").queryAs(Label.class).isVisible()));
        assertThat(text(robot, "#import-summary")).isEqualTo("3 lines read: 2 imported, 1 rejected.");
        TableView<ItemError> errors = robot.lookup("#import-errors").queryTableView();
        assertThat(fx(() -> errors.getItems().stream().map(ItemError::index).toList())).containsExactly(3);
        String badImei = bad;
        // the cells appear on the next layout pulse after the items
        await(10, () -> errorCells(robot).containsAll(List.of("3", badImei)));
        List<String> cells = errorCells(robot);
        assertThat(cells).contains("3", bad);
        assertThat(cells).anyMatch(t -> t.startsWith("The check digit should be"));

        assertThat(app.demo.client().device(good1).client()).isEqualTo("globex");
        assertThat(app.demo.client().device(good2).deviceType()).isEqualTo("meter-y");
        assertThat(app.demo.client().devices(DeviceQuery.ALL.withImeiContaining(bad).page(0, 10)).total()).isZero();
        await(10, () -> table(robot).getItems().size() == devices + 2);
    }

    private static List<String> errorCells(FxRobot robot) {
        return fx(() -> robot.lookup("#import-errors .table-cell").queryAllAs(TableCell.class).stream()
                .map(c -> c.getGraphic() instanceof Text t ? t.getText() : c.getText()).filter(Objects::nonNull).toList());
    }

    @Test
    void setsTheDesiredFirmwareOfOneDeviceAndFollowsItsUpdate(FxRobot robot) throws Exception {
        TableView<DeviceTableLine> table = table(robot);
        await(15, () -> table.getItems().size() == devices);
        List<DeviceView> trackers = app.demo.client().devices(DeviceQuery.ALL.withDeviceType("tracker-x")
                .withFirmware("1.0.0").page(0, 10)).items();
        String held = trackers.get(0).imei();
        String free = trackers.get(1).imei();
        FirmwareView newer = app.demo.client().firmware().stream()
                .filter(f -> f.deviceType().equals("tracker-x") && f.version().equals("1.2.0")).findFirst().orElseThrow();
        app.demo.client().createCampaign(new NewCampaign("Night rollout", newer.id(),
                new CampaignTarget(null, null, null, List.of(held), null, null), null, null, null, null, null,
                Instant.now().plus(1, ChronoUnit.HOURS).toString(), null, true));

        // a device a campaign holds: the refusal shows where the operator acted
        search(robot, held);
        await(10, () -> held.equals(text(robot, "#device-detail-imei")));
        chooseFirmware(robot, "1.2.0");
        robot.clickOn("#device-set-desired");
        await(10, () -> text(robot, "#device-set-desired-message").startsWith("Not changed"));
        assertThat(text(robot, "#device-set-desired-message")).contains("\u201cNight rollout\u201d")
                .contains("Pause or cancel that campaign");
        assertThat(robot.lookup("#device-set-desired-message").query().getStyleClass()).contains("error-text");

        // a free one: it downloads and installs for real, and the screen follows it live
        search(robot, free);
        await(10, () -> free.equals(text(robot, "#device-detail-imei")));
        assertThat(text(robot, "#device-reported")).isEqualTo("1.0.0");
        chooseFirmware(robot, "1.2.0");
        robot.clickOn("#device-set-desired");
        await(10, () -> text(robot, "#device-set-desired-message").startsWith("Desired firmware set to 1.2.0"));
        await(30, () -> "1.2.0".equals(text(robot, "#device-reported")));
        await(10, () -> text(robot, "#device-status").equals("Succeeded"));
        assertThat(app.demo.client().device(free).status()).isEqualTo(DeviceStatus.SUCCEEDED);
        await(10, () -> fx(() -> table.getItems().stream().anyMatch(r -> r.view() != null
                && r.view().imei().equals(free) && "1.2.0".equals(r.view().reportedFirmware()))));
        await(10, () -> fx(() -> robot.lookup("#device-history .timeline-state").queryAllAs(Label.class).stream()
                .map(Label::getText).toList()).contains("Succeeded"));
        assertThat(fx(() -> table.getSelectionModel().getSelectedItem().imei())).as("selection kept").isEqualTo(free);
    }

    private static void search(FxRobot robot, String imei) {
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.eraseText(30).write(imei).type(KeyCode.ENTER);
    }

    private static void chooseFirmware(FxRobot robot, String version) throws Exception {
        ComboBox<FirmwareView> choice = robot.lookup("#device-firmware-choice").queryComboBox();
        await(10, () -> choice.getItems().stream().anyMatch(f -> f.version().equals(version)));
        robot.interact(() -> choice.setValue(choice.getItems().stream().filter(f -> f.version().equals(version))
                .findFirst().orElseThrow()));
    }


    private static FilterChoice<String> choice(ComboBox<FilterChoice<String>> box, String value) {
        return box.getItems().stream().filter(c -> value.equals(c.value())).findFirst().orElse(null);
    }

    private static Set<String> imeis(TableView<DeviceTableLine> table) {
        return fx(() -> table.getItems().stream().map(DeviceTableLine::imei).collect(Collectors.toSet()));
    }

    private static Set<String> imeis(List<DeviceView> devices) {
        return devices.stream().map(DeviceView::imei).collect(Collectors.toSet());
    }
}
