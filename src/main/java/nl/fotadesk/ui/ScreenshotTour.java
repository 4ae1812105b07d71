package nl.fotadesk.ui;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.geometry.Bounds;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.DatePicker;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import javafx.stage.Window;
import nl.fotadesk.client.HttpFotaDeskClient;
import nl.fotadesk.client.ServerTrust;
import nl.fotadesk.demo.DemoEnvironment;
import nl.fotadesk.demo.DemoEnvironment.DemoUser;
import nl.fotadesk.device.DeviceSettings;
import nl.fotadesk.device.fleet.FaultPlan;
import nl.fotadesk.client.DeviceQuery;
import nl.fotadesk.protocol.Imei;
import nl.fotadesk.protocol.api.CampaignTarget;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.NewDevice;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.GroupFilter;
import nl.fotadesk.protocol.api.NewGroup;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.protocol.api.NewCampaign;
import nl.fotadesk.protocol.api.PhaseSpec;
import nl.fotadesk.protocol.api.RehearsalRequest;
import nl.fotadesk.protocol.api.Session;
import nl.fotadesk.protocol.api.NewRequest;
import nl.fotadesk.protocol.api.RequestView;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.protocol.api.RolloutPlan;
import nl.fotadesk.ui.campaigns.CampaignsScreen;
import nl.fotadesk.ui.requests.RequestFormModel;
import nl.fotadesk.ui.requests.RequestsScreen;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.prefs.Preferences;

/**
 * Screenshots of the start dialog and of every main screen in English and Dutch, from the real app on a
 * live offline demo (with a campaign running), signed in as the demo operator, and the devices as the
 * demo supplier and customer see them, written as {@code <screen>-<language>.png}. Used to keep
 * {@code docs/screenshots} current: {@code xvfb-run -a java -jar fota-desk.jar screenshots docs/screenshots}.
 * The campaign report is a page for a browser, so its shot is the report the app saves, as headless
 * Chromium renders it; without a {@code chromium} on the path that one shot is left out.
 */
public final class ScreenshotTour {
    private static final long SETTLE_MILLIS = 2500;
    /** The window size, 1280×800 unless {@code -Dfotadesk.screenshots.size=1024x680} (e.g. the least size) says otherwise. */
    private static final String[] SIZE = System.getProperty("fotadesk.screenshots.size", "1280x800").split("x");
    private static final double WIDTH = Double.parseDouble(SIZE[0]);
    private static final double HEIGHT = Double.parseDouble(SIZE[1]);

    private ScreenshotTour() {
    }

    public static void run(Path out, int devices) throws Exception {
        run(out, devices, ScreenshotTour::startToolkit);
    }

    /** Starts the JavaFX toolkit ({@link Platform#startup}); {@code started} runs on it once it runs. */
    public static void startToolkit(Runnable started) {
        Platform.startup(started);
    }

    /**
     * As {@link #run(Path, int)}, starting the JavaFX toolkit with {@code startup} ({@link #startToolkit}).
     * The toolkit starts first: without a display or GTK this fails at once, before any demo runs.
     */
    public static void run(Path out, int devices, Consumer<Runnable> startup) throws Exception {
        Files.createDirectories(out);
        CompletableFuture<Void> started = new CompletableFuture<>();
        startup.accept(() -> started.complete(null));
        try {
            started.get(30, TimeUnit.SECONDS);
            // one window per language, closed in turn: the toolkit must outlive each of them
            Platform.setImplicitExit(false);
            Path data = Files.createTempDirectory("fota-desk-screenshots");
            try (DemoEnvironment demo = DemoEnvironment.start(data, devices, 7,
                    FaultPlan.parse("install=0.03,corrupt=0.01"), DemoEnvironment.demoSettings())) {
                String ranAsRehearsed = startCampaign(demo);
                Thread.sleep(8000);
                awaitEnd(demo, ranAsRehearsed);
                for (Locale language : I18n.LANGUAGES) {
                    shoot(demo, language, out);
                }
            }
        } finally {
            // Platform.exit waits for a toolkit that never started: only a started one is stopped
            if (started.isDone()) {
                Platform.exit();
            }
        }
    }

    /**
     * Two groups, a running campaign, a rehearsed draft and a rehearsed campaign that runs, so that every
     * screen has something to show; answers the last one's id.
     */
    private static String startCampaign(DemoEnvironment demo) {
        rehearsedDraft(demo);
        String rehearsedAndRun = rehearsedAndRun(demo);
        demo.client().createGroup(new NewGroup("Acme trackers", new GroupFilter("acme", "tracker-x", null, null), null));
        List<String> pilot = demo.client().devices(DeviceQuery.ALL.withDeviceType("sensor-z").page(0, 12)).items()
                .stream().map(DeviceView::imei).toList();
        demo.client().createGroup(new NewGroup("Pilot sensors", null, pilot));
        String version = DemoEnvironment.NEW_VERSIONS.get("meter-y");
        FirmwareView image = demo.client().firmware().stream()
                .filter(f -> f.deviceType().equals("meter-y") && f.version().equals(version)).findFirst().orElseThrow();
        demo.client().createCampaign(new NewCampaign("Meter firmware " + version, image.id(),
                new CampaignTarget(null, "meter-y", null, null, null, null),
                List.of(PhaseSpec.percent(5), PhaseSpec.percent(25), PhaseSpec.percent(100)),
                90, 10, 3600L, 1, null, false, true));
        return rehearsedAndRun;
    }

    /**
     * The sensors of one client, rehearsed on the demo's own network (its devices' install and reboot
     * times, the loopback's LAN) and started: its detail shows the forecast beside what happened.
     */
    private static String rehearsedAndRun(DemoEnvironment demo) {
        String version = DemoEnvironment.NEW_VERSIONS.get("sensor-z");
        FirmwareView image = demo.client().firmware().stream()
                .filter(f -> f.deviceType().equals("sensor-z") && f.version().equals(version)).findFirst().orElseThrow();
        CampaignView campaign = demo.client().createCampaign(new NewCampaign("Globex sensors " + version, image.id(),
                new CampaignTarget("globex", "sensor-z", null, null, null, null),
                List.of(PhaseSpec.percent(5), PhaseSpec.percent(25), PhaseSpec.percent(100)),
                80, 20, 120L, 1, null, false, false));
        DeviceSettings device = DemoEnvironment.demoSettings();
        demo.client().rehearseCampaign(new RehearsalRequest(null, campaign.id(), null, "LAN", 0.5, null, null, null,
                device.installTime().toMillis() / 1000.0, device.rebootTime().toMillis() / 1000.0));
        demo.client().startCampaign(campaign.id());
        return campaign.id();
    }

    /** Waits (at most two minutes) for campaign {@code id} to end. */
    private static void awaitEnd(DemoEnvironment demo, String id) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (demo.client().campaign(id).state().wireName().equals("running") && System.nanoTime() < until) {
            Thread.sleep(1000);
        }
    }

    /** A draft for the trackers, rehearsed on NB-IoT: its detail shows the forecast. */
    private static void rehearsedDraft(DemoEnvironment demo) {
        String version = DemoEnvironment.NEW_VERSIONS.get("tracker-x");
        FirmwareView image = demo.client().firmware().stream()
                .filter(f -> f.deviceType().equals("tracker-x") && f.version().equals(version)).findFirst().orElseThrow();
        CampaignView draft = demo.client().createCampaign(new NewCampaign("Tracker firmware " + version, image.id(),
                new CampaignTarget(null, "tracker-x", null, null, null, null),
                List.of(PhaseSpec.percent(5), PhaseSpec.percent(25), PhaseSpec.percent(100)),
                90, 10, 3600L, 1, null, false, false));
        demo.client().rehearseCampaign(new RehearsalRequest(null, draft.id(), Map.of("tracker-x", "NB_IOT"), null,
                0.5, null, null, null, null, null));
    }

    /** A running campaign on one registered device that never checks in, so it runs until paused. */
    private static CampaignView heldCampaign(DemoEnvironment demo, Locale language) {
        String imei = Imei.withCheckDigit("35332211" + (language.equals(I18n.DUTCH) ? "999998" : "999997"));
        demo.client().registerDevice(new NewDevice(imei, "sensor-z", "acme", null, null));
        String version = DemoEnvironment.NEW_VERSIONS.get("sensor-z");
        FirmwareView image = demo.client().firmware().stream()
                .filter(f -> f.deviceType().equals("sensor-z") && f.version().equals(version)).findFirst().orElseThrow();
        return demo.client().createCampaign(new NewCampaign("Sensor pilot " + version, image.id(),
                new CampaignTarget(null, null, null, List.of(imei), null, null), null, 90, 10, 3600L, 1, null, false, true));
    }

    private static void shoot(DemoEnvironment demo, Locale language, Path out) throws Exception {
        Settings settings = new Settings(Preferences.userRoot().node("nl/fotadesk/screenshots/" + System.nanoTime()));
        settings.setLanguage(language);
        UiContext context = new UiContext(HttpFotaDeskClient.signedOut(demo.url(), ServerTrust.system()),
                new I18n(language), settings, true);
        startDialogShot(context.i18n(), settings, out.resolve("start-" + language.getLanguage() + ".png"));
        DemoUser operator = demo.users().get(0);
        Session session = context.client().signIn(operator.username(), operator.password());
        MainWindow window = onFx(() -> {
            Stage stage = new Stage();
            MainWindow w = MainWindow.forUser(stage, context, session, demo.users());
            stage.setWidth(WIDTH);
            stage.setHeight(HEIGHT);
            stage.show();
            return w;
        });
        try {
            for (String screen : List.of("devices", "firmware", "campaigns", "groups")) {
                onFx(() -> {
                    window.show(screen);
                    return null;
                });
                Thread.sleep(SETTLE_MILLIS);
                onFx(() -> {
                    selectFirstRow(window.stage().getScene().getRoot());
                    return null;
                });
                shoot(window, out.resolve(screen + "-" + language.getLanguage() + ".png"));
            }
            CampaignsScreen campaigns = (CampaignsScreen) window.screen("campaigns");
            String campaignId = demo.client().campaigns().stream().filter(c -> c.name().startsWith("Meter"))
                    .findFirst().orElseThrow().id();
            onFx(() -> {
                window.show("campaigns");
                campaigns.showCampaign(campaignId);
                return null;
            });
            awaitCampaignDevices(window);
            shoot(window, out.resolve("campaign-detail-" + language.getLanguage() + ".png"));
            onFx(() -> {
                campaigns.showWizard();
                return null;
            });
            shoot(window, out.resolve("campaign-wizard-" + language.getLanguage() + ".png"));
            String lang = language.getLanguage();
            rehearseInWizard(window, out.resolve("campaign-wizard-window-" + lang + ".png"));
            shoot(window, out.resolve("campaign-wizard-forecast-" + lang + ".png"));
            String rehearsed = demo.client().campaigns().stream().filter(c -> c.name().startsWith("Tracker"))
                    .findFirst().orElseThrow().id();
            onFx(() -> {
                campaigns.showCampaign(rehearsed);
                return null;
            });
            await(window, "#forecast-chart");
            onFx(() -> scrollTo(window.stage().getScene().getRoot(), "#campaign-forecast"));
            shoot(window, out.resolve("campaign-forecast-" + lang + ".png"));
            String ran = demo.client().campaigns().stream().filter(c -> c.name().startsWith("Globex sensors"))
                    .findFirst().orElseThrow().id();
            onFx(() -> {
                campaigns.showCampaign(ran);
                return null;
            });
            await(window, "#forecast-chart");
            onFx(() -> scrollTo(window.stage().getScene().getRoot(), "#campaign-forecast"));
            shoot(window, out.resolve("campaign-forecast-actual-" + lang + ".png"));
            reportShot(campaigns, out.resolve("campaign-report-" + lang + ".png"));
            onFx(() -> {
                window.showHelp();
                return null;
            });
            shoot(window, out.resolve("help-overlay-" + lang + ".png"));
            onFx(() -> {
                window.hideHelp();
                campaigns.showCampaign(campaignId);
                return null;
            });
            Thread.sleep(SETTLE_MILLIS);
            onFx(() -> {
                showRowMenu(window.stage().getScene().getRoot(), "#campaign-devices");
                return null;
            });
            capture(window, out.resolve("campaign-export-" + lang + ".png"));
            onFx(() -> {
                hidePopups();
                window.show("devices");
                return null;
            });
            deviceShots(window, out, lang);
            // A real pause while the operator is on another screen: the notification and the badge.
            demo.client().pauseCampaign(heldCampaign(demo, language).id());
            capture(window, out.resolve("campaign-alert-" + lang + ".png"));
            for (String screen : List.of("users", "activity")) {
                onFx(() -> {
                    window.show(screen);
                    return null;
                });
                shoot(window, out.resolve(screen + "-" + lang + ".png"));
            }
            for (DemoUser user : demo.users().subList(1, demo.users().size())) {
                Session viewAs = context.client().signIn(user.username(), user.password());
                onFx(() -> {
                    window.signedIn(viewAs);
                    window.show("devices");
                    return null;
                });
                Thread.sleep(SETTLE_MILLIS);
                onFx(() -> {
                    selectFirstRow(window.stage().getScene().getRoot());
                    return null;
                });
                shoot(window, out.resolve("view-" + user.role().wireName() + "-" + lang + ".png"));
                if (user.role() == Role.CUSTOMER) { // the operator's campaign across clients: theirs to follow, not to steer
                    onFx(() -> {
                        window.show("campaigns");
                        ((CampaignsScreen) window.screen("campaigns")).showCampaign(campaignId);
                        return null;
                    });
                    awaitCampaignDevices(window);
                    shoot(window, out.resolve("view-customer-campaign-" + lang + ".png"));
                }
            }
            requestShots(demo, context, window, out, lang);
        } finally {
            onFx(() -> {
                window.close();
                window.stage().close();
                return null;
            });
            context.close();
        }
    }

    /**
     * An update request from the demo's requester to the operator and back: the requester's form filled
     * in, the operator's review of the filed request, and the requester's report once it is approved.
     */
    private static void requestShots(DemoEnvironment demo, UiContext context, MainWindow window, Path out, String lang)
            throws Exception {
        DemoUser requester = demo.users().stream().filter(u -> u.role() == Role.REQUESTER).findFirst().orElseThrow();
        DemoUser operator = demo.users().get(0);
        String version = "9.1." + (lang.equals(I18n.DUTCH.getLanguage()) ? 1 : 0); // a request per language
        byte[] bytes = new byte[64 * 1024];
        new java.util.Random(version.hashCode()).nextBytes(bytes);
        Path image = Files.write(Files.createTempDirectory("fota-desk-request").resolve("tracker-x-" + version + ".bin"),
                bytes);
        String notes = "Fixes the GPS drift after a cold start.";
        signInAndShow(context, window, requester, "requests");
        onFx(() -> {
            RequestsScreen requests = (RequestsScreen) window.screen("requests");
            requests.showForm();
            RequestFormModel form = requests.form();
            form.file.set(image);
            form.deviceType.set("tracker-x");
            form.version.set(version);
            form.releaseNotes.set(notes);
            form.timeZone.set("Europe/Amsterdam");
            form.from.set("02:00");
            form.to.set("05:00");
            form.contact.set("rita@acme.example");
            return null;
        });
        shoot(window, out.resolve("request-form-" + lang + ".png"));
        // Filed without the night window, so that the approved campaign runs while the tour waits.
        RequestView filed = context.client().fileRequest(new NewRequest("tracker-x", version, notes, null, null,
                "rita@acme.example"), image.getFileName().toString(), bytes);
        context.client().commentOnRequest(filed.id(), "Please start with a few devices.");
        signInAndShow(context, window, operator, "requests");
        context.client().reviewRequest(filed.id());
        openRequest(window, filed);
        shoot(window, out.resolve("request-review-" + lang + ".png"));
        context.client().approveRequest(filed.id(), new RolloutPlan(null, List.of(PhaseSpec.percent(50),
                PhaseSpec.percent(100)), null, null, null, null, null, null, null));
        Thread.sleep(4 * SETTLE_MILLIS);
        signInAndShow(context, window, requester, "requests");
        openRequest(window, filed);
        shoot(window, out.resolve("request-report-" + lang + ".png"));
    }

    /** The start dialog with "connect to a server" chosen (its address field and examples), then cancelled. */
    private static void startDialogShot(I18n i18n, Settings settings, Path file) throws Exception {
        Platform.runLater(() -> new StartDialog(i18n, settings).choose()); // waits for its answer: not on onFx
        awaitTrue(() -> startDialog().isPresent());
        onFx(() -> {
            ((RadioButton) startDialog().orElseThrow().getScene().getRoot().lookup("#start-server")).fire();
            return null;
        });
        Thread.sleep(SETTLE_MILLIS);
        onFx(() -> {
            Scene dialog = startDialog().orElseThrow().getScene();
            ImageIO.write(SwingFXUtils.fromFXImage(dialog.snapshot(null), null), "png", file.toFile());
            dialog.getRoot().lookupAll(".button").stream().filter(b -> ButtonBar.getButtonData(b)
                    == ButtonBar.ButtonData.CANCEL_CLOSE).map(Button.class::cast).findFirst().orElseThrow().fire();
            return null;
        });
        System.out.println("Wrote " + file);
    }

    private static Optional<Window> startDialog() {
        return Window.getWindows().stream().filter(w -> w.getScene() != null
                && w.getScene().getRoot().lookup("#server-url") != null).findFirst();
    }

    /**
     * Walks the open wizard through its steps with the demo's tracker firmware, rehearses it in the review
     * step and scrolls to its forecast.
     */
    @SuppressWarnings("unchecked")
    private static void rehearseInWizard(MainWindow window, Path windowShot) throws Exception {
        Node root = window.stage().getScene().getRoot();
        String version = DemoEnvironment.NEW_VERSIONS.get("tracker-x");
        await(window, "#wizard-firmware");
        ComboBox<FirmwareView> firmware = onFx(() -> (ComboBox<FirmwareView>) root.lookup("#wizard-firmware"));
        awaitTrue(() -> !firmware.getItems().isEmpty());
        onFx(() -> {
            firmware.setValue(firmware.getItems().stream()
                    .filter(f -> f.deviceType().equals("tracker-x") && f.version().equals(version)).findFirst()
                    .orElseThrow());
            return null;
        });
        for (int step = 1; step <= 3; step++) {
            Thread.sleep(SETTLE_MILLIS); // the target step counts the matches on the server first
            if (step == 3) {
                showWindowStep(window, root, windowShot);
            }
            onFx(() -> {
                ((Button) root.lookup("#wizard-next")).fire();
                return null;
            });
        }
        await(window, "#wizard-rehearse");
        awaitTrue(() -> !root.lookup("#wizard-rehearse").isDisabled());
        onFx(() -> {
            ((Button) root.lookup("#wizard-rehearse")).fire();
            return null;
        });
        await(window, "#forecast-chart");
        onFx(() -> scrollTo(root, "#wizard-forecast"));
    }

    /** The rollout step with a night window on weekdays that ends in two weeks, shot, then the window taken off again. */
    private static void showWindowStep(MainWindow window, Node root, Path shot) throws Exception {
        CheckBox enabled = onFx(() -> (CheckBox) root.lookup("#wizard-window"));
        onFx(() -> {
            enabled.setSelected(true);
            ((TextField) root.lookup("#wizard-window-zone")).setText("Europe/Amsterdam");
            ((CheckBox) root.lookup("#wizard-window-sat")).setSelected(false);
            ((CheckBox) root.lookup("#wizard-window-sun")).setSelected(false);
            ((TextField) root.lookup("#wizard-window-from")).setText("22:00");
            ((TextField) root.lookup("#wizard-window-to")).setText("05:00");
            ((DatePicker) root.lookup("#wizard-window-end-date")).setValue(
                    LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusWeeks(2));
            ((TextField) root.lookup("#wizard-window-end-time")).setText("06:00");
            return scrollTo(root, "#wizard-window");
        });
        shoot(window, shot);
        onFx(() -> {
            ((Button) root.lookup("#wizard-window-end-clear")).fire();
            enabled.setSelected(false);
            return null;
        });
    }

    /** Waits (at most a minute) until the window shows a node that {@code selector} finds. */
    private static void await(MainWindow window, String selector) throws Exception {
        awaitTrue(() -> window.stage().getScene().getRoot().lookup(selector) != null);
    }

    /** Waits (at most a minute) until the open campaign lists its devices: on a busy machine its detail loads late. */
    private static void awaitCampaignDevices(MainWindow window) throws Exception {
        awaitTrue(() -> window.stage().getScene().getRoot().lookup("#campaign-devices") instanceof TableView<?> table
                && !table.getItems().isEmpty());
    }

    /** Waits (at most a minute) until {@code condition}, asked on the FX thread, holds. */
    private static void awaitTrue(FxWork<Boolean> condition) throws Exception {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!onFx(condition) && System.nanoTime() < until) {
            Thread.sleep(200);
        }
    }

    /** Scrolls the scroll pane that holds the node {@code selector} finds so that the node is at its top. */
    private static Void scrollTo(Node root, String selector) {
        Node node = root.lookup(selector);
        root.applyCss();
        if (root instanceof Parent p) {
            p.layout();
        }
        Nodes.scrollToTop(node);
        return null;
    }

    /** Switches the window to {@code user} and shows {@code screen}. */
    private static void signInAndShow(UiContext context, MainWindow window, DemoUser user, String screen)
            throws Exception {
        Session session = context.client().signIn(user.username(), user.password());
        onFx(() -> {
            window.signedIn(session);
            window.show(screen);
            return null;
        });
        Thread.sleep(SETTLE_MILLIS);
    }

    private static void openRequest(MainWindow window, RequestView request) throws Exception {
        onFx(() -> {
            ((RequestsScreen) window.screen("requests")).model().open(request);
            return null;
        });
        Thread.sleep(SETTLE_MILLIS);
    }

    private static void shoot(MainWindow window, Path file) throws Exception {
        Thread.sleep(SETTLE_MILLIS);
        onFx(() -> {
            write(window, file);
            return null;
        });
        System.out.println("Wrote " + file);
    }

    /**
     * The campaign's report as the Report button saves it, rendered by headless Chromium at the window's
     * width: what the user sees on opening the saved file.
     */
    private static void reportShot(CampaignsScreen campaigns, Path shot) throws Exception {
        Path html = Files.createTempDirectory("fota-desk-report").resolve("report.html");
        onFx(() -> {
            campaigns.saveReport(html);
            return null;
        });
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!(Files.isRegularFile(html) && Files.size(html) > 0) && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        Process chromium;
        try {
            chromium = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    "--hide-scrollbars", "--window-size=" + (int) WIDTH + "," + (int) (2 * HEIGHT),
                    "--screenshot=" + shot.toAbsolutePath(), html.toUri().toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException noChromium) {
            System.out.println("Left out " + shot + ": no chromium to render the report");
            return;
        }
        if (!chromium.waitFor(2, TimeUnit.MINUTES) || chromium.exitValue() != 0 || !Files.isRegularFile(shot)) {
            chromium.destroyForcibly();
            throw new IOException("chromium did not render the report to " + shot);
        }
        System.out.println("Wrote " + shot);
    }

    /** The operator's devices: the row menu on a selection of three, then the export dialog of the whole list. */
    private static void deviceShots(MainWindow window, Path out, String lang) throws Exception {
        Thread.sleep(SETTLE_MILLIS);
        onFx(() -> {
            showRowMenu(window.stage().getScene().getRoot(), "#devices-table");
            return null;
        });
        capture(window, out.resolve("devices-context-menu-" + lang + ".png"));
        onFx(() -> {
            hidePopups();
            ((Button) window.stage().getScene().getRoot().lookup("#devices-export")).fire();
            return null;
        });
        capture(window, out.resolve("devices-export-dialog-" + lang + ".png"));
        onFx(() -> {
            List.copyOf(Window.getWindows()).stream().filter(w -> w != window.stage() && w.getScene() != null
                    && w.getScene().getRoot().lookup("#export-dialog") != null).forEach(Window::hide);
            return null;
        });
    }

    private static void hidePopups() {
        List.copyOf(Window.getWindows()).stream().filter(w -> w instanceof ContextMenu).forEach(Window::hide);
    }

    /** Selects the first rows of the table {@code selector} finds and opens their context menu. */
    private static void showRowMenu(Node root, String selector) {
        TableView<?> table = (TableView<?>) root.lookup(selector);
        table.getSelectionModel().selectRange(0, Math.min(3, table.getItems().size()));
        for (Node n : table.lookupAll(".table-row-cell")) {
            if (n instanceof TableRow<?> row && !row.isEmpty() && row.getIndex() == 1 && row.getContextMenu() != null) {
                Bounds b = row.localToScreen(row.getBoundsInLocal());
                row.getContextMenu().show(row, b.getMinX() + 180, b.getMaxY());
                return;
            }
        }
    }

    /** The window as on screen, with its popups (menus, notifications), after the settle time. */
    private static void capture(MainWindow window, Path file) throws Exception {
        Thread.sleep(SETTLE_MILLIS);
        onFx(() -> {
            Stage stage = window.stage();
            WritableImage image = new Robot().getScreenCapture(null, stage.getX(), stage.getY(), stage.getWidth(),
                    stage.getHeight());
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            return null;
        });
        System.out.println("Wrote " + file);
    }

    /** Selects the first row of the screen's main table, so its detail shows too. */
    private static void selectFirstRow(Node root) {
        for (Node n : root.lookupAll(".table-view")) {
            if (n instanceof TableView<?> table && !table.getItems().isEmpty() && table.isVisible()) {
                table.getSelectionModel().select(0);
                return;
            }
        }
    }

    private static void write(MainWindow window, Path file) throws IOException {
        ImageIO.write(SwingFXUtils.fromFXImage(window.stage().getScene().snapshot(null), null), "png", file.toFile());
    }

    private interface FxWork<T> {
        T call() throws Exception;
    }

    private static <T> T onFx(FxWork<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }
}
