package nl.fotadesk.ui.devices;

import nl.fotadesk.ui.I18n;
import nl.fotadesk.ui.Settings;
import nl.fotadesk.ui.UiContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Locale;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/** Every description the server gives a device event, in English and in Dutch; unknown ones as they are. */
class HistoryTextTest {
    @ParameterizedTest(name = "{1} ({0})")
    @CsvSource(delimiter = '|', textBlock = """
            succeeded   | reports firmware 2.0.0                             | Reports firmware 2.0.0                                        | Meldt firmware 2.0.0
            failed      | reports fotaResult 5                               | Integrity check failed                                        | Integriteitscontrole mislukt
            downloading | reports fotaState downloading, 40 %                | 40% downloaded                                                | 40% gedownload
            downloading | reports 40 %                                       | 40% downloaded                                                | 40% gedownload
            downloaded  | reports fotaState downloaded                       |                                                               |
            notified    | sent the download URL                              |                                                               |
            pending     | desired firmware set to 2.0.0                      | Desired firmware set to 2.0.0                                 | Gewenste firmware ingesteld op 2.0.0
            in_sync     | desired firmware set to 2.0.0; it runs 2.0.0 already | Desired firmware set to 2.0.0. It runs 2.0.0 already: nothing to download | Gewenste firmware ingesteld op 2.0.0. Er draait al 2.0.0 op: er valt niets te downloaden
            pending     | campaign "Trackers to 2.0.0", phase 2              |                                                               |
            in_sync     | campaign "Trackers", phase 1; it runs 2.0.0 already | It runs 2.0.0 already: nothing to download                   | Er draait al 2.0.0 op: er valt niets te downloaden
            pending     | retry 1 of 1 after fotaResult 8                    | Retry 1 of 1 after: Firmware update failed                    | Nieuwe poging 1 van 1 na: Firmware-update mislukt
            pending     | retry 2 of 3 after no progress for 3600 s          | Retry 2 of 3 after: No progress for 3,600 seconds             | Nieuwe poging 2 van 3 na: Geen voortgang in 3.600 seconden
            timed_out   | no progress for 90 s                               | No progress for 90 seconds                                    | Geen voortgang in 90 seconden
            pending     | retried by an operator                             | Retried by an operator                                        | Opnieuw geprobeerd door een beheerder
            pending     | retried by Olga Jansen (operator)                  | Retried by Olga Jansen (operator)                             | Opnieuw geprobeerd door Olga Jansen (beheerder)
            pending     | retried by the API key                             | Retried by the API key                                        | Opnieuw geprobeerd door de API-sleutel
            cancelled   | campaign cancelled                                 | The campaign was cancelled                                    | De campagne is geannuleerd
            cancelled   | the device was given another update                | The device was given another update                           | Het apparaat kreeg een andere update
            failed      | something new from a newer server                  | something new from a newer server                             | something new from a newer server
            """)
    void putsEachKnownDescriptionInWords(String state, String server, String english, String dutch) {
        assertThat(text(Locale.ENGLISH).detail(state, server)).isEqualTo(english);
        assertThat(text(I18n.DUTCH).detail(state, server)).isEqualTo(dutch);
    }

    private static HistoryText text(Locale language) {
        UiContext context = UiContext.sameThread(null, new I18n(language),
                new Settings(Preferences.userRoot().node("nl/fotadesk/test/" + System.nanoTime())));
        return new HistoryText(context, new DeviceTexts(context));
    }
}
