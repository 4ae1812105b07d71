package nl.fotadesk.bench;

import nl.fotadesk.ui.FotaDeskApp;
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
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The app's start-up as a user sees it: each run starts the app with the offline demo in a fresh JVM
 * and times, from the moment the process is started, the first window (the start-up window) and the
 * main window over a started demo. The runs share one home folder, its demo data made by an untimed
 * first run, as on any start after the first; {@code --first-start} gives each run a new one (the demo
 * registers its fleet and uploads its images then). Needs a display (e.g. {@code xvfb-run}).
 */
@Command(name = "startup", mixinStandardHelpOptions = true,
        description = "Times the app's start to its first window and to the main window over a started demo"
                + " (fresh JVM and home each run; needs a display, e.g. xvfb-run).")
public final class StartupBench implements Callable<Integer> {
    @Option(names = "--runs", defaultValue = "5", description = "Runs. Default: ${DEFAULT-VALUE}")
    int runs;
    @Option(names = "--timeout", defaultValue = "120", description = "Seconds a run may take. Default: ${DEFAULT-VALUE}")
    int timeoutSeconds;
    @Option(names = "--first-start", description = "Each run with a new home folder, as the very first start.")
    boolean firstStart;

    /** The app opened straight into the demo, as on any start after the first; what each run starts. */
    public static final class DemoApp {
        private DemoApp() {
        }

        public static void main(String[] args) {
            FotaDeskApp.run(new String[]{"--demo"});
        }
    }

    @Override
    public Integer call() throws Exception {
        double[] first = new double[runs];
        double[] main = new double[runs];
        List<Path> homes = new ArrayList<>(List.of(Files.createTempDirectory("fota-desk-startup")));
        try {
            if (!firstStart) {
                once(homes.get(0)); // makes the demo's data, as the first start did
            }
            System.out.printf("%-5s %18s %18s%n", "run", "first window ms", "main window ms");
            for (int i = 0; i < runs; i++) {
                if (firstStart && i > 0) {
                    homes.add(Files.createTempDirectory("fota-desk-startup"));
                }
                double[] times = once(homes.get(homes.size() - 1));
                first[i] = times[0];
                main[i] = times[1];
                System.out.printf("%-5d %18.0f %18.0f%n", i + 1, first[i], main[i]);
            }
            System.out.printf("%-5s %18.0f %18.0f%n", "median", median(first), median(main));
            return 0;
        } finally {
            for (Path home : homes) {
                delete(home);
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** One start with {@code home}: the milliseconds to the first window and to the main window, from starting the process. */
    private double[] once(Path home) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-Dfotadesk.logs=" + home, "-cp", System.getProperty("java.class.path"),
                DemoApp.class.getName()));
        long start = System.nanoTime();
        Process app = new ProcessBuilder(command).redirectErrorStream(true).start();
        double firstMs = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            for (String line; (line = out.readLine()) != null && System.nanoTime() < deadline; ) {
                double ms = (System.nanoTime() - start) / 1e6;
                if (line.contains(FotaDeskApp.FIRST_WINDOW_SHOWN)) {
                    firstMs = ms;
                } else if (line.contains(FotaDeskApp.MAIN_WINDOW_SHOWN)) {
                    return new double[]{firstMs, ms};
                }
            }
            throw new IllegalStateException("the app did not show its main window; is there a display?");
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
