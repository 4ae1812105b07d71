package nl.fotadesk.cli;

import nl.fotadesk.demo.AppPaths;
import nl.fotadesk.ui.FotaDeskApp;
import nl.fotadesk.ui.LauncherSplash;
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
        // the splash screen announces the app started without a command (the windowed demo opens without it)
        LauncherSplash.close();
        System.exit(new CommandLine(new FotaDeskCommand()).execute(args));
    }

    /** Opens the app window and returns when it is closed; says what is missing when it cannot open. */
    static void startApp(String[] args) {
        try {
            FotaDeskApp.run(args);
        } catch (RuntimeException e) {
            String why = GuiUnavailable.explain(e).orElseThrow(() -> e);
            System.err.println(why);
            System.exit(GuiUnavailable.EXIT_CODE);
        }
    }
}
