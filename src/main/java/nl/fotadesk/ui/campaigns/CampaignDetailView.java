package nl.fotadesk.ui.campaigns;

import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import nl.fotadesk.protocol.api.CampaignState;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.EventView;
import nl.fotadesk.ui.Nodes;
import nl.fotadesk.ui.Permission;
import nl.fotadesk.ui.UiContext;

import java.io.File;
import java.time.Instant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One campaign, live: its state and why, the operator's actions, devices per state, the phases, a
 * chart of succeeded and failed devices over time, and the device list. It refreshes on the server's
 * events (at most twice a second) and, while devices are busy, every few seconds.
 */
final class CampaignDetailView implements CampaignPage {
    private final CampaignTexts texts;
    private final CampaignDetailModel model;
    private final ScrollPane root = new ScrollPane();
    private final Label name = new Label();
    private final StateBadge state = new StateBadge();
    private final Label subtitle = new Label();
    private final Label settings = new Label();
    private final StateBanner banner;
    private final CampaignActions actions;
    private final CountsPane counts;
    private final PhasesPane phases;
    private final ProgressChart chart;
    private final CampaignDevicesPane devices;
    private final Throttle refresh;
    private final PauseTransition followUp = new PauseTransition(Duration.millis(1200));
    private final Timeline heartbeat;
    /** The forecast's chart, drawing what the campaign does over it; null without a forecast. */
    private ForecastChart forecastChart;
    /** When the campaign's window opens or ends, which changes what this view says without an event; null: never. */
    private Instant windowChange;

    /** @param openDevice opens a device by its IMEI on the devices screen */
    CampaignDetailView(UiContext context, CampaignTexts texts, String id, Runnable back, Consumer<String> open,
                       Consumer<String> openDevice) {
        this.texts = texts;
        this.model = new CampaignDetailModel(context, id);
        banner = new StateBanner(texts);
        counts = new CountsPane(texts, s -> model.filter.set(DeviceStateChoice.of(s)));
        phases = new PhasesPane(texts, p -> model.phase.set(p));
        chart = new ProgressChart(texts);
        devices = new CampaignDevicesPane(texts, model, openDevice);
        actions = new CampaignActions(texts, model);
        Permission.MANAGE_CAMPAIGNS.offer(actions.node(), context);
        refresh = new Throttle(Duration.millis(500), model::load);
        followUp.setOnFinished(e -> refresh.request());
        heartbeat = new Timeline(new KeyFrame(Duration.seconds(2), e -> {
            CampaignView c = model.campaign.get();
            if (c != null && windowChange != null && !Instant.now().isBefore(windowChange)) {
                show(c);
                actions.update();
                refresh.request();
            } else if (c != null && busy(c)) {
                refresh.request();
            }
        }));
        heartbeat.setCycleCount(Timeline.INDEFINITE);

        Hyperlink toList = new Hyperlink(texts.text("campaigns.backToList"));
        toList.setId("campaign-back");
        toList.setOnAction(e -> back.run());
        name.setId("campaign-name");
        name.getStyleClass().add("screen-title");
        name.setText(texts.text("campaigns.loading"));
        Tooltip wholeName = new Tooltip();
        wholeName.textProperty().bind(name.textProperty());
        name.setTooltip(wholeName);
        state.setId("campaign-state");
        Button report = new Button(texts.text("campaigns.report"));
        report.setId("campaign-report");
        report.setTooltip(new Tooltip(texts.text("campaigns.report.tooltip")));
        report.setMinWidth(Region.USE_PREF_SIZE);
        report.disableProperty().bind(model.campaign.isNull());
        report.setOnAction(e -> saveReport());
        TitleRow titleRow = new TitleRow(name, state, actions.node());
        subtitle.setId("campaign-subtitle");
        subtitle.getStyleClass().add("campaign-subtitle");
        subtitle.setWrapText(true);
        subtitle.setMinHeight(Label.USE_PREF_SIZE);

        Label notice = message("campaign-notice", "notice-text");
        notice.textProperty().bind(model.notice);
        Label actionError = message("campaign-error", "error-text");
        actionError.textProperty().bind(model.actionError);
        Label loadError = message("campaign-load-error", "error-text");
        loadError.textProperty().bind(model.error);

        settings.setId("campaign-settings");
        settings.getStyleClass().add("help-text");
        settings.setWrapText(true);
        settings.setMinHeight(Label.USE_PREF_SIZE);
        VBox phasesCard = Forms.card(Forms.section(texts.text("campaigns.phases.title")), phases.node(), settings);
        VBox.setVgrow(phases.node(), Priority.ALWAYS);
        Region chartSpacer = new Region();
        HBox.setHgrow(chartSpacer, Priority.ALWAYS);
        HBox chartHeader = new HBox(8, Forms.section(texts.text("campaigns.chart.title")), chartSpacer, chart.legend());
        chartHeader.setAlignment(Pos.CENTER_LEFT);
        VBox chartCard = Forms.card(chartHeader, chart.node());
        VBox.setVgrow(chart.node(), Priority.ALWAYS);
        GridPane middle = new GridPane();
        middle.setHgap(12);
        ColumnConstraints left = new ColumnConstraints();
        left.setPercentWidth(45);
        ColumnConstraints right = new ColumnConstraints();
        right.setPercentWidth(55);
        middle.getColumnConstraints().addAll(left, right);
        middle.add(phasesCard, 0, 0);
        middle.add(chartCard, 1, 0);
        GridPane.setVgrow(phasesCard, Priority.ALWAYS);
        phasesCard.setMaxHeight(Double.MAX_VALUE);
        middle.setMinHeight(220);
        middle.setPrefHeight(240);

        VBox forecastCard = Forms.card(Forms.section(texts.text("campaigns.forecast.versus")));
        forecastCard.setId("campaign-forecast");
        forecastCard.managedProperty().bind(model.forecast.isNotNull());
        forecastCard.visibleProperty().bind(forecastCard.managedProperty());
        model.forecast.addListener((o, old, f) -> {
            forecastCard.getChildren().setAll(forecastCard.getChildren().get(0));
            forecastChart = null;
            if (f != null) {
                forecastChart = ForecastChart.of(texts, f.versus().forecast());
                if (forecastChart != null) {
                    forecastChart.actual(f.campaign(), f.progress());
                }
                forecastCard.getChildren().addAll(ForecastPane.versus(texts, f.versus()),
                        ForecastPane.of(texts, f.versus().forecast(), forecastChart));
            }
        });

        VBox.setVgrow(devices.node(), Priority.ALWAYS);
        Region topSpacer = new Region();
        HBox.setHgrow(topSpacer, Priority.ALWAYS);
        // beside the way back, not among the actions: the title row has no room for it at the least window size
        HBox topRow = new HBox(8, toList, topSpacer, report);
        topRow.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(10, topRow, titleRow, subtitle, banner.node(), notice, actionError, loadError,
                counts.node(), middle, forecastCard, devices.node());
        content.getStyleClass().addAll("screen", "campaign-detail");
        root.setContent(content);
        root.setFitToWidth(true);
        root.setFitToHeight(true);
        root.getStyleClass().add("campaign-detail-scroll");
        root.setId("campaign-detail");

        model.onHistory(chart::reset);
        model.campaign.addListener((o, old, c) -> {
            if (c != null) {
                show(c);
                if (old == null || old.state() != c.state()) {
                    model.loadForecast(c); // what happened changes with the state; not on every refresh
                }
            }
        });
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void load() {
        model.load();
        heartbeat.play();
    }

    @Override
    public void onEvents(List<EventView> events) {
        for (EventView e : events) {
            boolean ours = model.id().equals(e.campaignId());
            // Device uplinks carry no campaign: any may be one of ours.
            if (ours || (e.campaignId() == null && "device".equals(e.kind()))) {
                refresh.request();
                // The engine turns device changes into campaign counts on its next tick.
                followUp.playFromStart();
                return;
            }
        }
    }

    @Override
    public void stop() {
        refresh.stop();
        followUp.stop();
        heartbeat.stop();
    }

    private void show(CampaignView c) {
        name.setText(c.name());
        Instant now = Instant.now();
        windowChange = WindowNotes.nextChange(c, now);
        state.show(c.state(), texts);
        banner.show(c, now);
        counts.show(c);
        phases.show(c);
        chart.update(c);
        if (forecastChart != null) {
            forecastChart.update(c);
        }
        devices.show(c);
        List<String> rules = new ArrayList<>();
        rules.add(texts.text("campaigns.detail.thresholds", c.successThreshold(), c.errorThreshold()));
        rules.add(texts.text("campaigns.detail.timeout", texts.duration(c.deviceTimeoutSeconds())));
        rules.add(texts.text("campaigns.detail.retries", c.maxRetries()));
        if (c.vendorStrict()) {
            rules.add(texts.text("campaigns.wizard.vendorStrictShort"));
        }
        String hours = texts.windowHours(c.window());
        if (hours != null) {
            rules.add(texts.text("campaigns.detail.windowHours", hours));
        }
        if (c.window() != null && c.window().endsAt() != null) {
            rules.add(texts.text(WindowNotes.ended(c, now) ? "campaigns.detail.windowClosed" : "campaigns.detail.windowEnds",
                    texts.windowMoment(c.window(), c.window().endsAt())));
        }
        settings.setText(String.join(" \u00b7 ", rules));
        List<String> about = new ArrayList<>();
        about.add(texts.text("campaigns.detail.subtitle", texts.firmware(c), texts.target(c.target(),
                model.groupNames()), c.devices(), c.phases() == null ? 0 : c.phases().size()));
        about.add(texts.text("campaigns.detail.created", texts.dateTime(c.createdAt())));
        if (c.startedAt() != null) {
            about.add(texts.text("campaigns.detail.started", texts.dateTime(c.startedAt())));
        }
        if (c.finishedAt() != null) {
            about.add(texts.text("campaigns.detail.finished", texts.dateTime(c.finishedAt())));
        }
        subtitle.setText(String.join(" \u00b7 ", about));
    }

    /** Writes the campaign's printable report to {@code target}, as Report does once it knows where. */
    void saveReport(Path target) {
        model.report(target);
    }

    /** Asks where, then writes the campaign's printable report there. */
    private void saveReport() {
        CampaignView c = model.campaign.get();
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.text("campaigns.report.title", c.name()));
        chooser.setInitialFileName(CampaignReport.fileName(c));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(texts.text("campaigns.report.filter"), "*.html"));
        File target = chooser.showSaveDialog(Nodes.window(root));
        if (target != null) {
            saveReport(target.toPath());
        }
    }

    /** Whether devices may still change without an event for them: worth a look every few seconds. */
    private static boolean busy(CampaignView c) {
        Counts n = Counts.of(c.counts(), c.devices());
        return c.state() == CampaignState.RUNNING || c.state() == CampaignState.SCHEDULED || n.inFlight() > 0;
    }

    private static Label message(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.managedProperty());
        return l;
    }
}
