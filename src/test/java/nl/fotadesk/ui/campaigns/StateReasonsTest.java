package nl.fotadesk.ui.campaigns;

import nl.fotadesk.protocol.api.CampaignState;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.PhaseState;
import nl.fotadesk.protocol.api.PhaseView;
import nl.fotadesk.ui.I18n;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's reasons for a campaign's state, in the user's language. */
class StateReasonsTest {
    final I18n english = new I18n(I18n.ENGLISH);
    final I18n dutch = new I18n(I18n.DUTCH);

    @Test
    void explainsWhyACampaignPausedItself() {
        String reason = "phase 1: 3 of 20 devices failed, above the error threshold of 10 %";
        assertThat(StateReasons.explain(english, reason))
                .isEqualTo("Paused in phase 1: 3 of its 20 devices failed, more than the error threshold of 10%.");
        assertThat(StateReasons.explain(dutch, reason)).isEqualTo(
                "Gepauzeerd in fase 1: 3 van de 20 apparaten zijn mislukt, meer dan de foutdrempel van 10%.");
        assertThat(pausedByThreshold(reason)).isTrue();
        assertThat(pausedByThreshold("paused by an operator")).isFalse();
    }

    @Test
    void translatesTheOperatorsActionsAndTheEnd() {
        assertThat(StateReasons.explain(dutch, "paused by an operator")).isEqualTo("Gepauzeerd door een beheerder.");
        assertThat(StateReasons.explain(dutch, "paused by Olga Jansen (operator)"))
                .isEqualTo("Gepauzeerd door Olga Jansen (beheerder).");
        assertThat(StateReasons.explain(english, "cancelled by Sam (supplier)")).isEqualTo("Cancelled by Sam (supplier).");
        assertThat(StateReasons.explain(dutch, "resumed by the API key")).isEqualTo("Hervat door de API-sleutel.");
        assertThat(StateReasons.explain(english, "1200 devices updated, 3 failed"))
                .isEqualTo("1,200 devices updated, 3 failed.");
        assertThat(StateReasons.explain(dutch, "1200 devices updated, 3 failed"))
                .isEqualTo("1.200 apparaten bijgewerkt, 3 mislukt.");
        assertThat(pausedByThreshold(
                "phase 2 ended with 17 of 20 devices updated, below the success threshold of 90 %")).isTrue();
    }

    @Test
    void saysThatTheWindowEnded() {
        String reason = "the window ended at 2026-12-04T04:00:00Z";
        assertThat(StateReasons.explain(dutch, reason)).startsWith("Gepauzeerd: het venster sloot op ")
                .contains(dutch.dateTime("2026-12-04T04:00:00Z")).doesNotContain("2026-12-04T04");
        assertThat(StateReasons.explain(english, reason)).startsWith("Paused: its window closed on ");
        assertThat(pausedByThreshold(reason)).isFalse();
        assertThat(pausedByWindowEnd(reason)).isTrue();
        assertThat(pausedByWindowEnd("paused by an operator")).isFalse();
    }

    @Test
    void saysTheCountsAsTheyAreNowSoTheBannerAgreesWithTheCounters() {
        // Paused when 1 of 8 had failed; two more of the devices then busy failed since.
        PhaseView phase = new PhaseView(0, 8, PhaseState.RUNNING, Map.of("failed", 2, "timed_out", 1, "succeeded", 5), null, null);
        CampaignView c = new CampaignView("c1", "Pilot", "f1", "1.2.0", "tracker-x", CampaignState.PAUSED,
                "phase 1: 1 of 8 devices failed, above the error threshold of 10 %", null, 90, 10, 3600, 0, false,
                null, null, null, null, 8, Map.of("failed", 2, "timed_out", 1, "succeeded", 5), 0, List.of(phase));
        assertThat(StateReasons.explainNow(english, c))
                .isEqualTo("Paused in phase 1: 3 of its 8 devices failed, more than the error threshold of 10%.");
        CampaignView completed = new CampaignView("c1", "Pilot", "f1", "1.2.0", "tracker-x", CampaignState.COMPLETED,
                "5 devices updated, 1 failed", null, 90, 10, 3600, 0, false, null, null, null, null, 8,
                Map.of("failed", 2, "timed_out", 1, "succeeded", 5), -1, List.of(phase));
        assertThat(StateReasons.explainNow(english, completed)).isEqualTo("5 devices updated, 3 failed.");
        assertThat(StateReasons.explainNow(english, new CampaignView("c1", "Pilot", "f1", "1.2.0", "tracker-x",
                CampaignState.PAUSED, "paused by an operator", null, 90, 10, 3600, 0, false, null, null, null, null, 8,
                Map.of(), 0, List.of(phase)))).isEqualTo("Paused by an operator.");
    }

    @Test
    void afterARetryTheBannerSaysTheFailuresGotANewAttemptNotThatTheyFailed() {
        // Paused when 3 of 8 had failed; "Retry failed" gave those 3 a new attempt.
        String reason = "phase 1: 3 of 8 devices failed, above the error threshold of 10 %";
        CampaignView retried = paused(reason, Map.of("pending", 3, "succeeded", 5));
        assertThat(StateReasons.explainNow(english, retried)).isEqualTo("Paused in phase 1 at the error threshold of"
                + " 10%. Its failed devices got a new attempt; now none of its 8 devices has failed.");
        assertThat(StateReasons.explainNow(dutch, retried)).isEqualTo("Gepauzeerd in fase 1 bij de foutdrempel van"
                + " 10%. De mislukte apparaten kregen een nieuwe poging; nu is geen van de 8 apparaten mislukt.");
        assertThat(StateReasons.retriedSincePause(retried)).isTrue();
        CampaignView oneFailedAgain = paused(reason, Map.of("pending", 2, "failed", 1, "succeeded", 5));
        assertThat(StateReasons.explainNow(dutch, oneFailedAgain)).endsWith("nu is 1 van de 8 apparaten mislukt.");
        assertThat(StateReasons.explainNow(english, oneFailedAgain)).endsWith("now 1 of its 8 devices has failed.");
        CampaignView notRetried = paused(reason, Map.of("failed", 3, "succeeded", 5));
        assertThat(StateReasons.retriedSincePause(notRetried)).isFalse();
        assertThat(StateReasons.explainNow(english, notRetried)).startsWith("Paused in phase 1: 3 of its 8 devices failed");
    }

    @Test
    void saysNoneWhenNoDeviceFailed() {
        String reason = "phase 1: 0 of 8 devices failed, above the error threshold of 10 %";
        assertThat(StateReasons.explain(english, reason))
                .isEqualTo("Paused in phase 1: none of its 8 devices failed, more than the error threshold of 10%.");
        assertThat(StateReasons.explain(dutch, reason)).isEqualTo(
                "Gepauzeerd in fase 1: geen van de 8 apparaten is mislukt, meer dan de foutdrempel van 10%.");
        assertThat(StateReasons.explain(dutch, "phase 1: 1 of 8 devices failed, above the error threshold of 10 %"))
                .startsWith("Gepauzeerd in fase 1: 1 van de 8 apparaten is mislukt");
    }

    @Test
    void aCodedReasonIsWordedFromItsCodeAndArgumentsWithTheCountsAsTheyAreNow() {
        PhaseView phase = new PhaseView(0, 8, PhaseState.RUNNING, Map.of("pending", 3, "succeeded", 5), null, null);
        CampaignView retried = coded(CampaignState.PAUSED, "error_threshold_reached",
                Map.of("phase", 1, "failed", 3, "total", 8, "threshold", 10), phase);
        assertThat(StateReasons.explainNow(dutch, retried)).isEqualTo("Gepauzeerd in fase 1 bij de foutdrempel van"
                + " 10%. De mislukte apparaten kregen een nieuwe poging; nu is geen van de 8 apparaten mislukt.");
        assertThat(StateReasons.retriedSincePause(retried)).isTrue();
        assertThat(StateReasons.pausedByThreshold(retried)).isTrue();
        assertThat(StateReasons.pausedByWindowEnd(retried)).isFalse();

        CampaignView ended = coded(CampaignState.PAUSED, "window_ended", Map.of("at", "2026-12-04T04:00:00Z"), phase);
        assertThat(StateReasons.pausedByWindowEnd(ended)).isTrue();
        assertThat(StateReasons.explainNow(dutch, ended)).startsWith("Gepauzeerd: het venster sloot op ")
                .contains(dutch.dateTime("2026-12-04T04:00:00Z"));
        assertThat(StateReasons.explainNow(dutch, coded(CampaignState.PAUSED, "paused_by",
                Map.of("actorName", "Olga Jansen", "actorRole", "operator"), phase)))
                .isEqualTo("Gepauzeerd door Olga Jansen (beheerder).");
        assertThat(StateReasons.explainNow(dutch, coded(CampaignState.PAUSED, "threshold_of_all", Map.of("phase", 2),
                phase))).startsWith("Gepauzeerd in fase 2 door de fout- of succesdrempel");
        assertThat(StateReasons.explainNow(english, coded(CampaignState.COMPLETED, "campaign_completed",
                Map.of("succeeded", 1, "failed", 0), phase))).as("the counts now").isEqualTo("5 devices updated, 0 failed.");
        assertThat(StateReasons.explainNow(english, coded(CampaignState.RUNNING, "campaign_started", Map.of(), phase)))
                .as("running as started: the banner says it").isEmpty();
    }

    /** A campaign whose reason has a code; its English is one no pattern knows, so only the code can word it. */
    private static CampaignView coded(CampaignState state, String code, Map<String, Object> args, PhaseView phase) {
        return new CampaignView("c1", "Pilot", "f1", "1.2.0", "tracker-x", state, "words of a newer server", null, 90,
                10, 3600, 0, false, null, null, null, null, 8, phase.counts(), 0, List.of(phase), null, null, true,
                code, args);
    }

    private static boolean pausedByThreshold(String reason) {
        return StateReasons.pausedByThreshold(paused(reason, Map.of()));
    }

    private static boolean pausedByWindowEnd(String reason) {
        return StateReasons.pausedByWindowEnd(paused(reason, Map.of()));
    }

    private static CampaignView paused(String reason, Map<String, Integer> counts) {
        PhaseView phase = new PhaseView(0, 8, PhaseState.RUNNING, counts, null, null);
        return new CampaignView("c1", "Pilot", "f1", "1.2.0", "tracker-x", CampaignState.PAUSED, reason, null, 90, 10,
                3600, 0, false, null, null, null, null, 8, counts, 0, List.of(phase));
    }

    @Test
    void explainsAPauseToAUserWhoSeesPartOfTheCampaign() {
        String reason = "phase 2 paused the campaign at its thresholds, which count all of its devices";
        assertThat(StateReasons.explain(english, reason)).isEqualTo("Paused in phase 2 by the campaign's error or"
                + " success threshold, which counts all of its devices, also those you do not see.");
        assertThat(StateReasons.explain(dutch, reason)).isEqualTo("Gepauzeerd in fase 2 door de fout- of succesdrempel"
                + " van de campagne, die al haar apparaten telt, ook die u niet ziet.");
    }

    @Test
    void keepsAReasonItDoesNotKnow() {
        assertThat(StateReasons.explain(english, "something new")).isEqualTo("something new");
        assertThat(StateReasons.explain(english, null)).isEmpty();
    }
}
