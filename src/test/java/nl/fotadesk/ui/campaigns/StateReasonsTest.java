package nl.fotadesk.ui.campaigns;

import nl.fotadesk.ui.I18n;
import org.junit.jupiter.api.Test;

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
        assertThat(StateReasons.pausedByThreshold(reason)).isTrue();
        assertThat(StateReasons.pausedByThreshold("paused by an operator")).isFalse();
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
        assertThat(StateReasons.pausedByThreshold(
                "phase 2 ended with 17 of 20 devices updated, below the success threshold of 90 %")).isTrue();
    }

    @Test
    void keepsAReasonItDoesNotKnow() {
        assertThat(StateReasons.explain(english, "something new")).isEqualTo("something new");
        assertThat(StateReasons.explain(english, null)).isEmpty();
    }
}
