package nl.fotadesk.ui;

import javafx.stage.Stage;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.client.HttpFotaDeskClient;
import nl.fotadesk.client.ServerTrust;
import nl.fotadesk.demo.DemoEnvironment;
import nl.fotadesk.device.DeviceSettings;
import nl.fotadesk.device.fleet.FaultPlan;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.protocol.api.Session;

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
        DemoEnvironment demo = startDemo();
        UiContext context = new UiContext(wrap.apply(demo.client()), new I18n(language), settings(language), true);
        return show(stage, demo, context, new MainWindow(stage, context, FotaDeskApp.SCREENS));
    }

    /** As {@link #open(Stage, Locale)}, signed in as the demo user with this role, as the app opens the demo. */
    public static UiTestBackend openAs(Stage stage, Locale language, Role role) throws Exception {
        DemoEnvironment demo = startDemo();
        UiContext context = new UiContext(HttpFotaDeskClient.signedOut(demo.url(), ServerTrust.system()),
                new I18n(language), settings(language), true);
        DemoEnvironment.DemoUser user = demo.users().stream().filter(u -> u.role() == role).findFirst().orElseThrow();
        Session session = context.client().signIn(user.username(), user.password());
        return show(stage, demo, context, MainWindow.forUser(stage, context, session, demo.users()));
    }

    private static DemoEnvironment startDemo() throws Exception {
        Path data = Files.createTempDirectory("fota-desk-ui-test");
        DeviceSettings quick = new DeviceSettings(512, 5, Duration.ofMillis(50), Duration.ofMillis(500),
                Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofMillis(100));
        return DemoEnvironment.start(data, DEVICES, 7, FaultPlan.NONE, quick);
    }

    private static Settings settings(Locale language) {
        Settings settings = new Settings(Preferences.userRoot().node("nl/fotadesk/test/" + System.nanoTime()));
        settings.setLanguage(language);
        return settings;
    }

    private static UiTestBackend show(Stage stage, DemoEnvironment demo, UiContext context, MainWindow window) {
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
