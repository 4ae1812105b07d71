package nl.fotadesk.ui.campaigns;

import javafx.beans.property.SimpleStringProperty;
import nl.fotadesk.protocol.Imei;
import nl.fotadesk.protocol.api.CampaignWindow;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.protocol.api.NewCampaign;
import nl.fotadesk.protocol.api.PhaseSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The wizard's checks, defaults and the campaign it makes, without a screen. */
class CampaignDraftTest {
    static final FirmwareView TRACKER = new FirmwareView("fw-1", "tracker-x", "1.2.0", 98304, "ab", "cd",
            "2026-11-27T10:00:00Z", 0, 0);

    @Test
    void hasTheDefaultsOfARolloutInThreePhases() {
        CampaignDraft draft = new CampaignDraft();
        draft.firmware.set(TRACKER);
        draft.name.set(" tracker rollout ");
        NewCampaign c = draft.toNewCampaign();
        assertThat(c.name()).isEqualTo("tracker rollout");
        assertThat(c.firmwareId()).isEqualTo("fw-1");
        assertThat(c.phases()).containsExactly(PhaseSpec.percent(5), PhaseSpec.percent(25), PhaseSpec.percent(100));
        assertThat(c.successThreshold()).isEqualTo(90);
        assertThat(c.errorThreshold()).isEqualTo(10);
        assertThat(c.deviceTimeoutSeconds()).isEqualTo(3600L);
        assertThat(c.maxRetries()).isEqualTo(1);
        assertThat(c.start()).isFalse();
        assertThat(draft.checkFirmware()).isEmpty();
        assertThat(draft.checkTarget()).isEmpty();
        assertThat(draft.checkRollout()).isEmpty();
    }

    @Test
    void eachStepSaysWhatToFix() {
        CampaignDraft draft = new CampaignDraft();
        assertThat(draft.checkFirmware()).extracting(CampaignDraft.Problem::field).containsExactly("firmware", "name");

        draft.imeis.set("123, " + Imei.withCheckDigit("35693803123456"));
        draft.capEnabled.set(true);
        draft.cap.set("0");
        assertThat(draft.checkTarget()).extracting(CampaignDraft.Problem::field).containsExactly("imeis", "cap");

        draft.phases.setAll(List.of(new SimpleStringProperty("10"), new SimpleStringProperty("5"),
                new SimpleStringProperty("100")));
        draft.success.set("101");
        draft.error.set("-1");
        draft.timeout.set("9");
        draft.timeoutUnit.set(CampaignDraft.TimeUnit.SECONDS);
        draft.retries.set("11");
        assertThat(draft.checkRollout()).extracting(CampaignDraft.Problem::key).containsExactly(
                "campaigns.check.phaseGrows", "campaigns.check.percent", "campaigns.check.percent",
                "campaigns.check.timeoutMin", "campaigns.check.retries");

        draft.phases.setAll(List.of(new SimpleStringProperty("10"), new SimpleStringProperty("50")));
        assertThat(draft.checkRollout()).extracting(CampaignDraft.Problem::key).contains("campaigns.check.phaseLast");
        draft.timeout.set("10");
        assertThat(draft.checkRollout()).extracting(CampaignDraft.Problem::field).doesNotContain("timeout");
        draft.timeout.set("721");
        draft.timeoutUnit.set(CampaignDraft.TimeUnit.HOURS);
        assertThat(draft.checkRollout()).extracting(CampaignDraft.Problem::key).contains("campaigns.check.timeoutMax");
    }

    @Test
    void theTargetTakesOnlyWhatIsSet() {
        CampaignDraft draft = new CampaignDraft();
        draft.firmware.set(TRACKER);
        draft.deviceType.set("tracker-x");
        String a = Imei.withCheckDigit("35693803123456");
        String b = Imei.withCheckDigit("35693803123457");
        draft.imeis.set(a + "\n" + b + "; " + a);
        draft.capEnabled.set(true);
        draft.cap.set("1");
        draft.capOrder.set("imei");
        var t = draft.target();
        assertThat(t.client()).isNull();
        assertThat(t.deviceType()).isEqualTo("tracker-x");
        assertThat(t.groupId()).isNull();
        assertThat(t.imeis()).containsExactly(a, b);
        assertThat(t.cap()).isEqualTo(1);
        assertThat(t.capOrder()).isEqualTo("imei");
        draft.capEnabled.set(false);
        assertThat(draft.target().cap()).isNull();
        assertThat(draft.target().capOrder()).isNull();
    }

    @Test
    void splitsDevicesOverPhasesAsTheServerDoes() {
        assertThat(CampaignDraft.phaseSizes(List.of(5, 25, 100), 20)).containsExactly(1, 4, 15);
        assertThat(CampaignDraft.phaseSizes(List.of(5, 25, 100), 300)).containsExactly(15, 60, 225);
        assertThat(CampaignDraft.phaseSizes(List.of(50), 3)).containsExactly(2, 1);
        assertThat(CampaignDraft.integer(" 90 %")).isEqualTo(90);
        assertThat(CampaignDraft.integer("9x")).isNull();
    }

    @Test
    void aMaintenanceWindowIsCheckedAndSentOnlyWhenChosen() {
        CampaignDraft draft = new CampaignDraft();
        draft.firmware.set(TRACKER);
        draft.name.set("night");
        assertThat(draft.toNewCampaign().window()).as("off by default").isNull();

        draft.windowEnabled.set(true);
        draft.windowZone.set("Mars/Olympus");
        draft.windowDays.forEach(d -> d.set(false));
        draft.windowFrom.set("2:00");
        draft.windowTo.set("25:00");
        assertThat(draft.checkRollout()).extracting(CampaignDraft.Problem::field)
                .containsExactly("windowZone", "windowDays", "windowHours");
        assertThat(draft.toNewCampaign().window()).as("nothing half-checked is sent").isNull();

        draft.windowZone.set(" Europe/Amsterdam ");
        draft.windowDays.get(0).set(true);
        draft.windowDays.get(4).set(true);
        draft.windowFrom.set("22:00");
        draft.windowTo.set("05:00");
        assertThat(draft.checkRollout()).isEmpty();
        assertThat(draft.toNewCampaign().window())
                .isEqualTo(new CampaignWindow("Europe/Amsterdam", List.of("MON", "FRI"), "22:00", "05:00"));
        draft.windowDays.forEach(d -> d.set(true));
        assertThat(draft.toNewCampaign().window().days()).as("every day is sent as no days").isNull();
        assertThat(draft.copy().toNewCampaign().window()).as("kept across a language switch")
                .isEqualTo(draft.toNewCampaign().window());
    }
}
