package nl.fotadesk.cli;

import picocli.CommandLine;

/** The jar's entry point (a plain class, so the fat jar starts without the JavaFX launcher checks). */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new FotaDeskCommand()).execute(args));
    }
}
