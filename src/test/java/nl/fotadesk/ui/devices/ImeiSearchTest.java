package nl.fotadesk.ui.devices;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The IMEI search as typed and as applied, without a screen. */
class ImeiSearchTest {
    @ParameterizedTest(name = "\"{0}\" searches \"{1}\", other than digits: {2}")
    @CsvSource(nullValues = "null", value = {
            "'',               '',              false",
            "3533 2211-0642,   35332211 0642,   false",
            "35a1,             351,             true",
            "null,             '',              false",
    })
    void searchesTheDigitsTyped(String typed, String digits, boolean other) {
        assertThat(ImeiSearch.digits(typed)).isEqualTo(digits.replace(" ", ""));
        assertThat(ImeiSearch.hasNonDigits(typed)).isEqualTo(other);
    }

    @Test
    void isPendingWhileTypedDigitsAreNotApplied() {
        ImeiSearch search = new ImeiSearch();
        search.typedProperty().set("35-33");
        assertThat(search.pendingProperty().get()).isTrue();
        assertThat(search.applied()).isEmpty();

        assertThat(search.apply()).as("changed what is searched").isTrue();
        assertThat(search.applied()).isEqualTo("3533");
        assertThat(search.pendingProperty().get()).isFalse();

        search.typedProperty().set("3533 ");
        assertThat(search.pendingProperty().get()).as("the same digits").isFalse();
        assertThat(search.apply()).isFalse();

        search.clear();
        assertThat(search.applied()).isEmpty();
        assertThat(search.typedProperty().get()).isEmpty();
        assertThat(search.pendingProperty().get()).isFalse();
    }
}
