package nl.fotadesk.ui.requests;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import nl.fotadesk.client.DeviceQuery;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.device.fleet.FleetGenerator;
import nl.fotadesk.protocol.api.CampaignTarget;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.NewRequest;
import nl.fotadesk.protocol.api.RequestState;
import nl.fotadesk.protocol.api.RequestView;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.ui.DemoUiTest;
import nl.fotadesk.ui.FxShots;
import nl.fotadesk.ui.I18n;
import nl.fotadesk.ui.UiTestBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static nl.fotadesk.ui.FxReads.await;
import static nl.fotadesk.ui.FxReads.fx;
import static nl.fotadesk.ui.FxReads.setText;
import static nl.fotadesk.ui.FxReads.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The demo's requester files a request on the form; the operator reviews and approves it; the requester sees the report. */
class RequestsScreenTest extends DemoUiTest {
    private static final String CLIENT = FleetGenerator.CLIENTS.get(0);

    @TempDir
    Path files;

    private void openAs(Role role) throws Exception {
        var demo = app.demo;
        app.close();
        Stage stage = FxToolkit.registerPrimaryStage();
        app = WaitForAsyncUtils.asyncFx(() -> UiTestBackend.openAs(stage, demo, I18n.ENGLISH, role))
                .get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Whether the window holds {@code query} (actions a user may not take are not built). */
    private static boolean offered(FxRobot robot, String query) {
        return fx(() -> robot.lookup(query).tryQuery().isPresent());
    }

    private void switchTo(FxRobot robot, Locale language) {
        ComboBox<Locale> box = robot.lookup("#language").queryComboBox();
        robot.interact(() -> box.setValue(language));
    }

    /** Whether a line of the open request reads {@code text} (a history line: "state  detail"). */
    private static boolean shows(FxRobot robot, String text) {
        return fx(() -> robot.lookup(".label").queryAllAs(Labeled.class).stream()
                .anyMatch(l -> l.getText() != null && l.getText().contains(text)));
    }

    private RequestsScreen screen() {
        return (RequestsScreen) app.window.screen("requests");
    }

    @Test
    void aRequesterFilesARequestTheOperatorApprovesItAndTheRequesterReadsTheReport(FxRobot robot) throws Exception {
        List<DeviceView> theirs = app.demo.client().devices(DeviceQuery.ALL.withClient(CLIENT).page(0, 2)).items();
        String type = theirs.get(0).deviceType();
        List<String> imeis = theirs.stream().filter(d -> d.deviceType().equals(type)).map(DeviceView::imei).toList();
        Path image = Files.write(files.resolve(type + "-9.9.9.bin"), new byte[4096]);

        openAs(Role.REQUESTER);
        assertThat(offered(robot, "#nav-firmware")).as("a requester follows devices and requests only").isFalse();
        assertThat(offered(robot, "#nav-campaigns")).isFalse();
        robot.clickOn("#nav-requests");
        robot.clickOn("#requests-new");
        robot.interact(() -> screen().form().file.set(image));
        setText(robot, "#request-form-type", type);
        setText(robot, "#request-form-version", "bad version!");
        assertThat(text(robot, "#request-form-problem")).contains("bad version!");
        assertThat(fx(() -> robot.lookup("#request-form-submit").query().isDisabled())).isTrue();
        setText(robot, "#request-form-version", "9.9.9");
        robot.clickOn("#request-form-devices-imeis");
        setText(robot, "#request-form-imeis", String.join("\n", imeis));
        setText(robot, "#request-form-contact", "rita@example.com");
        setText(robot, "#request-form-latest", "2099-01-01T00:00:00Z");
        robot.clickOn("#request-form-submit");
        await(15, () -> screen().model().open.get() != null);
        RequestView filed = fx(() -> screen().model().open.get());
        assertThat(filed.state()).isEqualTo(RequestState.SUBMITTED);
        assertThat(filed.deviceCount()).isEqualTo(imeis.size());
        assertThat(text(robot, "#request-title")).contains("9.9.9");

        openAs(Role.OPERATOR);
        robot.clickOn("#nav-requests");
        ListView<RequestView> list = robot.lookup("#requests-list").queryListView();
        await(10, () -> list.getItems().stream().anyMatch(r -> r.id().equals(filed.id())));
        robot.interact(() -> list.getSelectionModel().select(list.getItems().stream()
                .filter(r -> r.id().equals(filed.id())).findFirst().orElseThrow()));
        await(10, () -> offered(robot, "#request-mark-review"));
        assertThat(offered(robot, "#request-review")).as("the facts").isTrue();
        robot.clickOn("#request-mark-review");
        await(10, () -> offered(robot, "#request-approve"));
        assertThat(text(robot, "#plan-phases")).isNotEmpty();
        assertThat(text(robot, "#plan-ends")).as("the wished latest end").isEqualTo("2099-01-01T00:00:00Z");
        setText(robot, "#plan-phases", "50%, 100%");
        // the operator rehearses the campaign the request would become with this plan, at a price set first
        setText(robot, "#request-price", "nothing");
        robot.interact(() -> robot.lookup("#request-rehearse").queryButton().fire());
        await(10, () -> shows(robot, "\u201cnothing\u201d is not a price per MB"));
        setText(robot, "#request-price", "1.5");
        robot.interact(() -> robot.lookup("#request-bearer").<String>queryComboBox().setValue("GSM_2G"));
        robot.interact(() -> robot.lookup("#request-rehearse").queryButton().fire());
        await(30, () -> offered(robot, "#request-forecast #forecast-chart"));
        assertThat(text(robot, "#request-forecast #forecast-duration")).startsWith("Duration: ");
        assertThat(text(robot, "#request-forecast #forecast-cost")).contains("at 1.50 per MB");
        assertThat(fx(() -> screen().model().rehearsal.forecast.get().phases())).as("the plan as edited").hasSize(2);
        assertThat(fx(() -> screen().model().rehearsal.forecast.get().devices())).isEqualTo(imeis.size());
        setText(robot, "#plan-error", "20");
        assertThat(offered(robot, "#request-forecast #forecast-duration")).as("a changed plan is rehearsed anew").isFalse();
        robot.interact(() -> robot.lookup("#request-rehearse").queryButton().fire());
        await(30, () -> offered(robot, "#request-forecast #forecast-duration"));
        robot.interact(() -> robot.lookup("#request-approve").queryButton().fire()); // below the plan: maybe scrolled away
        await(15, () -> !screen().model().busy.get() && screen().model().open.get().state() != RequestState.IN_REVIEW
                || !screen().model().message.get().isEmpty());
        assertThat(fx(() -> screen().model().message.get())).as("the campaign opens; the message waits on its screen")
                .isIn("", "The request is approved; its campaign has started.");
        String campaignId = app.demo.client().request(filed.id()).campaignId();
        assertThat(app.demo.client().campaign(campaignId).phases()).hasSize(2);
        await(10, () -> offered(robot, "#campaigns-screen"));
        assertThat(app.demo.client().campaignForecast(campaignId).forecast().timeline().errorThreshold())
                .as("the forecast of the plan approved, kept with its campaign").isEqualTo(20);
        await(10, () -> offered(robot, "#forecast-versus"));
        await(10, () -> offered(robot, "#campaign-settings") && text(robot, "#campaign-settings")
                .matches(".*window closes on [^(]*2099, \\d\\d:00 \\(" + Pattern.quote(ZoneId.systemDefault().getId())
                        + "\\).*"));

        openAs(Role.REQUESTER);
        robot.clickOn("#nav-requests");
        ListView<RequestView> theirList = robot.lookup("#requests-list").queryListView();
        await(10, () -> !theirList.getItems().isEmpty());
        robot.interact(() -> theirList.getSelectionModel().select(theirList.getItems().stream()
                .filter(r -> r.id().equals(filed.id())).findFirst().orElseThrow()));
        await(15, () -> screen().model().report.size() == imeis.size());
        assertThat(offered(robot, "#request-report-export")).isTrue();
        assertThat(offered(robot, "#request-mark-review")).as("requesters do not decide").isFalse();
    }

    @Test
    void aLanguageSwitchKeepsTheHalfFilledFormTheOpenRequestAndTheFilterAndTheHistoryReadsInTheLanguage(FxRobot robot)
            throws Exception {
        List<DeviceView> theirs = app.demo.client().devices(DeviceQuery.ALL.withClient(CLIENT).page(0, 3)).items();
        String type = theirs.get(0).deviceType();
        List<String> imeis = theirs.stream().filter(d -> d.deviceType().equals(type)).map(DeviceView::imei).toList();
        Path image = Files.write(files.resolve(type + "-9.9.8.bin"), new byte[2048]);
        openAs(Role.REQUESTER);
        robot.clickOn("#nav-requests");
        robot.clickOn("#requests-new");
        robot.interact(() -> screen().form().file.set(image));
        setText(robot, "#request-form-type", type);
        setText(robot, "#request-form-version", "9.9.8");
        robot.clickOn("#request-form-devices-imeis");
        setText(robot, "#request-form-imeis", String.join("\n", imeis));
        setText(robot, "#request-form-contact", "rita@example.com");

        switchTo(robot, I18n.DUTCH);

        assertThat(text(robot, "#nav-requests")).isEqualTo("Verzoeken");
        assertThat(fx(() -> screen().form())).as("the form is still open").isNotNull();
        assertThat(fx(() -> screen().form().file.get())).isEqualTo(image);
        assertThat(text(robot, "#request-form-version")).isEqualTo("9.9.8");
        assertThat(text(robot, "#request-form-imeis")).isEqualTo(String.join("\n", imeis));
        assertThat(fx(() -> robot.lookup("#request-form-devices-imeis").queryAs(javafx.scene.control.RadioButton.class)
                .isSelected())).isTrue();
        assertThat(text(robot, "#request-form-contact")).isEqualTo("rita@example.com");
        robot.clickOn("#request-form-submit");
        await(15, () -> screen().model().open.get() != null);
        assertThat(text(robot, "#request-title")).contains("9.9.8", "ingediend");
        await(10, () -> shows(robot, "ingediend \u2013 " + (imeis.size() == 1 ? "1 apparaat" : imeis.size() + " apparaten")));
        robot.interact(() -> screen().model().stateFilter.set(RequestState.SUBMITTED));

        switchTo(robot, I18n.ENGLISH);

        assertThat(text(robot, "#request-title")).as("the open request").contains("9.9.8", "submitted");
        assertThat(fx(() -> screen().model().stateFilter.get())).isEqualTo(RequestState.SUBMITTED);
        assertThat(fx(() -> robot.lookup("#requests-filter").queryComboBox().getValue()))
                .isEqualTo(RequestState.SUBMITTED);
        await(10, () -> shows(robot, "submitted \u2013 " + (imeis.size() == 1 ? "1 device" : imeis.size() + " devices")));
    }

    @Test
    void theHistoryShowsEveryStepWithWhoTookItInBothLanguages(FxRobot robot) throws Exception {
        List<DeviceView> theirs = app.demo.client().devices(DeviceQuery.ALL.withClient(CLIENT).page(5, 3)).items();
        openAs(Role.REQUESTER);
        FotaDeskClient requester = app.context.client();
        List<String> ids = theirs.stream().map(d -> requester.fileRequest(new NewRequest(d.deviceType(), "9.9.7", null,
                new CampaignTarget(null, null, null, List.of(d.imei()), null, null), null, "rita@example.com"),
                d.deviceType() + "-9.9.7.bin", new byte[1024]).id()).toList();
        String approved = ids.get(0);
        String rejected = ids.get(1);
        String withdrawn = ids.get(2);
        requester.commentOnRequest(approved, "Tonight, please.");
        requester.withdrawRequest(withdrawn);
        openAs(Role.OPERATOR);
        FotaDeskClient operator = app.context.client();
        operator.reviewRequest(approved);
        String campaign = operator.approveRequest(approved, null).campaignId();
        operator.reviewRequest(rejected);
        operator.rejectRequest(rejected, "the release notes are missing");
        String campaignName = operator.campaign(campaign).name();
        String rita = name(Role.REQUESTER);
        String olga = name(Role.OPERATOR);

        robot.clickOn("#nav-requests");
        historyReads(robot, approved, rita + " (requester)  submitted \u2013 1 device",
                rita + " (requester)  new comment", olga + " (operator)  in review",
                olga + " (operator)  approved \u2013 campaign \u201c" + campaignName + "\u201d for 1 device");
        robot.interact(() -> FxShots.save(app.window.stage().getScene(), "request-history-en"));
        historyReads(robot, rejected, rita + " (requester)  submitted \u2013 1 device", olga + " (operator)  in review",
                olga + " (operator)  rejected \u2013 reason: the release notes are missing");
        historyReads(robot, withdrawn, rita + " (requester)  submitted \u2013 1 device", rita + " (requester)  withdrawn");
        switchTo(robot, I18n.DUTCH);
        historyReads(robot, withdrawn, rita + " (aanvrager)  ingediend \u2013 1 apparaat", rita + " (aanvrager)  ingetrokken");
        historyReads(robot, approved, rita + " (aanvrager)  ingediend \u2013 1 apparaat",
                rita + " (aanvrager)  nieuwe opmerking", olga + " (beheerder)  in beoordeling",
                olga + " (beheerder)  goedgekeurd \u2013 campagne \u201c" + campaignName + "\u201d voor 1 apparaat");
        robot.interact(() -> FxShots.save(app.window.stage().getScene(), "request-history-nl"));
        historyReads(robot, rejected, rita + " (aanvrager)  ingediend \u2013 1 apparaat",
                olga + " (beheerder)  in beoordeling", olga + " (beheerder)  afgewezen \u2013 reden: the release notes are missing");
    }

    /** The demo user's name with this role. */
    private String name(Role role) {
        return app.demo.users().stream().filter(u -> u.role() == role).findFirst().orElseThrow().displayName();
    }

    /** Opens the request {@code id} and checks its history, line by line after the moment: who, and what. */
    private void historyReads(FxRobot robot, String id, String... lines) throws Exception {
        robot.interact(() -> screen().model().stateFilter.set(null));
        ListView<RequestView> list = robot.lookup("#requests-list").queryListView();
        await(10, () -> list.getItems().stream().anyMatch(r -> r.id().equals(id)));
        robot.interact(() -> list.getSelectionModel().select(list.getItems().stream().filter(r -> r.id().equals(id))
                .findFirst().orElseThrow()));
        await(10, () -> fx(() -> screen().model().open.get() != null && screen().model().open.get().id().equals(id)
                && robot.lookup("#request-history").tryQuery().isPresent()));
        await(5, () -> history(robot).size() == lines.length);
        List<String> shown = history(robot);
        for (int i = 0; i < lines.length; i++) {
            assertThat(shown.get(i)).as("line " + (i + 1) + " of the history of " + id).endsWith("  " + lines[i]);
        }
    }

    private static List<String> history(FxRobot robot) {
        return fx(() -> robot.lookup("#request-history").queryAs(VBox.class).getChildren().stream()
                .map(n -> ((Labeled) n).getText()).toList());
    }
}
