package nl.fotadesk.ui.campaigns;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.demo.DemoEnvironment;
import nl.fotadesk.protocol.Imei;
import nl.fotadesk.protocol.api.ActionState;
import nl.fotadesk.protocol.api.CampaignDeviceView;
import nl.fotadesk.protocol.api.CampaignTarget;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.CampaignWindow;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.protocol.api.NewCampaign;
import nl.fotadesk.protocol.api.NewDevice;
import nl.fotadesk.ui.DemoUiTest;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

import static nl.fotadesk.ui.FxReads.fx;
import static nl.fotadesk.ui.FxReads.text;

/**
 * The campaigns screen against the real offline demo: a campaign made and started with the wizard
 * runs to completion, pause and resume (and cancel) go through the buttons, and an overlapping
 * campaign is flagged in the wizard's review.
 */
class CampaignsScreenTest extends DemoUiTest {
    @Test
    void theWizardCreatesAndStartsAThreePhaseCampaignThatCompletes(FxRobot robot) throws Exception {
        robot.clickOn("#nav-campaigns");
        robot.clickOn("#campaigns-new");

        // Step 1: nothing chosen yet, so Next stays put and says why.
        robot.clickOn("#wizard-next");
        assertThat(text(robot, "#wizard-error-firmware")).isEqualTo("Choose the firmware to roll out.");
        ComboBox<FirmwareView> firmware = robot.lookup("#wizard-firmware").queryComboBox();
        waitFor(15, () -> !firmware.getItems().isEmpty());
        robot.interact(() -> firmware.setValue(firmware.getItems().stream()
                .filter(f -> f.deviceType().equals("tracker-x") && f.version().equals(newVersion("tracker-x")))
                .findFirst().orElseThrow()));
        assertThat(robot.lookup("#wizard-name").queryAs(TextField.class).getText()).isEqualTo("tracker-x 1.2.0 rollout");
        robot.clickOn("#wizard-next");

        // Step 2: the firmware's device type is chosen, and the server counts the matches.
        ComboBox<String> type = robot.lookup("#wizard-type").queryComboBox();
        assertThat(type.getValue()).isEqualTo("tracker-x");
        waitFor(10, () -> text(robot, "#wizard-match").matches("\\d+ devices match; \\d+ need firmware 1\\.2\\.0\\."));
        robot.clickOn("#wizard-next");

        // Step 3: default phases 5 %, 25 %, 100 %; a threshold above 100 is refused.
        assertThat(List.of(text(robot, "#wizard-phase-1"), text(robot, "#wizard-phase-2"), text(robot, "#wizard-phase-3")))
                .containsExactly("5", "25", "100");
        assertThat(text(robot, "#wizard-success")).isEqualTo("90");
        assertThat(text(robot, "#wizard-error")).isEqualTo("10");
        TextField success = robot.lookup("#wizard-success").queryAs(TextField.class);
        robot.interact(() -> success.setText("150"));
        robot.clickOn("#wizard-next");
        assertThat(text(robot, "#wizard-error-success")).isEqualTo("Enter a percentage from 0 to 100.");
        robot.interact(() -> success.setText("90"));
        robot.clickOn("#wizard-next");

        // Step 4: the review shows what the server would do.
        waitFor(10, () -> robot.lookup("#wizard-targeted").tryQuery().isPresent());
        assertThat(text(robot, "#wizard-targeted")).matches("\\d+ devices will be updated to 1\\.2\\.0");
        assertThat(text(robot, "#wizard-preview-phases")).startsWith("In 3 phases:");
        assertThat(robot.lookup("#wizard-conflicts").query().isVisible()).isFalse();
        // A rehearsal forecasts the campaign as chosen, at the price and on the network set first, and changes nothing.
        waitFor(5, () -> !robot.lookup("#wizard-rehearse").queryButton().isDisabled());
        assertThat(text(robot, "#wizard-price")).as("no price remembered yet").isEmpty();
        robot.interact(() -> robot.lookup("#wizard-price").queryAs(TextField.class).setText("0,25"));
        ComboBox<String> bearer = robot.lookup("#wizard-bearer").queryComboBox();
        assertThat(bearer.getValue()).as("the server's default").isEqualTo("LTE_M");
        robot.interact(() -> bearer.setValue("NB_IOT"));
        robot.interact(() -> robot.lookup("#wizard-rehearse").queryButton().fire());
        waitFor(30, () -> robot.lookup("#forecast-duration").tryQuery().isPresent());
        assertThat(text(robot, "#forecast-duration")).startsWith("Duration: ");
        assertThat(text(robot, "#forecast-failures")).startsWith("Expected to fail: ");
        assertThat(text(robot, "#forecast-data")).startsWith("Cellular data: ");
        assertThat(text(robot, "#forecast-cost")).startsWith("Cost: ").contains("at 0.25 per MB");
        assertThat(app.context.settings().rehearsalPricePerMb()).as("remembered").contains(0.25);
        assertThat(app.context.settings().rehearsalBearer("tracker-x")).contains("NB_IOT");
        assertThat(robot.lookup("#forecast-chart-updated").tryQuery()).as("the chart over time").isPresent();
        assertThat(robot.lookup("#forecast-chart-failures").tryQuery()).isPresent();
        robot.clickOn("#wizard-start-now");
        assertThat(robot.lookup("#wizard-finish").queryButton().getText()).isEqualTo("Create and start");
        robot.clickOn("#wizard-finish");

        // The detail follows the campaign live to its end, with the wizard's forecast beside what it did.
        waitFor(10, () -> robot.lookup("#campaign-state").tryQuery().isPresent());
        waitFor(10, () -> text(robot, "#campaign-name").equals("tracker-x 1.2.0 rollout"));
        waitFor(60, () -> text(robot, "#campaign-state").equals("Completed"));
        String created = app.demo.client().campaigns().stream().filter(c -> c.name().equals("tracker-x 1.2.0 rollout"))
                .findFirst().orElseThrow().id();
        assertThat(app.demo.client().campaignForecast(created).forecast().bearers()).as("the wizard's forecast, kept")
                .containsEntry("tracker-x", "NB_IOT");
        waitFor(10, () -> robot.lookup("#forecast-versus").tryQuery().isPresent());
        assertThat(text(robot, "#campaign-reason")).matches("\\d+ devices updated, 0 failed\\.");
        assertThat(fx(() -> robot.lookup("#campaign-phases").queryParent().getChildrenUnmodifiable()
                .stream().filter(n -> n.getId() != null && n.getId().startsWith("campaign-phase-")).count()))
                .isEqualTo(3L);
        assertThat(robot.lookup("#campaign-pause").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#campaign-resume").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#campaign-cancel").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#campaign-retry").queryButton().isDisabled()).isTrue();
        TableView<CampaignDeviceView> devices = robot.lookup("#campaign-devices").queryTableView();
        waitFor(5, () -> fx(() -> !devices.getItems().isEmpty()
                && devices.getItems().stream().allMatch(d -> d.state() == ActionState.SUCCEEDED)));
        LineChart<?, ?> chart = robot.lookup("#campaign-chart").queryAs(LineChart.class);
        assertThat(fx(() -> chart.getData().get(0).getData().size())).as("points of succeeded over time")
                .isGreaterThan(2);

        // And the list shows it with its state (beside the campaigns of the other tests).
        robot.clickOn("#campaign-back");
        TableView<CampaignView> list = robot.lookup("#campaigns-table").queryTableView();
        waitFor(10, () -> fx(() -> list.getItems().stream().filter(c -> c.name().equals("tracker-x 1.2.0 rollout"))
                .count() == 1));
        // the table draws the row a moment after it holds the item
        waitFor(10, () -> fx(() -> listLine(robot, "tracker-x 1.2.0 rollout").map(CampaignsScreenTest::allText)
                .orElse("").contains("Completed")));
    }

    @Test
    void pauseResumeAndCancelGoThroughTheButtons(FxRobot robot) throws Exception {
        // A registered device that never checks in keeps the campaign running (the timeout is an hour); a
        // meter, so that the wizard's campaign of trackers does not wait for it.
        CampaignView campaign = holdingCampaign("Night rollout", "meter-y", "999990");
        robot.clickOn("#nav-campaigns");
        waitFor(10, () -> robot.lookup(LabeledMatchers.hasText("Night rollout")).tryQuery().isPresent());
        robot.doubleClickOn(robot.lookup(LabeledMatchers.hasText("Night rollout")).<Node>query());
        waitFor(10, () -> text(robot, "#campaign-state").equals("Running"));
        assertThat(text(robot, "#campaign-name")).isEqualTo(campaign.name());
        Button pause = robot.lookup("#campaign-pause").queryButton();
        Button resume = robot.lookup("#campaign-resume").queryButton();
        waitFor(5, () -> !pause.isDisabled());
        assertThat(resume.isDisabled()).isTrue();

        robot.clickOn("#campaign-pause");
        waitFor(10, () -> text(robot, "#campaign-state").equals("Paused"));
        assertThat(text(robot, "#campaign-reason")).isEqualTo("Paused by the API key.");
        assertThat(text(robot, "#campaign-hint")).contains("Resume");
        waitFor(5, () -> text(robot, "#phase-state-1").equals("Paused"));
        waitFor(5, () -> !resume.isDisabled() && pause.isDisabled());

        robot.clickOn("#campaign-resume");
        waitFor(10, () -> text(robot, "#campaign-state").equals("Running"));
        assertThat(app.demo.client().campaign(campaign.id()).state().wireName()).isEqualTo("running");

        // Cancel asks first; keeping the campaign changes nothing.
        robot.clickOn("#campaign-cancel");
        waitFor(5, () -> robot.lookup("#campaign-cancel-keep").tryQuery().isPresent());
        robot.clickOn("#campaign-cancel-keep");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#campaign-state")).isEqualTo("Running");
        robot.clickOn("#campaign-cancel");
        waitFor(5, () -> robot.lookup("#campaign-cancel-confirm").tryQuery().isPresent());
        robot.clickOn("#campaign-cancel-confirm");
        waitFor(10, () -> text(robot, "#campaign-state").equals("Cancelled"));
        waitFor(5, () -> robot.lookup("#campaign-cancel").queryButton().isDisabled());
        waitFor(5, () -> text(robot, "#phase-state-1").equals("Cancelled"));

        // Its device never got the update: the list does not call the campaign 100 % done.
        robot.clickOn("#campaign-back");
        waitFor(10, () -> fx(() -> listLine(robot, "Night rollout").map(CampaignsScreenTest::allText).orElse(""))
                .contains("Cancelled"));
        assertThat(fx(() -> listLine(robot, "Night rollout").orElseThrow().lookupAll(".progress-text").stream()
                .map(n -> ((Labeled) n).getText()).toList())).containsExactly("0%");
    }

    @Test
    void theWizardSetsAMaintenanceWindowWithAnEndThatTheCampaignKeeps(FxRobot robot) throws Exception {
        String imei = Imei.withCheckDigit("35332211999993");
        app.demo.client().registerDevice(new NewDevice(imei, "sensor-z", "acme", null, null));
        WizardRobot.openWithNewFirmware(robot, "sensor-z");
        robot.interact(() -> robot.lookup("#wizard-name").queryAs(TextField.class).setText("Nights only"));
        robot.clickOn("#wizard-next");
        robot.interact(() -> robot.lookup("#wizard-imeis").queryAs(TextInputControl.class).setText(imei));
        waitFor(10, () -> text(robot, "#wizard-match").startsWith("1 device matches"));
        robot.clickOn("#wizard-next");

        // Step 3: the window is off until chosen; a time that is not HH:mm is refused in place.
        waitFor(10, () -> robot.lookup("#wizard-phase-1").match(NodeQueryUtils.isVisible()).tryQuery().isPresent());
        CheckBox window = robot.lookup("#wizard-window").queryAs(CheckBox.class);
        assertThat(window.isSelected()).isFalse();
        robot.interact(() -> {
            window.setSelected(true);
            robot.lookup("#wizard-window-zone").queryAs(TextField.class).setText("Europe/Amsterdam");
            for (String day : List.of("tue", "wed", "thu", "sat", "sun")) {
                robot.lookup("#wizard-window-" + day).queryAs(CheckBox.class).setSelected(false);
            }
            robot.lookup("#wizard-window-from").queryAs(TextField.class).setText("22");
            robot.lookup("#wizard-window-to").queryAs(TextField.class).setText("05:00");
        });
        robot.clickOn("#wizard-next");
        assertThat(text(robot, "#wizard-error-windowHours")).isEqualTo("Enter both times as HH:mm, such as 02:00.");
        robot.interact(() -> robot.lookup("#wizard-window-from").queryAs(TextField.class).setText("22:00"));

        // An end in the window's zone: one that has passed is refused in place; the clear button takes it off.
        ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
        LocalDate endDate = LocalDate.now(amsterdam).plusDays(10);
        DatePicker date = robot.lookup("#wizard-window-end-date").queryAs(DatePicker.class);
        robot.interact(() -> {
            date.setValue(LocalDate.now(amsterdam).minusDays(1));
            robot.lookup("#wizard-window-end-time").queryAs(TextField.class).setText("06:00");
        });
        robot.clickOn("#wizard-next");
        assertThat(text(robot, "#wizard-error-windowEnd"))
                .isEqualTo("That end has passed already: choose a moment still to come.");
        robot.interact(() -> robot.lookup("#wizard-window-end-clear").queryButton().fire()); // may be scrolled away
        assertThat(fx(date::getValue)).isNull();
        assertThat(text(robot, "#wizard-window-end-time")).isEmpty();
        assertThat(text(robot, "#wizard-error-windowEnd")).as("nothing to refuse once cleared").isEmpty();
        robot.interact(() -> {
            date.setValue(endDate);
            robot.lookup("#wizard-window-end-time").queryAs(TextField.class).setText("06:00");
        });
        robot.clickOn("#wizard-next");

        String endsAt = endDate.atTime(6, 0).atZone(amsterdam).toInstant().toString();
        waitFor(10, () -> robot.lookup("#wizard-targeted").tryQuery().isPresent());
        CampaignTexts texts = new CampaignTexts(app.context.i18n());
        String end = texts.windowMoment(new CampaignWindow("Europe/Amsterdam", null, null, null, endsAt), endsAt);
        assertThat(end).endsWith(", 06:00 (Europe/Amsterdam)");
        assertThat(fx(() -> allText(robot.lookup("#wizard-summary").queryAs(Parent.class))))
                .contains("Maintenance window\nMon, Fri 22:00\u201305:00 (Europe/Amsterdam)\nEnds at\n" + end);
        robot.clickOn("#wizard-finish");
        waitFor(10, () -> robot.lookup("#campaign-name").tryQuery().isPresent()
                && text(robot, "#campaign-name").equals("Nights only"));
        waitFor(10, () -> text(robot, "#campaign-settings").contains("only Mon, Fri 22:00\u201305:00 (Europe/Amsterdam)"));
        assertThat(text(robot, "#campaign-settings")).contains("window closes on " + end);
        CampaignView made = app.demo.client().campaigns().stream().filter(c -> c.name().equals("Nights only"))
                .findFirst().orElseThrow();
        assertThat(made.window()).isEqualTo(new CampaignWindow("Europe/Amsterdam", List.of("MON", "FRI"), "22:00",
                "05:00", endsAt));
    }

    @Test
    void theReviewListsTheDevicesToUpdate(FxRobot robot) throws Exception {
        FirmwareView image = WizardRobot.openWithNewFirmware(robot, "tracker-x");
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");

        waitFor(10, () -> robot.lookup("#wizard-targeted-devices").tryQuery().isPresent());
        TableView<?> table = robot.lookup("#wizard-targeted-devices").queryTableView();
        int targeted = app.demo.client().previewCampaign(new NewCampaign("x", image.id(),
                new CampaignTarget(null, "tracker-x", null, null, null, null), null, null, null, null, null, null,
                null, false), 0, 0).targeted();
        assertThat(targeted).as("the demo's trackers fit one page").isBetween(2, FotaDeskClient.PREVIEW_PAGE);
        assertThat(fx(() -> table.getItems().size())).isEqualTo(targeted);
        assertThat(text(robot, "#wizard-targeted-shown"))
                .isEqualTo("All " + targeted + " devices to update, in the order of the phases.");
        assertThat(robot.lookup("#wizard-targeted-more").query().isVisible()).as("nothing more to show").isFalse();
        assertThat(fx(() -> allText(table))).contains("tracker-x").contains("\u2192 " + image.version());
    }

    @Test
    void theReviewWarnsAboutDevicesInAnotherCampaign(FxRobot robot) throws Exception {
        holdingCampaign("Sensor pilot", "sensor-z", "999991");
        WizardRobot.openWithNewFirmware(robot, "sensor-z");
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");

        waitFor(10, () -> robot.lookup("#wizard-conflicts").query().isVisible());
        String warning = fx(() -> allText(robot.lookup("#wizard-conflicts").query()));
        assertThat(warning).contains("1 of these devices is already in another active campaign")
                .contains("1 in \u201cSensor pilot\u201d").contains(Imei.withCheckDigit("35332211999991"));
        assertThat(robot.lookup("#wizard-finish").queryButton().isDisabled()).as("cannot create while devices are held")
                .isTrue();
    }

    @Test
    void aRehearsedDraftShowsItsForecastBesideWhatHappened(FxRobot robot) throws Exception {
        // a meter that never checks in: the wizard's campaign of all trackers must not wait for it
        CampaignView draft = campaignOnANewDevice("Rehearsed", "meter-y", "999992", false);
        robot.clickOn("#nav-campaigns");
        waitFor(10, () -> robot.lookup(LabeledMatchers.hasText("Rehearsed")).tryQuery().isPresent());
        robot.doubleClickOn(robot.lookup(LabeledMatchers.hasText("Rehearsed")).<Node>query());
        waitFor(10, () -> text(robot, "#campaign-state").equals("Draft"));
        assertThat(robot.lookup("#campaign-forecast").query().isVisible()).as("not rehearsed yet").isFalse();

        waitFor(5, () -> !robot.lookup("#campaign-rehearse").queryButton().isDisabled());
        robot.interact(() -> robot.lookup("#campaign-rehearse").queryButton().fire());
        waitFor(30, () -> robot.lookup("#forecast-versus").tryQuery().isPresent());
        String shown = fx(() -> allText(robot.lookup("#campaign-forecast").query()));
        assertThat(shown).contains("Forecast and what happened", "Forecast", "Actual", "not started", "Duration: ");
        assertThat(robot.lookup("#campaign-forecast #forecast-chart").tryQuery()).as("the chart over time").isPresent();
        assertThat(app.demo.client().campaignForecast(draft.id()).forecast().devices()).isEqualTo(1);
    }

    /** A running campaign holding one registered device that never checks in. */
    private CampaignView holdingCampaign(String name, String deviceType, String serial) throws Exception {
        return campaignOnANewDevice(name, deviceType, serial, true);
    }

    private CampaignView campaignOnANewDevice(String name, String deviceType, String serial, boolean start)
            throws Exception {
        FotaDeskClient client = app.demo.client();
        String tac = switch (deviceType) {
            case "tracker-x" -> "35693803";
            case "sensor-z" -> "35332211";
            default -> "86720604";
        };
        String imei = Imei.withCheckDigit(tac + serial);
        client.registerDevice(new NewDevice(imei, deviceType, "acme", null, null));
        FirmwareView image = client.firmware().stream()
                .filter(f -> f.deviceType().equals(deviceType) && f.version().equals(newVersion(deviceType)))
                .findFirst().orElseThrow();
        return client.createCampaign(new NewCampaign(name, image.id(), new CampaignTarget(null, null, null,
                List.of(imei), null, null), null, 100, 10, 3600L, 0, null, null, start));
    }

    private static String newVersion(String deviceType) {
        return DemoEnvironment.NEW_VERSIONS.get(deviceType);
    }

    /** The line of the campaigns list that shows the campaign named {@code name}; read it on the FX thread. */
    private static Optional<Parent> listLine(FxRobot robot, String name) {
        return robot.lookup("#campaigns-table .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() instanceof CampaignView c && c.name().equals(name)).findFirst()
                .map(Parent.class::cast);
    }

    /** The texts of a node and everything in it, one per line. */
    private static String allText(Node node) {
        StringBuilder out = new StringBuilder();
        if (node instanceof Labeled l && l.getText() != null) {
            out.append(l.getText()).append('\n');
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> out.append(allText(child)));
        }
        return out.toString();
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            try {
                return condition.call();
            } catch (RuntimeException e) {
                return false;
            }
        });
    }
}
