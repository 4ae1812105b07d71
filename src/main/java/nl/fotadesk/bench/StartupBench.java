package nl.fotadesk.bench;

import nl.fotadesk.ui.FotaDeskApp;
import nl.fotadesk.ui.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The app's start-up as a user sees it: each run starts the app as it is installed (this jar with
 * {@code java -jar}, or {@code --launcher}) in a fresh JVM and times, from the moment the process is
 * started, the first window of any kind on the display (the launcher's splash screen included, seen
 * through xev), the app's start-up window and the main window over a started demo. Each run's home
 * folder has the offline demo chosen, as after a first start; the runs share one, its demo data made by
 * an untimed first run, and {@code --first-start} gives each run a new one (the demo registers its fleet
 * and uploads its images then). Needs a display (e.g. {@code xvfb-run}).
 */
@Command(name = "startup", mixinStandardHelpOptions = true,
        description = "Times the app's start to its first window (any kind, the splash screen included), its"
                + " start-up window and the main window over a started demo (fresh JVM each run; needs a display,"
                + " e.g. xvfb-run, and xev from x11-utils for the first window).")
public final class StartupBench implements Callable<Integer> {
    @Option(names = "--runs", defaultValue = "5", description = "Runs. Default: ${DEFAULT-VALUE}")
    int runs;
    @Option(names = "--timeout", defaultValue = "120", description = "Seconds a run may take. Default: ${DEFAULT-VALUE}")
    int timeoutSeconds;
    @Option(names = "--first-start", description = "Each run with a new home folder, as the very first start.")
    boolean firstStart;
    @Option(names = "--launcher", description = "The installed launcher to time (e.g. the app-image's bin/fota-desk)"
            + " instead of this jar.")
    Path launcher;

    /** Chooses the offline demo at first start in the home folder its JVM runs with, as the user would. */
    public static final class ChooseDemo {
        private ChooseDemo() {
        }

        public static void main(String[] args) {
            Settings settings = Settings.forUser();
            settings.useDemo();
            settings.flush();
        }
    }

    @Override
    public Integer call() throws Exception {
        List<String> app = appCommand();
        double[][] times = new double[3][runs];
        List<Path> homes = new ArrayList<>();
        Optional<MappedWindows> windows = MappedWindows.watch();
        try {
            if (windows.isEmpty()) {
                System.out.println("xev (x11-utils) could not be started: the first window is not timed.");
            }
            System.out.printf("Timing %s%n", String.join(" ", app));
            System.out.printf("%-7s %16s %18s %16s%n", "run", "first window ms", "start-up window ms", "main window ms");
            for (int i = 0; i < runs; i++) {
                if (homes.isEmpty() || firstStart) {
                    homes.add(newHome(app));
                }
                double[] run = once(app, homes.get(homes.size() - 1), windows);
                for (int k = 0; k < times.length; k++) {
                    times[k][i] = run[k];
                }
                System.out.printf("%-7d %16.0f %18.0f %16.0f%n", i + 1, run[0], run[1], run[2]);
            }
            System.out.printf("%-7s %16.0f %18.0f %16.0f%n", "median", median(times[0]), median(times[1]),
                    median(times[2]));
            return 0;
        } finally {
            windows.ifPresent(MappedWindows::close);
            for (Path home : homes) {
                delete(home);
            }
        }
    }

    /** The command that starts the app: the launcher, else this jar as a user starts it (with its splash screen). */
    private List<String> appCommand() throws Exception {
        if (launcher != null) {
            return List.of(launcher.toAbsolutePath().toString());
        }
        Path self = Path.of(StartupBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.isRegularFile(self)) {
            throw new IllegalStateException("run it from the jar (java -jar target/fota-desk.jar bench startup)"
                    + " or give --launcher: from " + self + " the app would start without the jar's splash screen");
        }
        return List.of(java(), "-jar", self.toString());
    }

    /** A home folder with the demo chosen; unless each run is a first start, with the demo's data made by an untimed start. */
    private Path newHome(List<String> app) throws Exception {
        Path home = Files.createTempDirectory("fota-desk-startup");
        Process choose = inHome(new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                ChooseDemo.class.getName()), home).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (choose.waitFor() != 0) {
            throw new IllegalStateException("could not choose the demo in " + home);
        }
        if (!firstStart) {
            once(app, home, Optional.empty());
        }
        return home;
    }

    /** Runs with {@code home} as the user's home and log folder, whatever starts the JVM. */
    private static ProcessBuilder inHome(ProcessBuilder process, Path home) {
        process.environment().put("_JAVA_OPTIONS", "-Duser.home=" + home + " -Dfotadesk.logs=" + home);
        return process;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * One start with {@code home}: the milliseconds from starting the process to the first window on the
     * display (-1 when not watched), to the start-up window and to the main window (as the app logs them).
     */
    private double[] once(List<String> app, Path home, Optional<MappedWindows> windows)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = inHome(new ProcessBuilder(app), home).redirectErrorStream(true).start();
        double startupMs = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            for (String line; (line = out.readLine()) != null && System.nanoTime() < deadline; ) {
                double ms = (System.nanoTime() - start) / 1e6;
                if (line.contains(FotaDeskApp.FIRST_WINDOW_SHOWN)) {
                    startupMs = ms;
                } else if (line.contains(FotaDeskApp.MAIN_WINDOW_SHOWN)) {
                    OptionalLong first = windows.map(w -> w.firstSince(start)).orElse(OptionalLong.empty());
                    double firstMs = first.isPresent() ? (first.getAsLong() - start) / 1e6 : -1;
                    return new double[]{firstMs, startupMs, ms};
                }
            }
            throw new IllegalStateException("the app did not show its main window; is there a display?");
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
