package nl.fotadesk.ui.campaigns;

import javafx.beans.property.SimpleStringProperty;
import nl.fotadesk.protocol.Imei;
import nl.fotadesk.protocol.api.CampaignWindow;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.protocol.api.NewCampaign;
import nl.fotadesk.protocol.api.PhaseSpec;
import nl.fotadesk.ui.I18n;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

    @Test
    void theWindowMayEndAtADateAndTimeInItsZone() {
        CampaignDraft draft = nightWindow("2026-11-27T10:00:00Z");
        draft.windowEndDate.set(LocalDate.parse("2026-12-06"));
        draft.windowEndTime.set(" 07:00 ");
        assertThat(draft.checkRollout()).isEmpty();
        assertThat(draft.toNewCampaign().window()).isEqualTo(new CampaignWindow("Europe/Amsterdam", null, "22:00",
                "05:00", "2026-12-06T06:00:00Z"));
        assertThat(draft.windowEndNote()).isEmpty();
        assertThat(draft.copy().toNewCampaign().window().endsAt()).as("kept across a language switch")
                .isEqualTo("2026-12-06T06:00:00Z");

        draft.windowEndDate.set(null);
        draft.windowEndTime.set("");
        assertThat(draft.toNewCampaign().window().endsAt()).as("cleared: no end").isNull();
    }

    @Test
    void anEndNeedsBothADateAndATimeStillToCome() {
        CampaignDraft draft = nightWindow("2026-11-27T10:00:00Z");
        draft.windowEndDate.set(LocalDate.parse("2026-12-06"));
        draft.windowEndTime.set("7:00");
        assertThat(draft.checkRollout()).extracting(CampaignDraft.Problem::key)
                .containsExactly("campaigns.check.windowEndTime");
        draft.windowEndDate.set(null);
        draft.windowEndTime.set("07:00");
        assertThat(draft.checkRollout()).extracting(CampaignDraft.Problem::field).containsExactly("windowEndDate");
        assertThat(draft.toNewCampaign().window()).as("nothing half-checked is sent").isNull();

        // 11:00 in Amsterdam is 10:00 UTC, the clock's now: not after it, so refused; a minute later is fine.
        draft.windowEndDate.set(LocalDate.parse("2026-11-27"));
        draft.windowEndTime.set("11:00");
        assertThat(draft.checkRollout()).extracting(CampaignDraft.Problem::key)
                .containsExactly("campaigns.check.windowEndPast");
        draft.windowEndTime.set("11:01");
        assertThat(draft.checkRollout()).isEmpty();
        assertThat(draft.toNewCampaign().window().endsAt()).isEqualTo("2026-11-27T10:01:00Z");
    }

    @Test
    void anEndAtATimeTheClocksSkipIsRefusedAndOneTheyShowTwiceIsTheFirst() {
        CampaignDraft draft = nightWindow("2026-01-05T10:00:00Z");
        CampaignTexts english = new CampaignTexts(new I18n(I18n.ENGLISH));
        CampaignTexts dutch = new CampaignTexts(new I18n(I18n.DUTCH));
        // Amsterdam, 29 March 2026: the clocks jump from 02:00 to 03:00.
        draft.windowEndDate.set(LocalDate.parse("2026-03-29"));
        draft.windowEndTime.set("02:30");
        List<CampaignDraft.Problem> problems = draft.checkRollout();
        assertThat(problems).extracting(CampaignDraft.Problem::field).containsExactly("windowEnd");
        CampaignDraft.Problem gap = problems.get(0);
        assertThat(english.text(gap.key(), english.args(gap.args()))).isEqualTo("02:30 does not exist on Mar 29, 2026"
                + " in Europe/Amsterdam: the clocks jump from 02:00 to 03:00. Choose another time, such as 03:00.");
        assertThat(dutch.text(gap.key(), dutch.args(gap.args()))).isEqualTo("02:30 bestaat niet op 29 mrt. 2026"
                + " in Europe/Amsterdam: de klok springt dan van 02:00 naar 03:00. Kies een andere tijd, zoals 03:00.");
        assertThat(draft.toNewCampaign().window()).isNull();
        draft.windowEndTime.set("03:00");
        assertThat(draft.toNewCampaign().window().endsAt()).isEqualTo("2026-03-29T01:00:00Z");

        // 25 October 2026: the clocks go back from 03:00 to 02:00, so 02:30 comes twice; the end is the first.
        draft.windowEndDate.set(LocalDate.parse("2026-10-25"));
        draft.windowEndTime.set("02:30");
        assertThat(draft.checkRollout()).isEmpty();
        assertThat(draft.toNewCampaign().window().endsAt()).isEqualTo("2026-10-25T00:30:00Z");
        CampaignDraft.Note note = draft.windowEndNote().orElseThrow();
        assertThat(note.args()).contains(ZoneOffset.ofHours(2), ZoneOffset.ofHours(1));
        assertThat(english.text(note.key(), english.args(note.args()))).isEqualTo("02:30 happens twice on Oct 25, 2026"
                + " in Europe/Amsterdam, as the clocks go back an hour: the window ends the first time, at 02:30"
                + " UTC+02:00, an hour before 02:30 UTC+01:00.");
        assertThat(dutch.text(note.key(), dutch.args(note.args()))).startsWith("02:30 komt twee keer voor op 25 okt. 2026");
        assertThat(english.windowMoment(draft.toNewCampaign().window(), "2026-10-25T00:30:00Z"))
                .as("the review names the offset too").isEqualTo("Oct 25, 2026, 02:30 UTC+02:00 (Europe/Amsterdam)");
    }

    /** A draft with a nightly window in Amsterdam, every day, on a clock stopped at {@code now}. */
    private static CampaignDraft nightWindow(String now) {
        CampaignDraft draft = new CampaignDraft(Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
        draft.firmware.set(TRACKER);
        draft.name.set("night");
        draft.windowEnabled.set(true);
        draft.windowZone.set("Europe/Amsterdam");
        draft.windowFrom.set("22:00");
        draft.windowTo.set("05:00");
        return draft;
    }
}
