package nl.fotadesk.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.demo.DemoEnvironment;
import nl.fotadesk.protocol.api.CampaignTarget;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.protocol.api.NewCampaign;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static nl.fotadesk.ui.FxReads.await;
import static nl.fotadesk.ui.FxReads.fx;
import static nl.fotadesk.ui.FxReads.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * At the least window size, in Dutch (the longer words): a campaign's state names are whole
 * ("Opdracht verstuurd" among them) and the devices screen with its detail open stays inside the window:
 * the detail whole, the table keeping every column's width and scrolling sideways; every choice of its
 * filters reads whole, in Dutch and in English.
 */
class LeastWindowSizeTest extends DemoUiTest {
    Stage stage;

    @Override
    protected Locale language() {
        return I18n.DUTCH;
    }

    @BeforeEach
    void leastSize() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(WindowBounds.MIN_WIDTH);
            stage.setHeight(WindowBounds.MIN_HEIGHT);
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void everyStateNameOfACampaignIsWhole(FxRobot robot) throws Exception {
        CampaignView campaign = draft();
        robot.clickOn("#nav-campaigns");
        robot.interact(() -> app.window.openCampaign(campaign.id()));
        await(10, () -> robot.lookup("#campaign-counts").tryQuery().isPresent());
        await(10, () -> text(robot, "#campaign-name").equals("Smalle campagne"));
        List<Label> names = fx(() -> robot.lookup(".count-label").queryAllAs(Label.class).stream().toList());
        assertThat(names).hasSize(10);
        assertThat(fx(() -> names.stream().map(Label::getText).toList())).contains("Opdracht verstuurd");
        for (Label name : names) {
            assertThat(fx(() -> shown(name))).as("shown whole").isEqualTo(fx(name::getText));
        }
    }

    @Test
    void theDevicesScreenWithItsDetailStaysInsideTheWindow(FxRobot robot) throws Exception {
        robot.clickOn("#nav-devices");
        TableView<?> table = robot.lookup("#devices-table").queryTableView();
        await(15, () -> !table.getItems().isEmpty());
        robot.interact(() -> table.getSelectionModel().select(0));
        await(10, () -> robot.lookup("#device-detail").tryQuery().map(Node::isVisible).orElse(false));
        await(5, () -> {
            Bounds screen = robot.lookup("#devices-screen").query().localToScene(
                    robot.lookup("#devices-screen").query().getLayoutBounds());
            return screen.getMinX() >= 0 && screen.getMaxX() <= stage.getScene().getWidth() + 0.5;
        });
        Bounds detail = fx(() -> robot.lookup("#device-detail").query().localToScene(
                robot.lookup("#device-detail").query().getLayoutBounds()));
        assertThat(detail.getMaxX()).isLessThanOrEqualTo(stage.getScene().getWidth() + 0.5);
        for (String part : List.of("#device-detail-imei", "#device-detail-close", "#device-set-desired")) {
            Bounds b = fx(() -> robot.lookup(part).query().localToScene(robot.lookup(part).query().getLayoutBounds()));
            assertThat(b.getMaxX()).as(part + " inside the detail").isLessThanOrEqualTo(detail.getMaxX() + 0.5);
        }
        Label imei = robot.lookup("#device-detail-imei").queryAs(Label.class);
        await(5, () -> fx(imei::getText).length() == 15);
        assertThat(fx(() -> shown(imei))).as("the IMEI whole").isEqualTo(fx(imei::getText));
        // the table gives way: it keeps every column at its least width (none hidden) and scrolls sideways
        assertThat(fx(() -> table.getColumns().stream().allMatch(c -> c.isVisible()
                && c.getWidth() >= c.getMinWidth() - 0.5))).as("every column of the table at its least width").isTrue();
    }

    @Test
    void everyChoiceOfTheDeviceFiltersReadsWholeInBothLanguages(FxRobot robot) throws Exception {
        robot.clickOn("#nav-devices");
        everyFilterChoiceIsWhole(robot, "Alle klanten");
        ComboBox<Locale> language = robot.lookup("#language").queryComboBox();
        robot.interact(() -> language.setValue(I18n.ENGLISH));
        everyFilterChoiceIsWhole(robot, "All clients");
    }

    /** Each filter shows each of its choices whole, inside the window; {@code allClients} says the language is shown. */
    private void everyFilterChoiceIsWhole(FxRobot robot, String allClients) throws Exception {
        await(15, () -> fx(() -> robot.lookup("#devices-filter-client").tryQuery()
                .map(n -> ((ComboBox<?>) n).getItems()).map(items -> items.size() > 1
                        && allClients.equals(items.get(0).toString())).orElse(false)));
        for (String id : List.of("#devices-filter-client", "#devices-filter-type", "#devices-filter-status",
                "#devices-filter-firmware")) {
            ComboBox<Object> box = robot.lookup(id).queryComboBox();
            List<Object> choices = fx(() -> List.copyOf(box.getItems()));
            assertThat(choices).as(id + " offers choices").hasSizeGreaterThan(1);
            for (Object choice : choices) {
                robot.interact(() -> box.setValue(choice));
                WaitForAsyncUtils.waitForFxEvents();
                Labeled shown = fx(() -> box.lookupAll(".list-cell").stream().map(Labeled.class::cast)
                        .filter(c -> choice.toString().equals(c.getText())).findFirst().orElseThrow());
                assertThat(fx(() -> shown(shown))).as(id + " shows " + choice + " whole").isEqualTo(choice.toString());
                Bounds b = fx(() -> box.localToScene(box.getLayoutBounds()));
                assertThat(b.getMaxX()).as(id + " inside the window").isLessThanOrEqualTo(stage.getScene().getWidth() + 0.5);
            }
            robot.interact(() -> box.setValue(choices.get(0)));
        }
    }

    /** The text a label or a cell shows, after any ellipsis. */
    private static String shown(Labeled label) {
        return ((Text) label.lookup(".text")).getText();
    }

    private CampaignView draft() {
        FotaDeskClient client = app.demo.client();
        FirmwareView image = client.firmware().stream().filter(f -> f.deviceType().equals("tracker-x")
                && f.version().equals(DemoEnvironment.NEW_VERSIONS.get("tracker-x"))).findFirst().orElseThrow();
        return client.createCampaign(new NewCampaign("Smalle campagne", image.id(), new CampaignTarget(null, "tracker-x",
                null, null, null, null), null, null, null, null, null, null, null, false));
    }
}
