package nl.fotadesk.ui.requests;

import nl.fotadesk.protocol.api.RequestComment;
import nl.fotadesk.protocol.api.RequestState;
import nl.fotadesk.protocol.api.RequestStep;
import nl.fotadesk.protocol.api.RequestView;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.ui.FakeFotaDeskClient;
import nl.fotadesk.ui.I18n;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request's history in the app's language: each step's state with what the server noted, worded as the
 * request's event is (one text for both), an operator's words kept, and the comments among the steps.
 */
class RequestTextsTest {
    private static final String AT = "2026-12-03T10:00:00Z";
    private static final I18n DUTCH = new I18n(I18n.DUTCH);
    private static final I18n ENGLISH = new I18n(I18n.ENGLISH);

    private static RequestStep step(RequestState state, String detail, String code, String... args) {
        return new RequestStep(AT, "Olga Jansen (operator)", state, detail, code, List.of(args));
    }

    @Test
    void theServersNotesReadInTheAppsLanguage() {
        assertThat(RequestTexts.step(DUTCH, step(RequestState.SUBMITTED, "38 devices", RequestStep.DEVICES, "38")))
                .isEqualTo("ingediend \u2013 38 apparaten");
        assertThat(RequestTexts.step(DUTCH, step(RequestState.SUBMITTED, "1 devices", RequestStep.DEVICES, "1")))
                .isEqualTo("ingediend \u2013 1 apparaat");
        assertThat(RequestTexts.step(DUTCH, step(RequestState.APPROVED, "campaign \"GPS fix\" for 1200 devices",
                RequestStep.CAMPAIGN, "GPS fix", "1200")))
                .isEqualTo("goedgekeurd \u2013 campagne \u201cGPS fix\u201d voor 1.200 apparaten");
        assertThat(RequestTexts.step(ENGLISH, step(RequestState.APPROVED, "campaign \"GPS fix\" for 1200 devices",
                RequestStep.CAMPAIGN, "GPS fix", "1200")))
                .isEqualTo("approved \u2013 campaign \u201cGPS fix\u201d for 1,200 devices");
    }

    @Test
    void anOperatorsReasonIsKeptAndAStepWithNothingNotedIsItsState() {
        assertThat(RequestTexts.step(DUTCH, new RequestStep(AT, "Olga", RequestState.REJECTED, "release notes missing")))
                .isEqualTo("afgewezen \u2013 reden: release notes missing");
        assertThat(RequestTexts.step(ENGLISH, new RequestStep(AT, "Olga", RequestState.IN_REVIEW, null)))
                .isEqualTo("in review");
        assertThat(RequestTexts.step(DUTCH, new RequestStep(AT, "Rita", RequestState.WITHDRAWN, null)))
                .isEqualTo("ingetrokken");
    }

    @Test
    void aCodeThisVersionDoesNotKnowShowsTheServersEnglish() {
        assertThat(RequestTexts.step(DUTCH, step(RequestState.SUBMITTED, "from a newer server", "later", "1")))
                .isEqualTo("ingediend \u2013 from a newer server");
        assertThat(RequestTexts.step(DUTCH, step(RequestState.SUBMITTED, "38 devices", RequestStep.DEVICES, "many")))
                .isEqualTo("ingediend \u2013 38 devices");
    }

    @Test
    void theHistoryListsStepsAndCommentsByTheMomentWithWhoDidIt() {
        RequestView filed = FakeFotaDeskClient.request("r1", RequestState.IN_REVIEW, "tracker", "2.0.0", 3);
        RequestView r = FakeFotaDeskClient.with(filed,
                List.of(new RequestStep("2026-12-03T10:00:00.5Z", "Rita Acme (requester)", RequestState.SUBMITTED,
                                "3 devices", RequestStep.DEVICES, List.of("3")),
                        new RequestStep("2026-12-03T11:00:00Z", "Olga Jansen (operator)", RequestState.IN_REVIEW, null)),
                List.of(new RequestComment("2026-12-03T10:00:00Z", "Olga Jansen (operator)", Role.OPERATOR, "Which?"),
                        new RequestComment("2026-12-03T10:30:00Z", "Rita Acme (requester)", Role.REQUESTER, "All.")));
        assertThat(RequestTexts.history(DUTCH, r)).containsExactly(
                DUTCH.dateTime("2026-12-03T10:00:00Z") + "  Olga Jansen (beheerder)  nieuwe opmerking",
                DUTCH.dateTime("2026-12-03T10:00:00.5Z") + "  Rita Acme (aanvrager)  ingediend \u2013 3 apparaten",
                DUTCH.dateTime("2026-12-03T10:30:00Z") + "  Rita Acme (aanvrager)  nieuwe opmerking",
                DUTCH.dateTime("2026-12-03T11:00:00Z") + "  Olga Jansen (beheerder)  in beoordeling");
    }

    @Test
    void aRequestsTitleAndCampaignCountTheirDevicesInTheRightForm() {
        assertThat(ENGLISH.get("requests.detail.title", "tracker", "2.0.0", 1)).isEqualTo("tracker 2.0.0: 1 device");
        assertThat(DUTCH.get("requests.detail.title", "tracker", "2.0.0", 1)).isEqualTo("tracker 2.0.0: 1 apparaat");
        assertThat(DUTCH.get("requests.detail.title", "tracker", "2.0.0", 1200)).isEqualTo("tracker 2.0.0: 1.200 apparaten");
        assertThat(DUTCH.get("requests.detail.campaign", "Voltooid", 1, 1)).isEqualTo("Campagne: Voltooid, 1 van 1 apparaat klaar");
        assertThat(ENGLISH.get("requests.detail.campaign", "Running", 40, 50)).isEqualTo("Campaign: Running, 40 of 50 devices done");
    }
}
