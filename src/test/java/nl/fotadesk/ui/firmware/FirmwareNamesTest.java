package nl.fotadesk.ui.firmware;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks of typed device types and versions, the guess from a file name, and the order of versions. */
class FirmwareNamesTest {
    static final List<String> TYPES = List.of("tracker-x", "tracker-x-pro", "meter-y");

    @Test
    void versionsFollowTheServersRule() {
        assertThat(FirmwareNames.versionProblem("1.3.0")).isEmpty();
        assertThat(FirmwareNames.versionProblem("2.0.0-rc.1+build_7")).isEmpty();
        assertThat(FirmwareNames.versionProblem("")).get().extracting(FirmwareNames.Problem::key)
                .isEqualTo("firmware.version.missing");
        assertThat(FirmwareNames.versionProblem("-1.0")).get()
                .isEqualTo(new FirmwareNames.Problem("firmware.version.badStart", "-"));
        assertThat(FirmwareNames.versionProblem("1.0/beta")).get()
                .isEqualTo(new FirmwareNames.Problem("firmware.version.badChar", "/"));
        assertThat(FirmwareNames.versionProblem("1 0")).get().extracting(FirmwareNames.Problem::argument)
                .as("a space is shown visibly").isEqualTo("\u2423");
        assertThat(FirmwareNames.versionProblem("1".repeat(64))).isEmpty();
        assertThat(FirmwareNames.versionProblem("1".repeat(65))).get().extracting(FirmwareNames.Problem::key)
                .isEqualTo("firmware.version.tooLong");
    }

    @Test
    void deviceTypesFollowTheServersRule() {
        assertThat(FirmwareNames.deviceTypeProblem("tracker-x")).isEmpty();
        assertThat(FirmwareNames.deviceTypeProblem("Compteur \u00e9lectrique 2")).isEmpty();
        assertThat(FirmwareNames.deviceTypeProblem("_x")).get().extracting(FirmwareNames.Problem::key)
                .isEqualTo("firmware.type.badStart");
        assertThat(FirmwareNames.deviceTypeProblem("a/b")).get().extracting(FirmwareNames.Problem::key)
                .isEqualTo("firmware.type.badChar");
    }

    @Test
    void guessesTypeAndVersionFromTheFileName() {
        assertThat(FirmwareNames.guess("tracker-x-1.3.0.bin", TYPES)).isEqualTo(new FirmwareNames.Guess("tracker-x", "1.3.0"));
        assertThat(FirmwareNames.guess("tracker-x-pro_v2.0.1-rc1.hex", TYPES))
                .isEqualTo(new FirmwareNames.Guess("tracker-x-pro", "2.0.1-rc1"));
        assertThat(FirmwareNames.guess("METER-Y 2.2.0.signed.bin", TYPES)).isEqualTo(new FirmwareNames.Guess("meter-y", "2.2.0"));
        assertThat(FirmwareNames.guess("firmware_v4.1.bin", TYPES)).isEqualTo(new FirmwareNames.Guess(null, "4.1"));
        assertThat(FirmwareNames.guess("image.bin", TYPES)).isEqualTo(new FirmwareNames.Guess(null, null));
        assertThat(FirmwareNames.guess("tracker-xylophone-1.0.bin", TYPES)).isEqualTo(new FirmwareNames.Guess(null, "1.0"));
    }

    @Test
    void remarksOnAVersionWrittenWithV() {
        assertThat(FirmwareNames.versionHint("v1.2")).contains(new FirmwareNames.Problem("firmware.version.vPrefix", "1.2"));
        assertThat(FirmwareNames.versionHint("V2.0.1")).isPresent();
        assertThat(FirmwareNames.versionHint("1.2")).isEmpty();
        assertThat(FirmwareNames.versionHint("vega-1")).as("a name, not a v before a number").isEmpty();
    }
}
