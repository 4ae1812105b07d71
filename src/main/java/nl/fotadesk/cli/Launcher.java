package nl.fotadesk.cli;

import nl.fotadesk.demo.AppPaths;
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
        // before the first logger: logs go to the user's usual log folder
        if (System.getProperty("fotadesk.logs") == null) {
            System.setProperty("fotadesk.logs", AppPaths.logs().toString());
        }
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
