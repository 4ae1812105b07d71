package nl.fotadesk.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import nl.fotadesk.client.DeviceQuery;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.demo.DemoEnvironment;
import nl.fotadesk.protocol.Imei;
import nl.fotadesk.protocol.api.CampaignTarget;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.protocol.api.NewCampaign;
import nl.fotadesk.protocol.api.NewDevice;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static nl.fotadesk.ui.FxReads.await;
import static nl.fotadesk.ui.FxReads.fx;
import static nl.fotadesk.ui.FxReads.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Texts that were cut off, whole now in English and Dutch, at 1280×800 and at the least window size:
 * the devices footer's sort hint beside the open detail (a list too long to sort on the server's
 * side), the IMEIs of a campaign's device table, and a campaign's name as long as the server allows beside the
 * campaign's actions. Each case is saved in {@link FxShots}.
 */
class NothingCutOffTest extends DemoUiTest {
    /** Enough registered devices (no simulator behind them) for the list that loads by pages and cannot sort. */
    static final int MANY = 5_000;
    /** The most characters a campaign's name may have (the server's limit, in docs/api.md). */
    static final int LONGEST_NAME = 128;
    final FxRobot robot = new FxRobot();
    boolean registered;
    CampaignView campaign;
    CampaignView longNamed;

    @Test
    void theSortHintReadsWholeBesideTheDeviceDetailAt1280x800() throws Exception {
        sortHintIsWhole(false);
    }

    @Test
    void theSortHintReadsWholeBesideTheDeviceDetailAtTheLeastSize() throws Exception {
        sortHintIsWhole(true);
    }

    @Test
    void aCampaignsDeviceTableShowsWholeImeisAt1280x800() throws Exception {
        imeisAreWhole(false);
    }

    @Test
    void aCampaignsDeviceTableShowsWholeImeisAtTheLeastSize() throws Exception {
        imeisAreWhole(true);
    }

    @Test
    void theLongestCampaignNameReadsWholeBesideItsActionsAt1280x800() throws Exception {
        longNameIsWhole(false);
    }

    @Test
    void theLongestCampaignNameReadsWholeBesideItsActionsAtTheLeastSize() throws Exception {
        longNameIsWhole(true);
    }

    /**
     * In each language, with the window at the least size or at 1280×800. A test shrinks the window at
     * most once: Monocle's painter fails when a window grows again after it shrank.
     */
    private void sortHintIsWhole(boolean least) throws Exception {
        if (!registered) {
            registerMany();
            registered = true;
        }
        resize(least);
        robot.interact(() -> app.window.show("devices")); // shown again: the list loads by pages
        TableView<?> table = robot.lookup("#devices-table").queryTableView();
        await(20, () -> !text(robot, "#devices-sort-hint").isEmpty() && !table.getItems().isEmpty());
        robot.interact(() -> table.getSelectionModel().select(0));
        await(10, () -> robot.lookup("#device-detail").tryQuery().map(Node::isVisible).orElse(false));
        for (Locale language : I18n.LANGUAGES) {
            switchTo(language);
            I18n words = new I18n(language);
            await(10, () -> text(robot, "#devices-sort-hint").equals(words.get("devices.sortHint", words.number(5_000))));
            Label hint = robot.lookup("#devices-sort-hint").queryAs(Label.class);
            await(5, () -> shown(hint).equals(hint.getText()));
            assertThat(fx(() -> sceneBounds(hint).getMaxX())).as("the hint inside the window, " + where(language, least))
                    .isLessThanOrEqualTo(fx(() -> app.window.stage().getScene().getWidth()) + 0.5);
            robot.interact(() -> FxShots.save(app.window.stage().getScene(),
                    "devices-sort-hint-" + language.getLanguage() + (least ? "-least" : "")));
        }
    }

    private void imeisAreWhole(boolean least) throws Exception {
        if (campaign == null) {
            campaign = startedCampaign();
        }
        resize(least);
        robot.clickOn("#nav-campaigns");
        robot.interact(() -> app.window.openCampaign(campaign.id()));
        for (Locale language : List.of(I18n.DUTCH, I18n.ENGLISH)) {
            switchTo(language);
            TableView<?> table = robot.lookup("#campaign-devices").queryTableView();
            await(15, () -> !imeiCells(table).isEmpty());
            for (Labeled cell : fx(() -> imeiCells(table))) {
                assertThat(fx(() -> shown(cell))).as("an IMEI whole, " + where(language, least))
                        .isEqualTo(fx(cell::getText));
            }
            robot.interact(() -> {
                scrollDownTo(table);
                FxShots.save(app.window.stage().getScene(),
                        "campaign-devices-" + language.getLanguage() + (least ? "-least" : ""));
            });
        }
    }

    /** A draft named as long as a campaign's name may be: its title whole (and its tooltip), every action whole and in the window. */
    private void longNameIsWhole(boolean least) throws Exception {
        if (longNamed == null) {
            longNamed = longNamedDraft();
        }
        resize(least);
        robot.clickOn("#nav-campaigns");
        robot.interact(() -> app.window.openCampaign(longNamed.id()));
        for (Locale language : List.of(I18n.DUTCH, I18n.ENGLISH)) {
            switchTo(language);
            await(10, () -> text(robot, "#campaign-name").equals(longNamed.name()));
            Label name = robot.lookup("#campaign-name").queryAs(Label.class);
            await(5, () -> shown(name).equals(longNamed.name()));
            assertThat(fx(() -> name.getTooltip().getText())).isEqualTo(longNamed.name());
            double width = fx(() -> app.window.stage().getScene().getWidth());
            assertThat(fx(() -> sceneBounds(name).getMaxX())).as("the name inside the window, " + where(language, least))
                    .isLessThanOrEqualTo(width + 0.5);
            List<Button> actions = fx(() -> robot.lookup(".campaign-actions .button").queryAllAs(Button.class).stream()
                    .filter(Node::isVisible).toList());
            assertThat(actions).as("the draft's actions").hasSizeGreaterThanOrEqualTo(4);
            for (Button action : actions) {
                assertThat(fx(() -> shown(action))).as(action.getId() + " whole, " + where(language, least))
                        .isEqualTo(fx(action::getText));
                assertThat(fx(() -> sceneBounds(action).getMaxX())).as(action.getId() + " inside the window, "
                        + where(language, least)).isLessThanOrEqualTo(width + 0.5);
                assertThat(fx(() -> sceneBounds(action).intersects(sceneBounds(name)))).as(action.getId()
                        + " apart from the name, " + where(language, least)).isFalse();
            }
            robot.interact(() -> FxShots.save(app.window.stage().getScene(),
                    "campaign-long-name-" + language.getLanguage() + (least ? "-least" : "")));
        }
    }

    /** Scrolls the page that holds {@code node} to its end, where the campaign's device table is. */
    private static void scrollDownTo(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane page) {
                page.setVvalue(page.getVmax());
                page.layout();
                return;
            }
        }
    }

    private static String where(Locale language, boolean least) {
        return language.getLanguage() + (least ? " at the least size" : " at 1280x800");
    }

    /** The cells of the table's first column that show an IMEI. */
    private static List<Labeled> imeiCells(TableView<?> table) {
        return table.lookupAll(".table-cell").stream().filter(n -> n instanceof TableCell<?, ?> c
                        && c.getTableColumn() == table.getColumns().get(0) && c.getText() != null
                        && c.getText().length() == Imei.LENGTH && c.isVisible())
                .map(Labeled.class::cast).toList();
    }

    private void switchTo(Locale language) {
        ComboBox<Locale> box = robot.lookup("#language").queryComboBox();
        robot.interact(() -> box.setValue(language));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The window at the least size it allows, or as it opened: 1280×800. */
    private void resize(boolean least) {
        Stage stage = app.window.stage();
        if (!least) {
            return;
        }
        robot.interact(() -> {
            stage.setWidth(WindowBounds.MIN_WIDTH);
            stage.setHeight(WindowBounds.MIN_HEIGHT);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The text a label or a cell shows, after any ellipsis. */
    private static String shown(Labeled label) {
        return ((Text) label.lookup(".text")).getText();
    }

    private static Bounds sceneBounds(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }

    private void registerMany() {
        List<NewDevice> batch = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            batch.add(new NewDevice(Imei.withCheckDigit(String.format("11%012d", i)), "meter-y", "acme", null, "2.1.0"));
            if (batch.size() == 1_000) {
                app.demo.client().registerDevices(batch);
                batch.clear();
            }
        }
    }

    /** A draft for the sensors (no running campaign holds them) with a name of the most characters the server allows. */
    private CampaignView longNamedDraft() {
        FotaDeskClient client = app.demo.client();
        FirmwareView image = client.firmware().stream().filter(f -> f.deviceType().equals("sensor-z")
                && f.version().equals(DemoEnvironment.NEW_VERSIONS.get("sensor-z"))).findFirst().orElseThrow();
        String name = "Gefaseerde update van alle temperatuursensoren in de koelcellen van distributiecentrum "
                + "Nieuwegein naar de nieuwste firmware v1.0";
        assertThat(name).hasSize(LONGEST_NAME);
        return client.createCampaign(new NewCampaign(name, image.id(), new CampaignTarget(null, "sensor-z", null, null,
                null, null), null, null, null, null, null, null, null, false));
    }

    /** The demo's trackers updated by a running campaign: its table lists their IMEIs. */
    private CampaignView startedCampaign() {
        FotaDeskClient client = app.demo.client();
        FirmwareView image = client.firmware().stream().filter(f -> f.deviceType().equals("tracker-x")
                && f.version().equals(DemoEnvironment.NEW_VERSIONS.get("tracker-x"))).findFirst().orElseThrow();
        assertThat(client.devices(DeviceQuery.ALL.withDeviceType("tracker-x").page(0, 1)).total()).isPositive();
        return client.createCampaign(new NewCampaign("Apparaten met lange nummers", image.id(),
                new CampaignTarget(null, "tracker-x", null, null, null, null), null, null, null, null, null, null,
                null, true));
    }
}
