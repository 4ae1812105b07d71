package nl.fotadesk.ui.requests;

import nl.fotadesk.protocol.api.RequestState;
import nl.fotadesk.protocol.api.RequestStep;
import nl.fotadesk.ui.I18n;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A request's history in the app's language: the server's codes worded, an operator's words kept. */
class RequestStepsTest {
    private static final String AT = "2026-12-03T10:00:00Z";

    private static RequestStep step(RequestState state, String detail, String code, String... args) {
        return new RequestStep(AT, "Olga Jansen (operator)", state, detail, code, List.of(args));
    }

    @Test
    void theDutchAppShowsTheServersNotesInDutch() {
        I18n dutch = new I18n(I18n.DUTCH);
        assertThat(RequestSteps.detail(dutch, step(RequestState.SUBMITTED, "38 devices", RequestStep.DEVICES, "38")))
                .isEqualTo("38 apparaten");
        assertThat(RequestSteps.detail(dutch, step(RequestState.SUBMITTED, "1 devices", RequestStep.DEVICES, "1")))
                .isEqualTo("1 apparaat");
        assertThat(RequestSteps.detail(dutch, step(RequestState.APPROVED, "campaign \"GPS fix\" for 1200 devices",
                RequestStep.CAMPAIGN, "GPS fix", "1200"))).isEqualTo("campagne \u201cGPS fix\u201d voor 1.200 apparaten");
        assertThat(RequestSteps.detail(new I18n(I18n.ENGLISH), step(RequestState.SUBMITTED, "38 devices",
                RequestStep.DEVICES, "38"))).isEqualTo("38 devices");
    }

    @Test
    void wordsWithoutAKnownCodeAreShownAsWritten() {
        I18n dutch = new I18n(I18n.DUTCH);
        assertThat(RequestSteps.detail(dutch, new RequestStep(AT, "Olga", RequestState.REJECTED, "release notes missing")))
                .as("an operator's reason").isEqualTo("release notes missing");
        assertThat(RequestSteps.detail(dutch, step(RequestState.SUBMITTED, "from a newer server", "later", "1")))
                .isEqualTo("from a newer server");
        assertThat(RequestSteps.detail(dutch, step(RequestState.SUBMITTED, "38 devices", RequestStep.DEVICES, "many")))
                .isEqualTo("38 devices");
        assertThat(RequestSteps.detail(dutch, new RequestStep(AT, "Olga", RequestState.IN_REVIEW, null))).isEmpty();
    }
}
