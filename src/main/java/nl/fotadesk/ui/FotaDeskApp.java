package nl.fotadesk.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.client.HttpFotaDeskClient;
import nl.fotadesk.client.ServerTrust;
import nl.fotadesk.demo.AppPaths;
import nl.fotadesk.demo.DemoEnvironment;
import nl.fotadesk.device.fleet.FaultPlan;
import nl.fotadesk.protocol.api.Session;
import nl.fotadesk.ui.accounts.ActivityScreen;
import nl.fotadesk.ui.accounts.SignInDialog;
import nl.fotadesk.ui.accounts.UsersScreen;
import nl.fotadesk.ui.campaigns.CampaignsScreen;
import nl.fotadesk.ui.devices.DevicesScreen;
import nl.fotadesk.ui.firmware.FirmwareScreen;
import nl.fotadesk.ui.groups.GroupsScreen;
import nl.fotadesk.ui.requests.RequestsScreen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The desktop app. First start asks: offline demo (default) or a server. The demo starts the backend
 * and a simulated fleet in this process and signs in as its operator; the app then talks to it over
 * HTTP like to any server. A server asks the user to sign in first.
 */
public final class FotaDeskApp extends Application {
    /** The main screens, in navigation order. */
    public static final List<Function<UiContext, Screen>> SCREENS = List.of(
            DevicesScreen::new, FirmwareScreen::new, CampaignsScreen::new, GroupsScreen::new, UsersScreen::new,
            ActivityScreen::new, RequestsScreen::new);
    static final int DEMO_DEVICES = 300;

    /** The start-up log lines {@code bench startup} times. */
    public static final String FIRST_WINDOW_SHOWN = "Start-up window shown";
    public static final String MAIN_WINDOW_SHOWN = "Window shown";
    private static final Logger LOG = LoggerFactory.getLogger(FotaDeskApp.class);
    private volatile DemoEnvironment demo;

    /** Opens the app and returns when its last window closed; {@code --demo} skips the first-start question. */
    public static void run(String[] args) {
        Application.launch(FotaDeskApp.class, args);
    }

    private volatile UiContext context;
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        LauncherSplash.closeAfterFirstWindow();
        Settings settings = Settings.forUser();
        I18n i18n = new I18n(settings.language());
        boolean demoAsked = getParameters().getRaw().contains("--demo");
        if (!demoAsked && settings.firstStart() && !new StartDialog(i18n, settings).choose()) {
            Platform.exit();
            return;
        }
        if (demoAsked || settings.server().isEmpty()) {
            startDemo(stage, settings, i18n);
        } else {
            Settings.ServerConnection server = settings.server().get();
            FotaDeskClient client = HttpFotaDeskClient.signedOut(server.url(), settings.trust(server.url()));
            context = new UiContext(client, i18n, settings, false);
            Optional<Session> session = new SignInDialog(context).ask(null, settings.username(), "signIn.header");
            if (session.isEmpty()) {
                Platform.exit();
                return;
            }
            open(stage, session.get(), List.of());
        }
    }

    /** Starts the demo in the background behind the start-up window. */
    private void startDemo(Stage stage, Settings settings, I18n i18n) {
        StartupWindow splash = new StartupWindow(i18n);
        splash.show();
        LOG.info("{} {} ms after the start of the JVM", FIRST_WINDOW_SHOWN, uptime());
        Task<Session> task = new Task<>() {
            @Override
            protected Session call() throws Exception {
                demo = DemoEnvironment.start(AppPaths.demoData(), DEMO_DEVICES, 7, FaultPlan.parse(DemoEnvironment.FAULTS),
                        DemoEnvironment.demoSettings());
                context = new UiContext(HttpFotaDeskClient.signedOut(demo.url(), ServerTrust.system()), i18n, settings,
                        true);
                DemoEnvironment.DemoUser operator = demo.users().get(0);
                return context.client().signIn(operator.username(), operator.password());
            }
        };
        task.setOnSucceeded(e -> {
            splash.close();
            open(stage, task.getValue(), demo.users());
        });
        task.setOnFailed(e -> {
            splash.close();
            Alert alert = new Alert(Alert.AlertType.ERROR, i18n.get("start.demoFailed",
                    String.valueOf(task.getException().getMessage())));
            alert.showAndWait();
            Platform.exit();
        });
        Thread t = new Thread(task, "demo-start");
        t.setDaemon(true);
        t.start();
    }

    /** Opens the main window for the signed-in user; {@code demoUsers} (the demo's) can be switched to. */
    private void open(Stage stage, Session session, List<DemoEnvironment.DemoUser> demoUsers) {
        Settings settings = context.settings();
        window = MainWindow.forUser(stage, context, session, demoUsers);
        WindowBounds.restore(stage, settings);
        window.setBeforeClose(() -> WindowBounds.save(stage, settings));
        stage.show();
        LOG.info("{} {} ms after the start of the JVM", MAIN_WINDOW_SHOWN, uptime());
    }

    private static long uptime() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    @Override
    public void stop() throws Exception {
        if (window != null) {
            window.close();
        }
        if (context != null) {
            context.close();
        }
        if (demo != null) {
            demo.close();
        }
    }
}
