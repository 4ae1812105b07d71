package nl.fotadesk.ui.campaigns;

import javafx.scene.control.Button;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.demo.DemoEnvironment;
import nl.fotadesk.protocol.Imei;
import nl.fotadesk.protocol.api.CampaignTarget;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.CampaignWindow;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.protocol.api.NewCampaign;
import nl.fotadesk.protocol.api.NewDevice;
import nl.fotadesk.ui.DemoUiTest;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

import static nl.fotadesk.ui.FxReads.await;
import static nl.fotadesk.ui.FxReads.fx;
import static nl.fotadesk.ui.FxReads.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The campaign view of a campaign with a maintenance window, against the real offline demo: one whose
 * window is closed now says it waits and when the window opens; once a window has ended, the banner says
 * so and Start, Resume and Retry are off. Each campaign holds a registered meter that never checks in.
 */
class CampaignWindowScreenTest extends DemoUiTest {
    @Test
    void aCampaignWhoseWindowIsClosedSaysWhenItOpens(FxRobot robot) throws Exception {
        // Tomorrow (UTC) from 02:00 to 03:00 only: closed now, whatever the time of day.
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).getDayOfWeek()
                .getDisplayName(TextStyle.SHORT, Locale.ROOT).toUpperCase(Locale.ROOT);
        CampaignView c = campaign("Tomorrow night", "999970",
                new CampaignWindow("UTC", List.of(tomorrow), "02:00", "03:00"), true);
        assertThat(c.opensAt()).as("the server says when it opens").isNotNull();

        open(robot, c);
        await(10, () -> text(robot, "#campaign-state").equals("Running"));
        await(5, () -> text(robot, "#campaign-reason").contains("Waiting"));
        assertThat(text(robot, "#campaign-reason")).matches("Phase 1 of 1 is running\\. Waiting for the maintenance"
                + " window, which opens (today|tomorrow) at 02:00 \\(UTC\\)\\.");
        assertThat(text(robot, "#campaign-hint")).startsWith("Outside the window no phase starts");
        assertThat(fx(() -> robot.lookup("#campaign-pause").queryButton().isDisabled())).isFalse();
    }

    @Test
    void onceTheWindowHasEndedOnlyCancelIsLeft(FxRobot robot) throws Exception {
        Instant end = Instant.now().plusSeconds(8);
        CampaignWindow ending = new CampaignWindow(null, null, null, null, end.toString());
        CampaignView draft = campaign("Ends soon, draft", "999971", ending, false);
        CampaignView running = campaign("Ends soon, running", "999972", ending, true);

        // The draft could start until the end; then the view turns Start off by itself, with the reason.
        open(robot, draft);
        await(10, () -> text(robot, "#campaign-state").equals("Draft"));
        Button start = robot.lookup("#campaign-start").queryButton();
        if (Instant.now().isBefore(end.minusSeconds(1))) {
            assertThat(fx(start::isDisabled)).as("before the end").isFalse();
        }
        await(15, () -> start.isDisabled());
        assertThat(text(robot, "#campaign-hint")).startsWith("The maintenance window ended at ")
                .contains("Start, Resume and Retry failed are off");
        assertThat(text(robot, "#campaign-settings")).contains("window closed on ");
        assertThat(fx(() -> robot.lookup("#campaign-cancel").queryButton().isDisabled())).isFalse();

        // The running one is paused by the server at the end, and cannot be resumed.
        open(robot, running);
        await(15, () -> text(robot, "#campaign-state").equals("Paused"));
        assertThat(text(robot, "#campaign-reason")).isEqualTo("Paused: its maintenance window has ended.");
        assertThat(text(robot, "#campaign-hint")).startsWith("The maintenance window ended at ");
        assertThat(fx(() -> robot.lookup("#campaign-resume").queryButton().isDisabled())).isTrue();
        assertThat(fx(() -> robot.lookup("#campaign-retry").queryButton().isDisabled())).isTrue();
        assertThat(fx(() -> robot.lookup("#campaign-cancel").queryButton().isDisabled())).isFalse();
    }

    private void open(FxRobot robot, CampaignView c) {
        robot.interact(() -> {
            app.window.show("campaigns");
            ((CampaignsScreen) app.window.screen("campaigns")).showCampaign(c.id());
        });
    }

    /** A campaign of one new meter that never checks in, with {@code window}; started or a draft. */
    private CampaignView campaign(String name, String serial, CampaignWindow window, boolean start) {
        FotaDeskClient client = app.demo.client();
        String imei = Imei.withCheckDigit("86720604" + serial);
        client.registerDevice(new NewDevice(imei, "meter-y", "acme", null, null));
        FirmwareView image = client.firmware().stream().filter(f -> f.deviceType().equals("meter-y")
                && f.version().equals(DemoEnvironment.NEW_VERSIONS.get("meter-y"))).findFirst().orElseThrow();
        return client.createCampaign(new NewCampaign(name, image.id(), new CampaignTarget(null, null, null,
                List.of(imei), null, null), null, 100, 10, 3600L, 0, null, null, start, window));
    }
}
