package nl.fotadesk.ui;

import javafx.stage.Stage;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.demo.DemoEnvironment;
import nl.fotadesk.device.DeviceSettings;
import nl.fotadesk.device.fleet.FaultPlan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.prefs.Preferences;

/**
 * The real app for GUI tests: a small offline demo (backend and simulated fleet in this JVM, in a
 * temporary folder) and the main window talking to it over HTTP, with settings kept apart from the user's.
 */
public final class UiTestBackend implements AutoCloseable {
    public static final int DEVICES = 60;
    public final DemoEnvironment demo;
    public final UiContext context;
    public final MainWindow window;

    private UiTestBackend(DemoEnvironment demo, UiContext context, MainWindow window) {
        this.demo = demo;
        this.context = context;
        this.window = window;
    }

    /** Starts the demo and opens the main window on {@code stage}; call on the FX thread (TestFX's @Start). */
    public static UiTestBackend open(Stage stage, Locale language) throws Exception {
        return open(stage, language, UnaryOperator.identity());
    }

    /** As {@link #open(Stage, Locale)}, the window talking to the demo through {@code wrap} of its client. */
    public static UiTestBackend open(Stage stage, Locale language, UnaryOperator<FotaDeskClient> wrap) throws Exception {
        Path data = Files.createTempDirectory("fota-desk-ui-test");
        DeviceSettings quick = new DeviceSettings(512, 5, Duration.ofMillis(50), Duration.ofMillis(500),
                Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofMillis(100));
        DemoEnvironment demo = DemoEnvironment.start(data, DEVICES, 7, FaultPlan.NONE, quick);
        Preferences prefs = Preferences.userRoot().node("nl/fotadesk/test/" + System.nanoTime());
        Settings settings = new Settings(prefs);
        settings.setLanguage(language);
        UiContext context = new UiContext(wrap.apply(demo.client()), new I18n(language), settings, true);
        MainWindow window = new MainWindow(stage, context, FotaDeskApp.SCREENS);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
        return new UiTestBackend(demo, context, window);
    }

    @Override
    public void close() throws Exception {
        window.close();
        context.close();
        demo.close();
    }
}
