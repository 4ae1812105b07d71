package nl.fotadesk.ui.devices;

import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import nl.fotadesk.protocol.api.DeviceStatus;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.EventView;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.ui.Nodes;
import nl.fotadesk.ui.Permission;
import nl.fotadesk.ui.StatusTerms;
import nl.fotadesk.ui.UiContext;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The detail pane: one device's desired and reported state, setting its desired firmware, its
 * telemetry and its history as a timeline (newest first).
 */
final class DeviceDetailView {
    private final UiContext context;
    private final DeviceDetailModel model;
    private final DeviceTexts texts;
    private final StackPane root = new StackPane();
    private final VBox content = new VBox(12);
    private final Label imei = new Label();
    private final Label subtitle = new Label();
    private final Label loadError = new Label();
    private final Label reported = new Label();
    private final Label desired = new Label();
    private final Circle statusDot = new Circle(5);
    private final Label status = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Label served = new Label();
    private final Label result = new Label();
    private final Label lastSeen = new Label();
    private final GridPane state = new GridPane();
    private final ComboBox<FirmwareView> choice = new ComboBox<>();
    private final Button set = new Button();
    private final Label note = new Label();
    private final Label message = new Label();
    private final GridPane telemetry = new GridPane();
    private final VBox timeline = new VBox();
    private final HistoryText history;
    private final ObjectProperty<Consumer<String>> openCampaign;
    private final HBox holding = new HBox(6);
    private String shownImei;
    private String choiceMarks;

    /** @param openCampaign opens a campaign by its id on the campaigns screen; holds null while nobody can */
    DeviceDetailView(UiContext context, DeviceDetailModel model, Runnable close,
                     ObjectProperty<Consumer<String>> openCampaign) {
        this.context = context;
        this.model = model;
        this.openCampaign = openCampaign;
        this.texts = new DeviceTexts(context);
        this.history = new HistoryText(context, texts);
        root.setId("device-detail");
        root.getStyleClass().add("device-detail");
        Label empty = new Label(context.text("devices.detail.none"));
        empty.setId("device-detail-empty");
        empty.getStyleClass().add("help-text");
        empty.setWrapText(true);
        empty.setMaxWidth(260);
        empty.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);

        content.getChildren().addAll(header(close), stateCard(), telemetryCard(), historyCard());
        content.getStyleClass().add("device-detail-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        // its stylesheet least width keeps its texts and buttons whole: beside it the devices table gives way
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setMinWidth(0);
        empty.setMinWidth(0);
        scroll.getStyleClass().add("device-detail-scroll");
        root.getChildren().addAll(empty, scroll);
        scroll.visibleProperty().bind(model.deviceProperty().isNotNull());
        empty.visibleProperty().bind(model.deviceProperty().isNull());

        model.deviceProperty().addListener((o, old, now) -> render(now));
        model.history().addListener((javafx.collections.ListChangeListener<EventView>) c -> renderHistory());
        model.campaignsProperty().addListener((o, old, now) -> renderHolding());
        openCampaign.addListener((o, old, now) -> {
            renderHolding();
            renderHistory();
        });
        model.firmwareChoices().addListener((javafx.collections.ListChangeListener<FirmwareView>) c -> chooseDefault());
        model.loadErrorProperty().addListener((o, old, now) -> show(loadError, now));
        model.messageProperty().addListener((o, old, now) -> show(message, now));
        model.toneProperty().addListener((o, old, now) -> toneMessage());
        // after a refusal the note on what setting would do no longer applies
        note.visibleProperty().bind(model.toneProperty().isNotEqualTo(DeviceDetailModel.Tone.ERROR)
                .or(model.messageProperty().isEmpty()));
        note.managedProperty().bind(note.visibleProperty());
        show(loadError, "");
        show(message, "");
    }

    Node node() {
        return root;
    }

    private Node header(Runnable close) {
        imei.setId("device-detail-imei");
        imei.getStyleClass().add("device-detail-imei");
        subtitle.getStyleClass().add("help-text");
        Button closeButton = new Button("\u2715");
        closeButton.setId("device-detail-close");
        closeButton.getStyleClass().add("device-detail-close");
        closeButton.setTooltip(new Tooltip(context.text("devices.detail.close")));
        closeButton.setOnAction(e -> close.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, imei, spacer, closeButton);
        top.setAlignment(Pos.CENTER_LEFT);
        loadError.setId("device-detail-error");
        loadError.getStyleClass().add("error-text");
        loadError.setWrapText(true);
        loadError.setMinHeight(Region.USE_PREF_SIZE);
        return new VBox(2, top, subtitle, loadError);
    }

    private Node stateCard() {
        reported.setId("device-reported");
        desired.setId("device-desired");
        status.setId("device-status");
        progress.setId("device-progress");
        progress.setPrefWidth(110);
        result.setWrapText(true);
        HBox statusBox = new HBox(6, statusDot, status, progress);
        statusBox.setAlignment(Pos.CENTER_LEFT);
        state.getStyleClass().add("detail-grid");
        state.setHgap(12);
        state.setVgap(6);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        names.setHalignment(HPos.LEFT);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        state.getColumnConstraints().setAll(names, values);
        addRow(state, 0, "devices.detail.reported", reported);
        addRow(state, 1, "devices.detail.desired", desired);
        addRow(state, 2, "devices.detail.status", statusBox);
        addRow(state, 3, "devices.detail.served", served);
        addRow(state, 4, "devices.detail.result", result);
        addRow(state, 5, "devices.detail.lastSeen", lastSeen);

        Label setTitle = new Label(context.text("devices.detail.setTitle"));
        setTitle.getStyleClass().add("detail-subtitle");
        choice.setId("device-firmware-choice");
        choice.setItems(model.firmwareChoices());
        choice.setCellFactory(l -> new FirmwareCell());
        choice.setButtonCell(new FirmwareCell());
        choice.setPromptText(context.text("devices.detail.noFirmware"));
        choice.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(choice, Priority.ALWAYS);
        choice.valueProperty().addListener((o, old, now) -> renderNote());
        set.setId("device-set-desired");
        set.setText(context.text("devices.detail.set"));
        set.setDefaultButton(false);
        set.setMinWidth(Region.USE_PREF_SIZE);
        set.disableProperty().bind(choice.valueProperty().isNull().or(model.busyProperty()));
        set.setOnAction(e -> model.setDesired(choice.getValue()));
        HBox row = new HBox(8, choice, set);
        row.setAlignment(Pos.CENTER_LEFT);
        note.setId("device-set-desired-note");
        note.getStyleClass().add("help-text");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        message.setId("device-set-desired-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.getStyleClass().add("detail-message");
        holding.setId("device-campaign");
        holding.setAlignment(Pos.CENTER_LEFT);
        renderHolding();
        VBox card = new VBox(8, title("devices.detail.stateTitle"), holding, state);
        if (context.may(Permission.SET_DESIRED)) {
            card.getChildren().addAll(new javafx.scene.control.Separator(), setTitle, row, note, message);
        }
        card.getStyleClass().add("card");
        return card;
    }

    private Node telemetryCard() {
        telemetry.setId("device-telemetry");
        telemetry.setHgap(12);
        telemetry.setVgap(4);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        telemetry.getColumnConstraints().setAll(names, values);
        VBox card = new VBox(8, title("devices.detail.telemetryTitle"), telemetry);
        card.getStyleClass().add("card");
        return card;
    }

    private Node historyCard() {
        timeline.setId("device-history");
        timeline.getStyleClass().add("timeline");
        Button export = new Button(context.text("devices.detail.exportHistory"));
        export.setId("device-history-export");
        export.getStyleClass().add("small-button");
        export.setOnAction(e -> exportHistory());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(8, title("devices.detail.historyTitle"), gap, export);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(8, top, timeline);
        card.getStyleClass().add("card");
        return card;
    }

    private Label title(String key) {
        Label l = new Label(context.text(key));
        l.getStyleClass().add("card-title");
        return l;
    }

    private void addRow(GridPane grid, int row, String key, Node value) {
        Label name = new Label(context.text(key));
        name.getStyleClass().add("detail-name");
        grid.addRow(row, name, value);
    }

    private void render(DeviceView d) {
        if (d == null) {
            shownImei = null;
            return;
        }
        if (!d.imei().equals(shownImei)) {
            shownImei = d.imei();
            renderHistory();
            choice.setValue(model.firmwareChoices().isEmpty() ? null : model.firmwareChoices().get(0));
        }
        String firmwareNow = d.reportedFirmware() + "/" + d.desiredFirmwareId();
        if (!firmwareNow.equals(choiceMarks)) {
            // the choices say which version it runs and wants: redraw them
            choiceMarks = firmwareNow;
            choice.setButtonCell(new FirmwareCell());
        }
        imei.setText(d.imei());
        subtitle.setText(context.text("devices.detail.subtitle", d.deviceType(), d.client()));
        reported.setText(orDash(d.reportedFirmware()));
        desired.setText(orDash(d.desiredFirmware()));
        desired.getStyleClass().remove("differs");
        boolean differs = d.desiredFirmware() != null && !Objects.equals(d.desiredFirmware(), d.reportedFirmware());
        if (differs) {
            desired.getStyleClass().add("differs");
        }
        DeviceStatus s = d.status();
        status.setText(texts.statusLine(d));
        DeviceTexts.tone(statusDot, s);
        boolean downloading = s == DeviceStatus.DOWNLOADING;
        progress.setVisible(downloading);
        progress.setManaged(downloading);
        progress.setProgress(d.progress() == null ? ProgressBar.INDETERMINATE_PROGRESS : d.progress() / 100.0);
        served.setText(servedText(d));
        result.setText(d.fotaResult() == null ? "\u2014" : texts.result(d.fotaResult()));
        lastSeen.setText(d.lastSeen() == null ? context.text("devices.detail.neverSeen")
                : context.i18n().dateTime(d.lastSeen()));
        renderTelemetry(d.telemetry());
        renderNote();
    }

    private String servedText(DeviceView d) {
        if (d.bytesServed() == null) {
            return "\u2014";
        }
        FirmwareView image = model.firmwareChoices().stream().filter(f -> f.id().equals(d.desiredFirmwareId()))
                .findFirst().orElse(null);
        if (image == null) {
            return context.i18n().bytes(d.bytesServed());
        }
        // what was served counts retried parts again: more than the image is no progress past its end
        String size = context.i18n().bytes(image.size());
        return d.bytesServed() > image.size()
                ? context.text("devices.detail.servedRetries", size, context.i18n().bytes(d.bytesServed()))
                : context.text("devices.detail.servedOf", context.i18n().bytes(d.bytesServed()), size);
    }

    private void renderTelemetry(Map<String, Object> values) {
        telemetry.getChildren().clear();
        if (values == null || values.isEmpty()) {
            Label none = new Label(context.text("devices.detail.noTelemetry"));
            none.getStyleClass().add("help-text");
            telemetry.addRow(0, none);
            return;
        }
        int row = 0;
        for (Map.Entry<String, Object> e : new TreeMap<>(values).entrySet()) {
            Label name = new Label(texts.telemetryName(e.getKey()));
            name.getStyleClass().add("detail-name");
            Label value = new Label(texts.telemetryValue(e.getValue()));
            String at = DeviceTexts.telemetryTime(e.getValue());
            if (at != null) {
                value.setTooltip(new Tooltip(context.text("devices.detail.measured", context.i18n().dateTime(at))));
            }
            telemetry.addRow(row++, name, value);
        }
    }

    private void renderHistory() {
        timeline.getChildren().clear();
        if (model.history().isEmpty()) {
            Label none = new Label(context.text("devices.detail.noHistory"));
            none.getStyleClass().add("help-text");
            timeline.getChildren().add(none);
            return;
        }
        int n = model.history().size();
        for (int i = 0; i < n; i++) {
            timeline.getChildren().add(entry(model.history().get(i), i == n - 1));
        }
    }

    private Node entry(EventView e, boolean last) {
        Circle dot = new Circle(5);
        DeviceTexts.tone(dot, DeviceTexts.statusOf(e.state()));
        Region line = new Region();
        line.getStyleClass().add("timeline-line");
        line.setVisible(!last);
        VBox.setVgrow(line, Priority.ALWAYS);
        VBox rail = new VBox(dot, line);
        rail.setAlignment(Pos.TOP_CENTER);
        rail.setMinWidth(14);
        Label what = new Label(texts.state(e.state()));
        what.getStyleClass().add("timeline-state");
        Label when = new Label(texts.moment(e.at()));
        when.getStyleClass().add("help-text");
        if (e.at() != null) {
            when.setTooltip(new Tooltip(context.i18n().dateTime(e.at())));
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(8, what, gap, when);
        top.setAlignment(Pos.BASELINE_LEFT);
        VBox text = new VBox(1, top);
        if (e.campaignId() != null) {
            String name = model.campaignsProperty().get().name(e.campaignId());
            String by = name == null ? context.text("devices.detail.byCampaign")
                    : e.phase() == null ? context.text("devices.detail.byCampaignNamed", name)
                    : context.text("devices.detail.byCampaignPhase", name, e.phase() + 1);
            text.getChildren().add(campaignLink(by, name == null ? null : e.campaignId()));
        }
        String said = history.detail(e.state(), e.detail());
        if (said != null) {
            Label detail = new Label(said);
            detail.getStyleClass().add("help-text");
            detail.setWrapText(true);
            text.getChildren().add(detail);
        }
        text.getStyleClass().add("timeline-text");
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox entry = new HBox(8, rail, text);
        entry.getStyleClass().add("timeline-entry");
        return entry;
    }

    /** A campaign in words, as a link that opens it when it can be opened, else as plain words. */
    private Node campaignLink(String text, String campaignId) {
        Consumer<String> open = openCampaign.get();
        if (campaignId == null || open == null) {
            Label plain = new Label(text);
            plain.getStyleClass().add("help-text");
            plain.setWrapText(true);
            return plain;
        }
        Hyperlink link = new Hyperlink(text);
        link.getStyleClass().add("timeline-campaign");
        link.setTooltip(new Tooltip(context.text("devices.detail.openCampaign")));
        link.setOnAction(e -> open.accept(campaignId));
        link.setWrapText(true);
        return link;
    }

    /** Says which campaign holds the device now and in what state it is; nothing when none does. */
    private void renderHolding() {
        CampaignView c = model.campaignsProperty().get().holding();
        holding.getChildren().clear();
        holding.setVisible(c != null);
        holding.setManaged(c != null);
        if (c == null) {
            return;
        }
        Label in = new Label(context.text("devices.detail.holding"));
        in.getStyleClass().add("detail-name");
        in.setMinWidth(Region.USE_PREF_SIZE);
        Label state = new Label(context.text(StatusTerms.labelKey(c.state())));
        state.setId("device-campaign-state");
        state.getStyleClass().addAll("campaign-state", StatusTerms.styleClass(c.state()));
        state.setMinWidth(Region.USE_PREF_SIZE);
        holding.getChildren().addAll(in, campaignLink(c.name(), c.id()), state);
        Tooltip.install(holding, new Tooltip(context.text("devices.detail.holdingHelp", c.name())));
    }

    /** The device's history (as much as the server keeps, not only what the pane shows) to a CSV file. */
    private void exportHistory() {
        String imeiNow = model.imei();
        if (imeiNow == null) {
            return;
        }
        DeviceCsv csv = new DeviceCsv(context);
        CsvExport.Lines lines = (out, written, cancelled) -> {
            List<EventView> events = context.client().deviceHistory(imeiNow, DeviceDetailModel.EXPORT_HISTORY);
            HistoryCampaigns names = HistoryCampaigns.of(context.client(), events);
            CsvExport.history(csv, history, () -> events, names::name).write(out, written, cancelled);
        };
        new ExportDialog(context, Nodes.window(root), context.text("devices.export.history", imeiNow,
                DeviceDetailModel.EXPORT_HISTORY), "history-" + imeiNow, -1,
                "devices.export.doneEvents", lines).show();
    }

    /** The newest image, unless the operator already picked one for this device. */
    private void chooseDefault() {
        if (model.firmwareChoices().isEmpty()) {
            choice.setValue(null);
        } else if (choice.getValue() == null || !model.firmwareChoices().contains(choice.getValue())) {
            choice.setValue(model.firmwareChoices().get(0));
        }
    }

    /** Says what setting the chosen firmware will do. */
    private void renderNote() {
        DeviceView d = model.deviceProperty().get();
        FirmwareView f = choice.getValue();
        note.setText(switch (model.noteFor(f)) {
            case NONE -> "";
            case NO_FIRMWARE -> context.text("devices.detail.noFirmwareHelp", d.deviceType());
            case RUNS -> context.text("devices.detail.noteRuns", f.version());
            case DOWNGRADE -> context.text("devices.detail.noteDowngrade", f.version(), d.reportedFirmware());
            case RESTART -> context.text("devices.detail.noteRestart", f.version());
            case UPDATE -> context.text("devices.detail.noteUpdate", f.version());
        });
    }

    private void toneMessage() {
        message.getStyleClass().removeAll("error-text", "success-text");
        switch (model.toneProperty().get()) {
            case ERROR -> message.getStyleClass().add("error-text");
            case SUCCESS -> message.getStyleClass().add("success-text");
            default -> { }
        }
    }

    private static void show(Label label, String text) {
        label.setText(text);
        boolean visible = text != null && !text.isEmpty();
        label.setVisible(visible);
        label.setManaged(visible);
    }

    private String orDash(String s) {
        return s == null ? "\u2014" : s;
    }

    /** A firmware image by its version, saying which one the device runs or wants now. */
    private final class FirmwareCell extends ListCell<FirmwareView> {
        @Override
        protected void updateItem(FirmwareView item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                return;
            }
            DeviceView d = model.deviceProperty().get();
            if (d != null && item.version().equals(d.reportedFirmware())) {
                setText(context.text("devices.detail.choiceRuns", item.version()));
            } else if (d != null && item.id().equals(d.desiredFirmwareId())) {
                setText(context.text("devices.detail.choiceDesired", item.version()));
            } else {
                setText(item.version());
            }
        }
    }
}
