package nl.fotadesk.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {HttpBench.class, FleetBench.class, DevicesBench.class,
        RehearsalBench.class, StartupBench.class},
        description = "Benchmarks, run by hand: 'bench http' (file server and ingestion), 'bench fleet' (simulator"
                + " scale), 'bench devices' (the device table's queries with many devices), 'bench rehearsal'"
                + " (rehearsals of 1,000 to 100,000 devices) and 'bench startup' (the app to its windows).")
public final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
