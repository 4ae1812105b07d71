package nl.fotadesk.cli;

import nl.fotadesk.ui.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Without GTK or a display the app and the screenshots command say what is missing and exit, never hang. */
class GuiUnavailableTest {
    static final String NO_GTK = "Unable to load glass GTK library.";

    @TempDir
    Path folder;

    @Test
    void javafxFindingNoGtkOrNoDisplayIsExplainedWithTheFixAndTheCommandsThatNeedNoWindow() {
        I18n english = new I18n(I18n.ENGLISH);
        RuntimeException launch = new RuntimeException("Application launch failed",
                new UnsupportedOperationException(NO_GTK));
        assertThat(GuiUnavailable.explain(launch, english)).hasValueSatisfying(text -> assertThat(text)
                .contains("GTK 3", "sudo apt install libgtk-3-0", "fota-desk server", "fota-desk demo --headless")
                .doesNotContain("Exception"));
        assertThat(GuiUnavailable.explain(new UnsupportedOperationException(NO_GTK), new I18n(I18n.DUTCH)))
                .hasValueSatisfying(text -> assertThat(text).contains("niet ge\u00efnstalleerd", "apt install libgtk-3-0"));
        assertThat(GuiUnavailable.explain(new UnsupportedOperationException("Unable to open DISPLAY"), english))
                .hasValueSatisfying(text -> assertThat(text).contains("no display", "xvfb-run"));
        assertThat(GuiUnavailable.explain(new IllegalStateException("something else"), english)).isEmpty();
    }

    @Test
    void theScreenshotsCommandExitsWithTheExplanationWhenTheToolkitCannotStart() {
        ScreenshotsCommand command = new ScreenshotsCommand();
        command.toolkit = started -> {
            throw new UnsupportedOperationException(NO_GTK);
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream before = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> new CommandLine(command).execute(folder.resolve("shots").toString()));
        } finally {
            System.setErr(before);
        }
        assertThat(status).isEqualTo(GuiUnavailable.EXIT_CODE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("libgtk-3-0").doesNotContain("\tat ");
        assertThat(folder.resolve("shots")).isEmptyDirectory();
    }
}
