package nl.fotadesk.ui.campaigns;

import javafx.scene.chart.LineChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import nl.fotadesk.client.DeviceQuery;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.demo.DemoEnvironment;
import nl.fotadesk.protocol.api.CampaignState;
import nl.fotadesk.protocol.api.CampaignTarget;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.protocol.api.NewCampaign;
import nl.fotadesk.ui.DemoUiTest;
import nl.fotadesk.ui.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static nl.fotadesk.ui.FxReads.await;
import static nl.fotadesk.ui.FxReads.fx;
import static nl.fotadesk.ui.FxReads.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against the real offline demo: the wizard keeps its inputs and step across a language switch; a
 * campaign that ran while nobody looked opens with its whole chart (the server's progress history);
 * its printable report is written from the campaign view, in the language of the app.
 */
class CampaignLeftoversScreenTest extends DemoUiTest {
    @TempDir
    Path dir;

    @Test
    void switchingTheLanguageKeepsTheWizardsInputsAndStep(FxRobot robot) throws Exception {
        FirmwareView image = WizardRobot.openWithNewFirmware(robot, "tracker-x");
        robot.interact(() -> robot.lookup("#wizard-name").queryAs(TextField.class).setText("Kept across languages"));
        robot.clickOn("#wizard-next");
        String imei = app.demo.client().devices(DeviceQuery.ALL.withDeviceType("tracker-x").page(0, 1)).items().get(0).imei();
        robot.interact(() -> robot.lookup("#wizard-imeis").queryTextInputControl().setText(imei));
        robot.clickOn("#wizard-next");
        robot.interact(() -> robot.lookup("#wizard-success").queryAs(TextField.class).setText("75"));
        robot.interact(() -> robot.lookup("#wizard-retries").queryAs(TextField.class).setText("3"));

        switchTo(robot, I18n.DUTCH);

        assertThat(text(robot, "#wizard-next")).isEqualTo("Volgende");
        assertThat(fx(() -> robot.lookup("#wizard-step-3").query().getStyleClass())).contains("wizard-step-current");
        assertThat(text(robot, "#wizard-success")).isEqualTo("75");
        assertThat(text(robot, "#wizard-retries")).isEqualTo("3");
        robot.clickOn("#wizard-back");
        assertThat(text(robot, "#wizard-imeis")).isEqualTo(imei);
        assertThat(fx(() -> robot.lookup("#wizard-type").queryComboBox().getValue())).isEqualTo("tracker-x");
        robot.clickOn("#wizard-back");
        assertThat(fx(() -> robot.lookup("#wizard-firmware").queryComboBox().getValue())).isEqualTo(image);
        assertThat(text(robot, "#wizard-name")).isEqualTo("Kept across languages");
        assertThat(fx(() -> robot.lookup("#wizard-firmware-details").query().isVisible())).isTrue();

        // and it still creates the campaign it shows
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-next");
        await(10, () -> !robot.lookup("#wizard-finish").queryButton().isDisabled());
        robot.clickOn("#wizard-finish");
        await(10, () -> robot.lookup("#campaign-name").tryQuery().isPresent()
                && text(robot, "#campaign-name").equals("Kept across languages"));
        CampaignView created = app.demo.client().campaigns().stream()
                .filter(c -> c.name().equals("Kept across languages")).findFirst().orElseThrow();
        assertThat(created.successThreshold()).isEqualTo(75);
        assertThat(created.maxRetries()).isEqualTo(3);
        assertThat(created.target().imeis()).containsExactly(imei);
    }

    @Test
    void aCampaignOpensWithItsWholeChartAndItsReportIsWritten(FxRobot robot) throws Exception {
        FotaDeskClient client = app.demo.client();
        // trackers the other test (which takes the first) leaves alone
        List<String> imeis = client.devices(DeviceQuery.ALL.withDeviceType("tracker-x").page(3, 3)).items().stream()
                .map(DeviceView::imei).toList();
        FirmwareView image = client.firmware().stream().filter(f -> f.deviceType().equals("tracker-x")
                && f.version().equals(DemoEnvironment.NEW_VERSIONS.get("tracker-x"))).findFirst().orElseThrow();
        CampaignView campaign = client.createCampaign(new NewCampaign("Ran unseen", image.id(),
                new CampaignTarget(null, null, null, imeis, null, null), null, 100, 100, 3600L, 0, null, false, true));
        await(60, () -> client.campaign(campaign.id()).state() == CampaignState.COMPLETED);
        assertThat(client.campaignProgress(campaign.id())).as("the server kept the history").hasSizeGreaterThanOrEqualTo(2);

        robot.clickOn("#nav-campaigns");
        robot.interact(() -> app.window.openCampaign(campaign.id()));
        await(10, () -> robot.lookup("#campaign-chart").tryQuery().isPresent()
                && text(robot, "#campaign-name").equals("Ran unseen"));
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> chart = robot.lookup("#campaign-chart").queryAs(LineChart.class);
        // from the server's samples (the start, and changes at most every 5 s, the end): from none to all
        await(10, () -> chart.getData().get(0).getData().size() >= 2);
        int first = fx(() -> chart.getData().get(0).getData().get(0).getYValue().intValue());
        int last = fx(() -> {
            var succeeded = chart.getData().get(0).getData();
            return succeeded.get(succeeded.size() - 1).getYValue().intValue();
        });
        assertThat(first).as("starts at none updated").isZero();
        assertThat(last).as("ends at every device updated").isEqualTo(3);
        assertThat(fx(() -> robot.lookup("#campaign-report").queryButton().isDisabled())).isFalse();
        assertThat(text(robot, "#campaign-report")).isEqualTo("Report\u2026");

        CampaignDetailModel model = new CampaignDetailModel(app.context, campaign.id());
        robot.interact(model::load);
        await(10, () -> model.campaign.get() != null);
        Path report = dir.resolve(CampaignReport.fileName(campaign));
        robot.interact(() -> model.report(report));
        await(20, () -> !model.notice.get().isEmpty() || !model.actionError.get().isEmpty());
        assertThat(model.actionError.get()).isEmpty();
        assertThat(model.notice.get()).isEqualTo("Saved the report (3 devices) to ran-unseen-report.html; open it in a"
                + " browser to read or print it.");
        String html = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(html).contains("<h1>Ran unseen</h1>").contains("<svg").contains("Results per device (3)");
        imeis.forEach(i -> assertThat(html).contains(i));
    }

    private void switchTo(FxRobot robot, Locale language) {
        ComboBox<Locale> box = robot.lookup("#language").queryComboBox();
        robot.interact(() -> box.setValue(language));
    }
}
