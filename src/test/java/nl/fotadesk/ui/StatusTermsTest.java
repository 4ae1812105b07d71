package nl.fotadesk.ui;

import nl.fotadesk.protocol.api.ActionState;
import nl.fotadesk.protocol.api.CampaignState;
import nl.fotadesk.protocol.api.DeviceStatus;
import nl.fotadesk.protocol.api.PhaseState;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every status has words in both languages, and a device and its campaign state read and colour alike. */
class StatusTermsTest {
    private final List<I18n> languages = I18n.LANGUAGES.stream().map(I18n::new).toList();

    @Test
    void everyStatusHasWordsInEveryLanguage() {
        for (I18n i18n : languages) {
            Arrays.stream(DeviceStatus.values()).forEach(s -> assertThat(i18n.has(StatusTerms.labelKey(s))).as("%s", s).isTrue());
            Arrays.stream(ActionState.values()).forEach(s -> assertThat(i18n.has(StatusTerms.labelKey(s))).as("%s", s).isTrue());
            Arrays.stream(CampaignState.values()).forEach(s -> assertThat(i18n.has(StatusTerms.labelKey(s))).as("%s", s).isTrue());
            Arrays.stream(PhaseState.values()).forEach(s -> assertThat(i18n.has(StatusTerms.labelKey(s))).as("%s", s).isTrue());
        }
    }

    @Test
    void aRunningPhaseReadsAsItsRunningCampaign() {
        I18n dutch = new I18n(I18n.DUTCH);
        assertThat(dutch.get(StatusTerms.labelKey(PhaseState.RUNNING))).isEqualTo(dutch.get(StatusTerms.labelKey(CampaignState.RUNNING)))
                .isEqualTo("Actief");
    }

    @Test
    void aDeviceStatusAndTheSameCampaignStateShareWordsAndColour() {
        for (ActionState a : ActionState.values()) {
            if (a == ActionState.WAITING) {
                continue;
            }
            DeviceStatus d = DeviceStatus.fromWire(a.wireName());
            assertThat(StatusTerms.labelKey(a)).isEqualTo(StatusTerms.labelKey(d));
            assertThat(StatusTerms.tone(a)).isEqualTo(StatusTerms.tone(d));
        }
        assertThat(StatusTerms.tone(ActionState.WAITING)).isEqualTo(StatusTerms.NEUTRAL);
        assertThat(StatusTerms.tone(DeviceStatus.IN_SYNC)).isEqualTo(StatusTerms.OK);
        assertThat(StatusTerms.tone((DeviceStatus) null)).isEqualTo(StatusTerms.NEUTRAL);
        assertThat(StatusTerms.styleClass(CampaignState.RUNNING)).isEqualTo("state-running");
    }
}
