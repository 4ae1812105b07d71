package nl.fotadesk.cli;

import nl.fotadesk.ui.ScreenshotTour;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

@Command(name = "screenshots", mixinStandardHelpOptions = true,
        description = "Writes a screenshot of every main screen in English and Dutch, taken from the app on a live"
                + " offline demo (needs a display, e.g. xvfb-run).")
public final class ScreenshotsCommand implements Callable<Integer> {
    @Parameters(index = "0", defaultValue = "docs/screenshots", description = "Folder for the PNG files. Default: ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--devices", defaultValue = "300", description = "Simulated devices. Default: ${DEFAULT-VALUE}")
    int devices;

    /** Starts the JavaFX toolkit (tests give one that fails as it does without GTK). */
    Consumer<Runnable> toolkit = ScreenshotTour::startToolkit;

    @Override
    public Integer call() throws Exception {
        try {
            ScreenshotTour.run(out, devices, toolkit);
            return 0;
        } catch (RuntimeException e) {
            String why = GuiUnavailable.explain(e).orElseThrow(() -> e);
            System.err.println(why);
            return GuiUnavailable.EXIT_CODE;
        }
    }
}
