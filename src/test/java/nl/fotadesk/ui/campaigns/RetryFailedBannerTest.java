package nl.fotadesk.ui.campaigns;

import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import nl.fotadesk.demo.DemoEnvironment;
import nl.fotadesk.device.fleet.FaultPlan;
import nl.fotadesk.protocol.api.CampaignState;
import nl.fotadesk.protocol.api.CampaignTarget;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.protocol.api.NewCampaign;
import nl.fotadesk.ui.FxShots;
import nl.fotadesk.ui.I18n;
import nl.fotadesk.ui.UiTestBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static nl.fotadesk.ui.FxReads.await;
import static nl.fotadesk.ui.FxReads.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The banner of a campaign that paused at its error threshold, after the operator clicked "Retry failed":
 * it says the failed devices got a new attempt and how many have failed now, in English and in Dutch.
 * Every install of this demo's devices fails; once the campaign paused, the devices are stopped, so the
 * retried ones stay retried (none fails again while the test reads).
 */
@ExtendWith(ApplicationExtension.class)
class RetryFailedBannerTest {
    static final int ERROR_THRESHOLD = 10;
    DemoEnvironment demo;
    UiTestBackend app;

    @BeforeEach
    void open() throws Exception {
        demo = UiTestBackend.startDemo(FaultPlan.parse("install=1"));
        Stage stage = FxToolkit.registerPrimaryStage();
        app = WaitForAsyncUtils.asyncFx(() -> UiTestBackend.open(stage, demo, I18n.ENGLISH, UnaryOperator.identity()))
                .get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            WaitForAsyncUtils.asyncFx(() -> {
                app.close();
                return null;
            }).get(30, TimeUnit.SECONDS);
        }
        demo.close();
    }

    @Test
    void afterRetryFailedTheBannerSaysTheFailedDevicesGotANewAttempt(FxRobot robot) throws Exception {
        CampaignView campaign = failingCampaign();
        await().atMost(Duration.ofSeconds(60)).until(() -> demo.client().campaign(campaign.id()).state()
                == CampaignState.PAUSED);
        demo.fleet().close();
        robot.clickOn("#nav-campaigns");
        robot.interact(() -> app.window.openCampaign(campaign.id()));
        await(15, () -> text(robot, "#campaign-reason").startsWith("Paused in phase 1: ")
                && text(robot, "#campaign-reason").endsWith("failed, more than the error threshold of 10%."));
        int devices = demo.client().campaign(campaign.id()).phases().get(0).devices();
        await(10, () -> !robot.lookup("#campaign-retry").query().isDisabled());

        robot.clickOn("#campaign-retry");

        await(15, () -> text(robot, "#campaign-reason").equals("Paused in phase 1 at the error threshold of 10%."
                + " Its failed devices got a new attempt; now none of its " + devices + " devices has failed."));
        robot.interact(() -> FxShots.save(app.window.stage().getScene(), "campaign-retried-en"));
        ComboBox<Locale> language = robot.lookup("#language").queryComboBox();
        robot.interact(() -> language.setValue(I18n.DUTCH));
        await(15, () -> text(robot, "#campaign-reason").equals("Gepauzeerd in fase 1 bij de foutdrempel van 10%."
                + " De mislukte apparaten kregen een nieuwe poging; nu is geen van de " + devices
                + " apparaten mislukt."));
        robot.interact(() -> FxShots.save(app.window.stage().getScene(), "campaign-retried-nl"));
        assertThat(demo.client().campaign(campaign.id()).state()).as("still paused: retrying does not resume")
                .isEqualTo(CampaignState.PAUSED);
    }

    /** The trackers, whose installs all fail, without retries: the campaign pauses at its error threshold. */
    private CampaignView failingCampaign() {
        FirmwareView image = demo.client().firmware().stream().filter(f -> f.deviceType().equals("tracker-x")
                && f.version().equals(DemoEnvironment.NEW_VERSIONS.get("tracker-x"))).findFirst().orElseThrow();
        return demo.client().createCampaign(new NewCampaign("Failing trackers", image.id(),
                new CampaignTarget(null, "tracker-x", null, null, null, null), null, null, ERROR_THRESHOLD, 3600L,
                0, null, false, true));
    }
}
