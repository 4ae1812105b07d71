package nl.fotadesk.ui.campaigns;

import nl.fotadesk.protocol.api.CampaignState;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.CampaignWindow;
import nl.fotadesk.ui.I18n;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a campaign's window means for it now, as the banner says it, in English and Dutch. */
class WindowNotesTest {
    static final CampaignWindow NIGHTS = new CampaignWindow("Europe/Amsterdam", null, "02:00", "05:00");
    /** Thursday 3 December 2026, 12:00 in Amsterdam. */
    static final Instant NOON = Instant.parse("2026-12-03T11:00:00Z");
    final WindowNotes english = new WindowNotes(new CampaignTexts(new I18n(I18n.ENGLISH)));
    final WindowNotes dutch = new WindowNotes(new CampaignTexts(new I18n(I18n.DUTCH)));

    @Test
    void aRunningCampaignWaitsForItsWindowOnTheWindowsClock() {
        // 02:00 in Amsterdam on the 4th, the next day
        CampaignView c = campaign(CampaignState.RUNNING, NIGHTS, "2026-12-04T01:00:00Z", null);
        assertThat(english.waiting(c, NOON)).contains(
                "Waiting for the maintenance window, which opens tomorrow at 02:00 (Europe/Amsterdam).");
        assertThat(dutch.waiting(c, NOON)).contains(
                "Wacht op het onderhoudsvenster, dat morgen om 02:00 (Europe/Amsterdam) opengaat.");
        assertThat(english.waiting(c, Instant.parse("2026-12-03T23:30:00Z"))).as("after midnight in Amsterdam")
                .contains("Waiting for the maintenance window, which opens today at 02:00 (Europe/Amsterdam).");
        assertThat(english.waiting(c, Instant.parse("2026-12-01T11:00:00Z")))
                .contains("Waiting for the maintenance window, which opens on Dec 4, 2026 at 02:00 (Europe/Amsterdam).");
        assertThat(dutch.waiting(c, Instant.parse("2026-12-01T11:00:00Z")))
                .contains("Wacht op het onderhoudsvenster, dat op 4 dec. 2026 om 02:00 (Europe/Amsterdam) opengaat.");
    }

    @Test
    void aDraftOrAScheduledCampaignSaysWhenItsWindowOpensUnlessItIsOpenAtTheStart() {
        CampaignView draft = campaign(CampaignState.DRAFT, NIGHTS, "2026-12-04T01:00:00Z", null);
        assertThat(english.waiting(draft, NOON)).contains(
                "The maintenance window opens tomorrow at 02:00 (Europe/Amsterdam); no device gets the update before then.");
        assertThat(dutch.waiting(draft, NOON)).contains(
                "Het onderhoudsvenster gaat morgen om 02:00 (Europe/Amsterdam) open; tot dan krijgt geen apparaat de update.");
        CampaignView openAtItsStart = scheduled("2026-12-04T01:30:00Z", "2026-12-04T01:30:00Z");
        assertThat(english.waiting(openAtItsStart, NOON)).isEmpty();
        CampaignView closedAtItsStart = scheduled("2026-12-03T12:00:00Z", "2026-12-04T01:00:00Z");
        assertThat(english.waiting(closedAtItsStart, NOON)).get().asString().startsWith("The maintenance window opens");

        assertThat(english.waiting(campaign(CampaignState.PAUSED, NIGHTS, "2026-12-04T01:00:00Z", null), NOON))
                .as("a paused campaign waits for the operator, not the window").isEmpty();
        assertThat(english.waiting(campaign(CampaignState.RUNNING, NIGHTS, null, null), NOON)).as("open now").isEmpty();
    }

    @Test
    void onceTheWindowHasEndedTheHintSaysWhatIsNoLongerPossible() {
        CampaignWindow ending = new CampaignWindow("UTC", null, "02:00", "05:00", "2026-12-03T10:00:00Z");
        CampaignView paused = campaign(CampaignState.PAUSED, ending, null, Map.of("pending", 3));
        assertThat(WindowNotes.ended(paused, Instant.parse("2026-12-03T09:59:59Z"))).isFalse();
        assertThat(english.endedHint(paused, Instant.parse("2026-12-03T09:59:59Z"))).isEmpty();
        assertThat(WindowNotes.ended(paused, Instant.parse("2026-12-03T10:00:00Z"))).isTrue();
        assertThat(english.endedHint(paused, NOON)).contains("The maintenance window ended at Dec 3, 2026, 10:00 (UTC):"
                + " no device gets the update any more, so Start, Resume and Retry failed are off. Cancel ends the"
                + " campaign; devices not updated keep their firmware.");
        assertThat(dutch.endedHint(paused, NOON)).get().asString()
                .startsWith("Het onderhoudsvenster is afgelopen op 3 dec. 2026 om 10:00 (UTC): ");

        CampaignView failedSome = campaign(CampaignState.COMPLETED, ending, null, Map.of("succeeded", 8, "failed", 2));
        assertThat(english.endedHint(failedSome, NOON)).contains(
                "2 devices failed. The maintenance window ended at Dec 3, 2026, 10:00 (UTC), so Retry failed is off.");
        assertThat(english.endedHint(campaign(CampaignState.COMPLETED, ending, null, Map.of("succeeded", 10)), NOON))
                .isEmpty();
        assertThat(english.endedHint(campaign(CampaignState.CANCELLED, ending, null, Map.of("cancelled", 10)), NOON))
                .isEmpty();
        assertThat(english.waiting(campaign(CampaignState.RUNNING, ending, null, null), NOON)).isEmpty();
    }

    @Test
    void theViewLooksAgainWhenTheWindowOpensOrEnds() {
        CampaignWindow ending = new CampaignWindow("UTC", null, "02:00", "05:00", "2026-12-05T10:00:00Z");
        CampaignView c = campaign(CampaignState.RUNNING, ending, "2026-12-04T02:00:00Z", null);
        assertThat(WindowNotes.nextChange(c, NOON)).isEqualTo(Instant.parse("2026-12-04T02:00:00Z"));
        assertThat(WindowNotes.nextChange(c, Instant.parse("2026-12-04T03:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-05T10:00:00Z"));
        assertThat(WindowNotes.nextChange(c, Instant.parse("2026-12-06T00:00:00Z"))).isNull();
        assertThat(WindowNotes.nextChange(campaign(CampaignState.RUNNING, null, null, null), NOON)).isNull();
    }

    private static CampaignView scheduled(String scheduledAt, String opensAt) {
        return new CampaignView("c1", "Nights", "f1", "1.2.0", "tracker-x", CampaignState.SCHEDULED,
                "starts at " + scheduledAt, null, 90, 10, 3600, 1, false, scheduledAt, "2026-12-01T10:00:00Z", null,
                null, 10, Map.of("waiting", 10), 0, List.of(), NIGHTS, opensAt, true);
    }

    private static CampaignView campaign(CampaignState state, CampaignWindow window, String opensAt,
                                         Map<String, Integer> counts) {
        return new CampaignView("c1", "Nights", "f1", "1.2.0", "tracker-x", state, null, null, 90, 10, 3600, 1,
                false, null, "2026-12-01T10:00:00Z", null, null, 10, counts == null ? Map.of("pending", 10) : counts,
                0, List.of(), window, opensAt, true);
    }
}
