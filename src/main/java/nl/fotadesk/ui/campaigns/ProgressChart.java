package nl.fotadesk.ui.campaigns;

import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.geometry.Pos;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import nl.fotadesk.protocol.api.CampaignState;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.ProgressPoint;

import java.time.Instant;
import java.util.List;

/**
 * Succeeded and failed devices over time since the campaign started. It starts from the progress
 * history the server keeps (when the campaign is opened) and then takes the counts of each refresh.
 */
final class ProgressChart {
    /** Beyond this many points, every other older point is dropped. */
    private static final int MAX_POINTS = 600;

    private final CampaignTexts texts;
    private final NumberAxis time = ChartAxes.timeAxis();
    private final NumberAxis count;
    private final LineChart<Number, Number> chart;
    private final XYChart.Series<Number, Number> succeeded = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> failed = new XYChart.Series<>();
    private final Label placeholder = new Label();
    private final StackPane root;
    private Instant origin;
    private int devices = 1;

    ProgressChart(CampaignTexts texts) {
        this.texts = texts;
        this.count = ChartAxes.countAxis(texts::number);
        this.chart = new LineChart<>(time, count);
        chart.setId("campaign-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        chart.setMinHeight(180);
        chart.setPrefHeight(220);
        chart.getStyleClass().add("progress-chart");
        succeeded.setName(texts.text("campaigns.chart.succeeded"));
        failed.setName(texts.text("campaigns.chart.failed"));
        chart.getData().add(succeeded);
        chart.getData().add(failed);
        placeholder.getStyleClass().add("help-text");
        placeholder.setWrapText(true);
        root = new StackPane(chart, placeholder);
        scale(0, 1);
    }

    Node node() {
        return root;
    }

    /** The chart's legend, for the card's header: a coloured mark per line. */
    Node legend() {
        HBox legend = new HBox(12, mark("campaigns.chart.succeeded", "legend-succeeded"),
                mark("campaigns.chart.failed", "legend-failed"));
        legend.setAlignment(Pos.CENTER_RIGHT);
        legend.setId("campaign-chart-legend");
        return legend;
    }

    private Label mark(String key, String style) {
        Region line = new Region();
        line.getStyleClass().addAll("legend-mark", style);
        Label label = new Label(texts.text(key), line);
        label.getStyleClass().add("legend-label");
        return label;
    }

    /** Starts over for {@code c} from its progress history, oldest point first. */
    void reset(CampaignView c, List<ProgressPoint> history) {
        succeeded.getData().clear();
        failed.getData().clear();
        origin = c.startedAt() == null ? null : Instant.parse(c.startedAt());
        if (origin == null) {
            return;
        }
        devices = c.devices();
        add(origin, 0, 0);
        for (ProgressPoint p : history) {
            Counts counts = Counts.of(p.counts(), c.devices());
            add(Instant.parse(p.at()), counts.succeeded(), counts.failed());
        }
    }

    /** Adds the counts of {@code c} now (or at its end, when it has finished). */
    void update(CampaignView c) {
        if (origin == null && c.startedAt() != null) {
            origin = Instant.parse(c.startedAt());
            add(origin, 0, 0);
        }
        boolean started = origin != null;
        chart.setVisible(started);
        placeholder.setVisible(!started);
        placeholder.setText(started ? "" : texts.text(c.state() == CampaignState.SCHEDULED
                ? "campaigns.chart.scheduled" : "campaigns.chart.notStarted"));
        if (!started) {
            return;
        }
        devices = c.devices();
        Counts counts = Counts.of(c.counts(), c.devices());
        boolean finished = c.finishedAt() != null && (c.state() == CampaignState.COMPLETED
                || c.state() == CampaignState.CANCELLED);
        Instant at = finished ? Instant.parse(c.finishedAt()) : Instant.now();
        add(at, counts.succeeded(), counts.failed());
    }

    /** A new point; when the counts did not change since the last two, the last point moves instead. */
    private void add(Instant at, int s, int f) {
        double x = Math.max(0, (at.toEpochMilli() - origin.toEpochMilli()) / 1000.0);
        ObservableList<XYChart.Data<Number, Number>> sd = succeeded.getData();
        ObservableList<XYChart.Data<Number, Number>> fd = failed.getData();
        int n = sd.size();
        if (n > 0 && x < sd.get(n - 1).getXValue().doubleValue()) {
            x = sd.get(n - 1).getXValue().doubleValue();
        }
        if (n >= 2 && same(sd, fd, n - 1, s, f) && same(sd, fd, n - 2, s, f)) {
            sd.get(n - 1).setXValue(x);
            fd.get(n - 1).setXValue(x);
            scale(x, devices);
            return;
        }
        if (n > 0 && same(sd, fd, n - 1, s, f) && sd.get(n - 1).getXValue().doubleValue() == x) {
            return;
        }
        sd.add(new XYChart.Data<>(x, s));
        fd.add(new XYChart.Data<>(x, f));
        if (sd.size() > MAX_POINTS) {
            thin(sd);
            thin(fd);
        }
        scale(x, devices);
    }

    /** Axes of whole minutes (or seconds, hours) up to the latest point, and of devices up to all of them. */
    private void scale(double seconds, int total) {
        ChartAxes.time(time, seconds);
        ChartAxes.count(count, total);
    }

    private static boolean same(List<XYChart.Data<Number, Number>> sd, List<XYChart.Data<Number, Number>> fd, int i,
                                int s, int f) {
        return sd.get(i).getYValue().intValue() == s && fd.get(i).getYValue().intValue() == f;
    }

    /** Drops every other point of the older half, keeping the first. */
    private static void thin(ObservableList<XYChart.Data<Number, Number>> data) {
        int half = data.size() / 2;
        for (int i = half - 1; i >= 1; i -= 2) {
            data.remove(i);
        }
    }

    /** Number of points, for tests. */
    int points() {
        return succeeded.getData().size();
    }
}
