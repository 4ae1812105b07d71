package nl.fotadesk.ui.devices;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.fotadesk.protocol.api.CampaignState;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.EventView;
import nl.fotadesk.ui.I18n;
import nl.fotadesk.ui.Settings;
import nl.fotadesk.ui.UiContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The campaign line, and the detail of every entry: from its code and arguments, or for an entry written before
 * codes were from every description the server gave then; in English and in Dutch; unknown ones as they are.
 */
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
            pending     | desired firmware set to 2.0.0 by Sam Smit (supplier) | Desired firmware set to 2.0.0 by Sam Smit (supplier)        | Gewenste firmware ingesteld op 2.0.0 door Sam Smit (leverancier)
            pending     | desired firmware set to 2.0.0 by the API key       | Desired firmware set to 2.0.0 by the API key                  | Gewenste firmware ingesteld op 2.0.0 door de API-sleutel
            in_sync     | desired firmware set to 2.0.0 by cora (customer); it runs 2.0.0 already | Desired firmware set to 2.0.0 by cora (customer). It runs 2.0.0 already: nothing to download | Gewenste firmware ingesteld op 2.0.0 door cora (klant). Er draait al 2.0.0 op: er valt niets te downloaden
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
    void putsEachKnownDescriptionOfAnEntryWithoutCodeInWords(String state, String server, String english, String dutch) {
        EventView e = entry(state, server, null, null);
        assertThat(text(Locale.ENGLISH).detail(e)).isEqualTo(english);
        assertThat(text(I18n.DUTCH).detail(e)).isEqualTo(dutch);
    }

    @ParameterizedTest(name = "{1} {2} ({0})")
    @CsvSource(delimiter = '|', textBlock = """
            succeeded   | reports_firmware        | {"version":"2.0.0"}                                  | Reports firmware 2.0.0                                | Meldt firmware 2.0.0
            failed      | reports_failure         | {"fotaResult":5}                                     | The device reports: Integrity check failed            | Het apparaat meldt: Integriteitscontrole mislukt
            downloading | reports_progress        | {"progress":40}                                      | 40% downloaded                                        | 40% gedownload
            downloaded  | reports_progress        | {"progress":100}                                     |                                                       |
            downloading | reports_state           | {"fotaState":"downloading"}                          |                                                       |
            notified    | download_url_sent       | {}                                                   |                                                       |
            pending     | given_by_campaign       | {"campaignName":"Trackers","phase":2}                |                                                       |
            in_sync     | given_by_campaign       | {"campaignName":"Trackers","phase":1,"runsAlready":"2.0.0"} | It runs 2.0.0 already: nothing to download      | Er draait al 2.0.0 op: er valt niets te downloaden
            pending     | desired_set             | {"version":"2.0.0","actorName":"Sam Smit","actorRole":"supplier"} | Desired firmware set to 2.0.0 by Sam Smit (supplier) | Gewenste firmware ingesteld op 2.0.0 door Sam Smit (leverancier)
            in_sync     | desired_set             | {"version":"2.0.0","actorName":"API key","actorRole":"api_key","runsAlready":"2.0.0"} | Desired firmware set to 2.0.0 by the API key. It runs 2.0.0 already: nothing to download | Gewenste firmware ingesteld op 2.0.0 door de API-sleutel. Er draait al 2.0.0 op: er valt niets te downloaden
            pending     | retry_after_failure     | {"attempt":1,"maxAttempts":1,"fotaResult":8}         | Retry 1 of 1 after: Firmware update failed            | Nieuwe poging 1 van 1 na: Firmware-update mislukt
            pending     | retry_after_no_progress | {"attempt":2,"maxAttempts":3,"seconds":3600}         | Retry 2 of 3 after 3,600 seconds without progress     | Nieuwe poging 2 van 3 na 3.600 seconden zonder voortgang
            timed_out   | no_progress             | {"seconds":1}                                        | No progress for 1 second                              | Geen voortgang in 1 seconde
            pending     | retried_by              | {"actorName":"Olga Jansen","actorRole":"operator"}   | Retried by Olga Jansen (operator)                     | Opnieuw geprobeerd door Olga Jansen (beheerder)
            cancelled   | cancelled_with_campaign | {}                                                   | The campaign was cancelled                            | De campagne is geannuleerd
            cancelled   | given_another_update    | {}                                                   | The device was given another update                   | Het apparaat kreeg een andere update
            failed      | code_of_a_newer_server  | {}                                                   | what a newer server says                              | what a newer server says
            failed      | reports_failure         | {}                                                   | what a newer server says                              | what a newer server says
            """)
    void putsTheCodeOfAnEntryInWordsOrItsDetailWhenTheCodeIsUnknownOrIncomplete(String state, String code, String args,
                                                                                String english, String dutch)
            throws Exception {
        EventView e = entry(state, "what a newer server says", code, new ObjectMapper().readValue(args, Map.class));
        assertThat(text(Locale.ENGLISH).detail(e)).isEqualTo(english);
        assertThat(text(I18n.DUTCH).detail(e)).isEqualTo(dutch);
    }

    @SuppressWarnings("unchecked")
    private static EventView entry(String state, String detail, String code, Map<?, ?> args) {
        return new EventView(1, "2026-12-03T10:00:00Z", "device", "c1", 0, "350000000000011", state, detail, null,
                code, (Map<String, Object>) args);
    }

    @ParameterizedTest(name = "campaign {0}, phase {1}")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            c1 | 1 | By campaign “Trackers to 2.0”, phase 2 | Door campagne “Trackers to 2.0”, fase 2
            c1 | - | By campaign “Trackers to 2.0”          | Door campagne “Trackers to 2.0”
            c9 | 0 | By a campaign                          | Door een campagne
            """)
    void namesTheCampaignOfAnEntryWhenItIsKnown(String campaignId, Integer phase, String english, String dutch) {
        EventView e = new EventView(1, "2026-12-03T10:00:00Z", "device", campaignId, phase, "350000000000011",
                "pending", "");
        HistoryCampaigns known = new HistoryCampaigns(Map.of("c1", new CampaignView("c1", "Trackers to 2.0", "fw",
                "2.0.0", "tracker-x", CampaignState.RUNNING, null, null, 90, 10, 3600, 1, false, null, null, null, null,
                1, Map.of(), 0, List.of())), null);
        assertThat(text(Locale.ENGLISH).campaignLine(e, known)).isEqualTo(english);
        assertThat(text(I18n.DUTCH).campaignLine(e, known)).isEqualTo(dutch);
        assertThat(text(Locale.ENGLISH).campaignLine(new EventView(2, null, "device", null, null, "350000000000011",
                "pending", "desired firmware set to 2.0.0"), known)).as("no campaign").isNull();
    }

    private static HistoryText text(Locale language) {
        UiContext context = UiContext.sameThread(null, new I18n(language),
                new Settings(Preferences.userRoot().node("nl/fotadesk/test/" + System.nanoTime())));
        return new HistoryText(context, new DeviceTexts(context));
    }
}
