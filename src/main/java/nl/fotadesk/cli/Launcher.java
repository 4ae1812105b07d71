package nl.fotadesk.cli;

import nl.fotadesk.ui.FotaDeskApp;
import picocli.CommandLine;

/**
 * The jar's entry point: no arguments open the app, anything else is a command. A plain class, so
 * the fat jar starts without JavaFX's launcher checks ("JavaFX runtime components are missing").
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            startApp(args);
            return;
        }
        System.exit(new CommandLine(new FotaDeskCommand()).execute(args));
    }

    /** Opens the app window and returns when it is closed. */
    static void startApp(String[] args) {
        FotaDeskApp.run(args);
    }
}
