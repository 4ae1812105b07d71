package nl.fotadesk.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import nl.fotadesk.demo.DemoEnvironment.DemoUser;
import nl.fotadesk.protocol.api.EventView;
import nl.fotadesk.protocol.api.RequestView;
import nl.fotadesk.protocol.api.Session;
import nl.fotadesk.ui.accounts.AccountBar;
import nl.fotadesk.ui.accounts.SignInDialog;
import nl.fotadesk.ui.campaigns.CampaignsScreen;
import nl.fotadesk.ui.devices.DevicesScreen;
import nl.fotadesk.ui.groups.GroupsScreen;
import nl.fotadesk.ui.requests.RequestAlerts;
import nl.fotadesk.ui.requests.RequestsScreen;
import org.controlsfx.control.StatusBar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The main window: navigation on the left (Ctrl+1..7), the current screen in the middle, language
 * and the demo badge on top, and the connection state and who is signed in in the status bar. Switching the language
 * rebuilds the screens in place, no restart needed, each keeping what the user was doing; switching
 * the user rebuilds them for the new user's role (only the screens they may see). A session the server
 * no longer accepts asks to sign in again. F1 or the Help button on top shows
 * the help; campaigns that stop while the operator looks elsewhere are announced; closing asks first
 * when it would lose an upload or stop the demo.
 */
public final class MainWindow {
    private final Stage stage;
    private final UiContext context;
    private final List<Function<UiContext, Screen>> factories;
    private final BorderPane root = new BorderPane();
    private final StackPane layers = new StackPane(root);
    private final EventsFeed feed;
    private final CampaignAlerts alerts;
    private final RequestAlerts requestAlerts;
    private final HelpOverlay help;
    private Runnable beforeClose = () -> { };
    /** Every screen built, in the factories' order; {@link #screens} are those the user may see. */
    private List<Screen> built = List.of();
    private List<Screen> screens = List.of();
    private List<DemoUser> demoUsers = List.of();
    /** True while the sign-in dialog is open, so that many refused requests ask once. */
    private boolean askingToSignIn;
    private Screen current;

    public MainWindow(Stage stage, UiContext context, List<Function<UiContext, Screen>> factories) {
        this.stage = stage;
        this.context = context;
        this.factories = factories;
        root.getStyleClass().add("main-window");
        Scene scene = new Scene(layers);
        scene.getStylesheets().add(MainWindow.class.getResource("/ui/fota-desk.css").toExternalForm());
        stage.setScene(scene);
        AppIcons.apply(stage);
        alerts = new CampaignAlerts(context, stage, this::watching, this::openCampaign);
        help = new HelpOverlay(context, layers, () -> screens);
        requestAlerts = new RequestAlerts(context, RequestAlerts.notifications(context, stage, this::openRequest));
        build(false);
        requestAlerts.start();
        for (int i = 0; i < factories.size(); i++) {
            int index = i;
            scene.getAccelerators().put(Shortcuts.screen(i), () -> {
                if (index < screens.size()) {
                    show(screens.get(index));
                }
            });
        }
        context.setOnSignInNeeded(this::signInAgain);
        scene.getAccelerators().put(Shortcuts.REFRESH, () -> current.onShow());
        scene.getAccelerators().put(Shortcuts.HELP, help::toggle);
        scene.getAccelerators().put(Shortcuts.NEW_CAMPAIGN, this::newCampaign);
        stage.setOnCloseRequest(e -> {
            e.consume();
            new CloseQuestion(context, screens, root).ask(this::quit);
        });
        // Back in the window on the campaigns screen: its news are seen.
        stage.focusedProperty().addListener((o, was, focused) -> {
            if (focused && current instanceof CampaignsScreen) {
                alerts.seen();
            }
        });
        feed = new EventsFeed(context, this::onEvents);
        feed.start();
    }

    /**
     * The main window acting for the user of {@code session}, who can switch to {@code demoUsers} in one
     * click (the demo's; empty for a server).
     */
    public static MainWindow forUser(Stage stage, UiContext context, Session session, List<DemoUser> demoUsers) {
        context.userProperty().set(session.user());
        MainWindow window = new MainWindow(stage, context, FotaDeskApp.SCREENS);
        window.offerDemoUsers(demoUsers);
        return window;
    }

    /** The screen with this id (for tests and shortcuts). */
    public Screen screen(String id) {
        return screens.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    public void show(String id) {
        show(screen(id));
    }

    public Stage stage() {
        return stage;
    }

    /** Shows the help over the window, as F1 and the Help button do. */
    public void showHelp() {
        if (!help.isShown()) {
            help.show();
        }
    }

    public void hideHelp() {
        if (help.isShown()) {
            help.hide();
        }
    }

    /** Runs {@code action} when the window closes for good (after any question). */
    public void setBeforeClose(Runnable action) {
        this.beforeClose = action;
    }

    /** Shows the campaign with this id, following it live. */
    public void openCampaign(String id) {
        if (screen("campaigns") instanceof CampaignsScreen campaigns) {
            show(campaigns);
            campaigns.showCampaign(id);
        }
    }

    /** Shows the device with this IMEI on the devices screen, in its detail. */
    public void openDevice(String imei) {
        screens.stream().filter(s -> s instanceof DevicesScreen).findFirst().ifPresent(s -> {
            show(s);
            ((DevicesScreen) s).showDevice(imei);
        });
    }

    /** Opens the wizard for a new campaign (Ctrl+N). */
    private void newCampaign() {
        if (context.may(Permission.MANAGE_CAMPAIGNS) && screen("campaigns") instanceof CampaignsScreen campaigns) {
            show(campaigns);
            campaigns.showWizard();
        }
    }

    /** True when the campaigns screen is in front and shows the campaign with this id or the list of all. */
    private boolean watching(String campaignId) {
        return current instanceof CampaignsScreen campaigns && campaigns.shows(campaignId);
    }

    private void quit() {
        beforeClose.run();
        stage.close();
    }

    /** Offers a one-click switch between the demo's users in the status bar. */
    public void offerDemoUsers(List<DemoUser> users) {
        demoUsers = List.copyOf(users);
        root.setBottom(statusBar());
    }

    /** Acts for the user of {@code session} from now on: their screens, their actions, their name below. */
    public void signedIn(Session session) {
        boolean sameUser = context.user() != null && context.user().username().equals(session.user().username());
        context.userProperty().set(session.user());
        if (!context.demo()) {
            context.settings().setUsername(session.user().username());
        }
        if (sameUser) {
            root.setBottom(statusBar());
            current.onShow();
        } else {
            build(true);
            requestAlerts.start();
        }
    }

    /** The server refused the session (it expired or was ended): the demo signs in again by itself, a server asks. */
    private void signInAgain() {
        if (askingToSignIn) {
            return;
        }
        askingToSignIn = true;
        DemoUser demoUser = demoUsers.stream().filter(u -> context.user() != null
                && u.username().equals(context.user().username())).findFirst().orElse(null);
        if (demoUser != null) {
            context.run(() -> context.client().signIn(demoUser.username(), demoUser.password()), session -> {
                askingToSignIn = false;
                signedIn(session);
            }, problem -> askingToSignIn = false);
            return;
        }
        String username = context.user() == null ? "" : context.user().username();
        java.util.Optional<Session> session = new SignInDialog(context).ask(stage, username, "signIn.expired");
        askingToSignIn = false;
        session.ifPresentOrElse(this::signedIn, this::quit);
    }

    /** Ends the session and asks who signs in next; without anyone, the app closes. */
    private void signOut() {
        context.run(() -> {
            context.client().signOut();
            return true;
        }, done -> new SignInDialog(context).ask(stage, "", "signIn.signedOut").ifPresentOrElse(this::signedIn, this::quit),
                problem -> new SignInDialog(context).ask(stage, "", "signIn.signedOut")
                        .ifPresentOrElse(this::signedIn, this::quit));
    }

    private void viewAs(DemoUser user) {
        context.run(() -> context.client().signIn(user.username(), user.password()), this::signedIn,
                problem -> root.setBottom(statusBar()));
    }

    /** @param fresh new screens for another user; else the same screens relabelled in the new language */
    private void build(boolean fresh) {
        I18n i18n = context.i18n();
        stage.setTitle(context.demo() ? i18n.get("app.title.demo") : i18n.get("app.title"));
        String shown = current == null ? context.settings().screen() : current.id();
        List<Screen> before = fresh ? List.of() : built;
        built = new ArrayList<>();
        for (int i = 0; i < factories.size(); i++) {
            Screen kept = i < before.size() ? before.get(i).relabelled() : null;
            built.add(kept != null ? kept : factories.get(i).apply(context));
        }
        screens = built.stream().filter(s -> s.permission() == null || context.may(s.permission())).toList();
        for (Screen s : screens) {
            if (s instanceof DevicesScreen devices && context.may(Permission.SEE_ROLLOUTS)) {
                devices.setOnOpenCampaign(this::openCampaign); // a campaign named in a device's history
            } // a requester has no Campaigns screen: there the campaign stays a name
            if (s instanceof RequestsScreen requests) {
                requests.setOnOpenCampaign(this::openCampaign); // the campaign an approval created
            }
            if (s instanceof CampaignsScreen campaigns) {
                campaigns.setOnOpenDevice(this::openDevice); // a device of a campaign's table
            }
            if (s instanceof GroupsScreen groups) {
                groups.setOnOpenDevice(this::openDevice); // a member of a group
            }
        }
        root.setTop(topBar());
        root.setBottom(statusBar());
        root.setLeft(navigation());
        current = null;
        show(screens.stream().filter(s -> s.id().equals(shown)).findFirst().orElse(screens.get(0)));
    }

    private Node topBar() {
        Label title = new Label(context.text("app.name"));
        title.getStyleClass().add("app-title");
        HBox bar = new HBox(12, title);
        if (context.demo()) {
            Label badge = new Label(context.text("app.demoBadge"));
            badge.setId("demo-badge");
            badge.getStyleClass().add("demo-badge");
            badge.setTooltip(new Tooltip(context.text("app.demoTooltip")));
            bar.getChildren().add(badge);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label languageLabel = new Label(context.text("app.language"));
        ComboBox<Locale> language = new ComboBox<>();
        language.setId("language");
        language.getItems().setAll(I18n.LANGUAGES);
        // each language in its own name
        ChoiceCells.wordAs(language, locale -> capitalize(locale.getDisplayLanguage(locale)));
        language.setValue(context.i18n().locale());
        language.valueProperty().addListener((o, old, now) -> {
            if (now != null && !now.equals(context.i18n().locale())) {
                context.settings().setLanguage(now);
                context.i18n().localeProperty().set(now);
                build(false);
            }
        });
        Button helpButton = new Button(context.text("app.help"));
        helpButton.setId("help-button");
        helpButton.setTooltip(new Tooltip(context.text("app.helpTooltip", Shortcuts.HELP.getDisplayText())));
        helpButton.setOnAction(e -> showHelp());
        bar.getChildren().addAll(spacer, languageLabel, language, helpButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("top-bar");
        return bar;
    }

    private Node navigation() {
        ToggleGroup group = new ToggleGroup();
        VBox nav = new VBox(4);
        nav.getStyleClass().add("navigation");
        for (int i = 0; i < screens.size(); i++) {
            Screen s = screens.get(i);
            ToggleButton button = new ToggleButton(context.text(s.titleKey()));
            button.setId("nav-" + s.id());
            button.setToggleGroup(group);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setTooltip(new Tooltip(context.text("nav.shortcut", Shortcuts.screen(i).getDisplayText())));
            button.getStyleClass().add("nav-button");
            button.setOnAction(e -> show(s));
            if (s instanceof CampaignsScreen) {
                button.setGraphic(badge());
                button.setContentDisplay(ContentDisplay.RIGHT);
            }
            if (s instanceof RequestsScreen) {
                button.setGraphic(requestsBadge());
                button.setContentDisplay(ContentDisplay.RIGHT);
            }
            nav.getChildren().add(button);
        }
        return nav;
    }

    /** How many campaigns stopped since the operator last saw the campaigns screen. */
    private Label badge() {
        Label badge = new Label();
        badge.setId("nav-campaigns-badge");
        badge.getStyleClass().add("nav-badge");
        badge.textProperty().bind(alerts.unseenProperty().asString());
        badge.visibleProperty().bind(alerts.unseenProperty().greaterThan(0));
        badge.setTooltip(new Tooltip(context.text("alerts.badge.tooltip")));
        return badge;
    }

    /** Operators: the requests waiting for review; the others: their requests that changed since they last looked. */
    private Label requestsBadge() {
        Label badge = new Label();
        badge.setId("nav-requests-badge");
        badge.getStyleClass().add("nav-badge");
        badge.textProperty().bind(requestAlerts.badgeProperty().asString());
        badge.visibleProperty().bind(requestAlerts.badgeProperty().greaterThan(0));
        badge.setTooltip(new Tooltip(context.text(context.may(Permission.DECIDE_REQUESTS)
                ? "requests.badge.tooltip.decide" : "requests.badge.tooltip.follow")));
        return badge;
    }

    /** Shows the request on the Requests screen. */
    private void openRequest(RequestView request) {
        screens.stream().filter(s -> s instanceof RequestsScreen).findFirst().ifPresent(s -> {
            show(s);
            ((RequestsScreen) s).model().open(request);
        });
    }

    private Node statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("status-bar");
        Circle dot = new Circle(5);
        dot.getStyleClass().add("connection-dot");
        Runnable update = () -> {
            ConnectionState state = context.connectionProperty().get();
            bar.setText(context.text(state.key(), context.connectionDetailProperty().get()));
            dot.getStyleClass().removeIf(c -> c.startsWith("connection-"));
            dot.getStyleClass().addAll("connection-dot", "connection-" + state.name().toLowerCase(Locale.ROOT));
        };
        context.connectionProperty().addListener((o, a, b) -> update.run());
        context.connectionDetailProperty().addListener((o, a, b) -> update.run());
        update.run();
        bar.getLeftItems().add(dot);
        bar.getRightItems().add(new AccountBar(context, demoUsers, this::signOut, this::viewAs).node());
        return bar;
    }

    private void show(Screen s) {
        current = s;
        root.setCenter(s.node());
        context.settings().setScreen(s.id());
        Node button = root.getLeft().lookup("#nav-" + s.id());
        if (button instanceof ToggleButton t) {
            t.setSelected(true);
        }
        if (s instanceof CampaignsScreen) {
            alerts.seen();
        }
        if (s instanceof RequestsScreen) {
            requestAlerts.seen();
        }
        s.onShow();
    }

    private void onEvents(List<EventView> events) {
        if (current != null) {
            current.onEvents(events);
        }
        if (context.may(Permission.SEE_ROLLOUTS)) { // campaign news lead to the Campaigns screen
            alerts.onEvents(events);
        }
        requestAlerts.onEvents(events);
    }

    /** Stops following the server. */
    public void close() {
        feed.close();
        requestAlerts.stop();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
