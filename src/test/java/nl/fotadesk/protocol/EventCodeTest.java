package nl.fotadesk.protocol;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The codes are stable wire names, each documented for programs, and a detail carries exactly its code's arguments. */
class EventCodeTest {
    @Test
    void everyCodeHasItsOwnWireNameAndItsLineInTheApiDocumentation() throws IOException {
        String api = Files.readString(Path.of("docs", "api.md"));
        assertThat(Arrays.stream(EventCode.values()).map(EventCode::wireName)).doesNotHaveDuplicates();
        for (EventCode code : EventCode.values()) {
            assertThat(api).as(code.wireName()).contains("`" + code.wireName() + "`");
            assertThat(EventCode.fromWire(code.wireName())).contains(code);
            for (String arg : code.args()) {
                assertThat(api).as(code.wireName() + " " + arg).contains("`" + arg + "`");
            }
        }
    }

    @Test
    void aDetailTakesExactlyItsCodesArgumentsAndRunsAlreadyOnlyWhenItGivesAnUpdate() {
        EventDetail retry = EventCode.RETRY_AFTER_FAILURE.detail("retry 1 of 2 after fotaResult 8", 1, 2, 8);
        assertThat(retry.args()).containsExactly(java.util.Map.entry("attempt", 1), java.util.Map.entry("maxAttempts", 2),
                java.util.Map.entry("fotaResult", 8));
        assertThat(retry.runningAlready("2.0.0").args()).containsEntry(EventCode.RUNS_ALREADY, "2.0.0");
        assertThatThrownBy(() -> EventCode.RETRY_AFTER_FAILURE.detail("too few", 1, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventCode.PHASE_STARTED.detail("phase null", (Object) null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventCode.NO_PROGRESS.detail("no progress for 60 s", 60).runningAlready("2.0.0"))
                .isInstanceOf(IllegalStateException.class);
    }
}
