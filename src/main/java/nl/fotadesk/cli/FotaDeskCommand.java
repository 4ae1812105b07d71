package nl.fotadesk.cli;

import nl.fotadesk.bench.BenchCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "fota-desk", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "FOTA Desk: firmware-over-the-air campaigns for fleets of cellular devices.",
        subcommands = {ServerCommand.class, SimulateCommand.class, DemoCommand.class, ScreenshotsCommand.class,
                UsersCommand.class, BenchCommand.class})
public final class FotaDeskCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
