package nl.fotadesk.ui;

import javafx.stage.Stage;
import nl.fotadesk.backend.TestBackend;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.client.HttpFotaDeskClient;
import nl.fotadesk.client.ServerTrust;
import nl.fotadesk.demo.DemoEnvironment;
import nl.fotadesk.device.DeviceSettings;
import nl.fotadesk.device.fleet.FaultPlan;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.protocol.api.Session;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.prefs.Preferences;

/**
 * The real app for GUI tests: the main window talking over HTTP to a small offline demo (backend and
 * simulated fleet in this JVM, in a temporary folder), with settings kept apart from the user's.
 * {@link DemoUiTest} shares one demo among the tests of a class; {@link #open(Stage, Locale)} gives a
 * window its own demo, which closes with it.
 */
public final class UiTestBackend implements AutoCloseable {
    public static final int DEVICES = 60;
    public final DemoEnvironment demo;
    public final UiContext context;
    public final MainWindow window;
    private final boolean ownDemo;

    private UiTestBackend(DemoEnvironment demo, UiContext context, MainWindow window, boolean ownDemo) {
        this.demo = demo;
        this.context = context;
        this.window = window;
        this.ownDemo = ownDemo;
    }

    /** The demo GUI tests run against: {@link #DEVICES} quick devices, in a new temporary folder, with quick hashes. */
    public static DemoEnvironment startDemo() throws Exception {
        return startDemo(FaultPlan.NONE);
    }

    /** As {@link #startDemo()}, its devices with {@code faults} (the demo's own have none). */
    public static DemoEnvironment startDemo(FaultPlan faults) throws Exception {
        DeviceSettings quick = new DeviceSettings(512, 5, Duration.ofMillis(50), Duration.ofMillis(500),
                Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofMillis(100));
        return DemoEnvironment.start(Files.createTempDirectory("fota-desk-ui-test"), DEVICES, 7, faults, quick,
                TestBackend.QUICK_HASHES);
    }

    /** Starts a demo of its own and opens the main window on {@code stage}; call on the FX thread (TestFX's @Start). */
    public static UiTestBackend open(Stage stage, Locale language) throws Exception {
        return open(stage, language, UnaryOperator.identity());
    }

    /** As {@link #open(Stage, Locale)}, the window talking to the demo through {@code wrap} of its client. */
    public static UiTestBackend open(Stage stage, Locale language, UnaryOperator<FotaDeskClient> wrap) throws Exception {
        DemoEnvironment demo = startDemo();
        try {
            return open(stage, demo, language, wrap, true);
        } catch (Exception | Error e) {
            demo.close();
            throw e;
        }
    }

    /** Opens the main window on {@code stage} against a running {@code demo}, which closing the window leaves running. */
    public static UiTestBackend open(Stage stage, DemoEnvironment demo, Locale language,
                                     UnaryOperator<FotaDeskClient> wrap) {
        return open(stage, demo, language, wrap, false);
    }

    private static UiTestBackend open(Stage stage, DemoEnvironment demo, Locale language,
                                      UnaryOperator<FotaDeskClient> wrap, boolean ownDemo) {
        UiContext context = new UiContext(wrap.apply(demo.client()), new I18n(language), settings(language), true);
        return show(stage, demo, context, new MainWindow(stage, context, FotaDeskApp.SCREENS), ownDemo);
    }

    /** As {@link #open(Stage, Locale)}, signed in as the demo user with this role, as the app opens the demo. */
    public static UiTestBackend openAs(Stage stage, Locale language, Role role) throws Exception {
        DemoEnvironment demo = startDemo();
        try {
            return openAs(stage, demo, language, role, UnaryOperator.identity(), true);
        } catch (Exception | Error e) {
            demo.close();
            throw e;
        }
    }

    /** As {@link #openAs(Stage, Locale, Role)}, against a running {@code demo}, which closing the window leaves running. */
    public static UiTestBackend openAs(Stage stage, DemoEnvironment demo, Locale language, Role role) {
        return openAs(stage, demo, language, role, UnaryOperator.identity());
    }

    /** As {@link #openAs(Stage, DemoEnvironment, Locale, Role)}, the window talking through {@code wrap} of its client. */
    public static UiTestBackend openAs(Stage stage, DemoEnvironment demo, Locale language, Role role,
                                       UnaryOperator<FotaDeskClient> wrap) {
        return openAs(stage, demo, language, role, wrap, false);
    }

    private static UiTestBackend openAs(Stage stage, DemoEnvironment demo, Locale language, Role role,
                                        UnaryOperator<FotaDeskClient> wrap, boolean ownDemo) {
        UiContext context = new UiContext(wrap.apply(HttpFotaDeskClient.signedOut(demo.url(), ServerTrust.system())),
                new I18n(language), settings(language), true);
        DemoEnvironment.DemoUser user = demo.users().stream().filter(u -> u.role() == role).findFirst().orElseThrow();
        Session session = context.client().signIn(user.username(), user.password());
        return show(stage, demo, context, MainWindow.forUser(stage, context, session, demo.users()), ownDemo);
    }

    private static Settings settings(Locale language) {
        Settings settings = new Settings(Preferences.userRoot().node("nl/fotadesk/test/" + System.nanoTime()));
        settings.setLanguage(language);
        return settings;
    }

    private static UiTestBackend show(Stage stage, DemoEnvironment demo, UiContext context, MainWindow window,
                                      boolean ownDemo) {
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
        return new UiTestBackend(demo, context, window, ownDemo);
    }

    @Override
    public void close() throws Exception {
        window.close();
        context.close();
        if (ownDemo) {
            demo.close();
        }
    }
}
