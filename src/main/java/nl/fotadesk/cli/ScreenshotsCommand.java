package nl.fotadesk.cli;

import nl.fotadesk.ui.ScreenshotTour;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "screenshots", mixinStandardHelpOptions = true,
        description = "Writes a screenshot of every main screen in English and Dutch, taken from the app on a live"
                + " offline demo (needs a display, e.g. xvfb-run).")
public final class ScreenshotsCommand implements Callable<Integer> {
    @Parameters(index = "0", defaultValue = "docs/screenshots", description = "Folder for the PNG files. Default: ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--devices", defaultValue = "300", description = "Simulated devices. Default: ${DEFAULT-VALUE}")
    int devices;

    @Override
    public Integer call() throws Exception {
        ScreenshotTour.run(out, devices);
        return 0;
    }
}
