package nl.fotadesk.ui.devices;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import nl.fotadesk.protocol.api.EventView;
import nl.fotadesk.ui.Nodes;
import nl.fotadesk.ui.UiContext;

import java.util.List;

/** The detail pane's history card: the device's events as a timeline (newest first), and their export. */
final class DeviceHistoryCard {
    private final UiContext context;
    private final DeviceDetailModel model;
    private final DeviceTexts texts;
    private final HistoryText history;
    private final CampaignLinks links;
    private final VBox timeline = new VBox();
    private final VBox card;

    DeviceHistoryCard(UiContext context, DeviceDetailModel model, DeviceTexts texts, CampaignLinks links) {
        this.context = context;
        this.model = model;
        this.texts = texts;
        this.history = new HistoryText(context, texts);
        this.links = links;
        timeline.setId("device-history");
        timeline.getStyleClass().add("timeline");
        Button export = new Button(context.text("devices.detail.exportHistory"));
        export.setId("device-history-export");
        export.getStyleClass().add("small-button");
        export.setOnAction(e -> exportHistory());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(8, DetailCard.title(context, "devices.detail.historyTitle"), gap, export);
        top.setAlignment(Pos.CENTER_LEFT);
        card = DetailCard.of(top, timeline);
        model.history().addListener((ListChangeListener<EventView>) c -> render());
        links.onChange(this::render);
    }

    Node node() {
        return card;
    }

    void render() {
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
        HistoryCampaigns campaigns = model.campaignsProperty().get();
        String by = history.campaignLine(e, campaigns);
        if (by != null) {
            text.getChildren().add(links.link(by, campaigns.name(e.campaignId()) == null ? null : e.campaignId()));
        }
        String said = history.detail(e);
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

    /** The device's history (as much as the server keeps, not only what the pane shows) to a CSV file. */
    private void exportHistory() {
        String imei = model.imei();
        if (imei == null) {
            return;
        }
        DeviceCsv csv = new DeviceCsv(context);
        CsvExport.Lines lines = (out, written, cancelled) -> {
            List<EventView> events = context.client().deviceHistory(imei, DeviceDetailModel.EXPORT_HISTORY);
            HistoryCampaigns names = HistoryCampaigns.of(context.client(), events);
            CsvExport.history(csv, history, () -> events, names::name).write(out, written, cancelled);
        };
        new ExportDialog(context, Nodes.window(card), context.text("devices.export.history", imei,
                DeviceDetailModel.EXPORT_HISTORY), "history-" + imei, -1,
                "devices.export.doneEvents", lines).show();
    }
}
