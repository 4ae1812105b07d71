package nl.fotadesk.ui.campaigns;

import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import nl.fotadesk.protocol.api.CampaignState;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.Forecast;
import nl.fotadesk.protocol.api.ProgressPoint;

import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * A forecast over time: the devices updated (the median run, and the band that 8 in 10 runs stay in),
 * and below it the share of the running phase's devices that failed against the error threshold, with
 * marks where the campaign would pause and where its maintenance window closes on it. On a campaign that
 * has started, what it actually did is drawn over the forecast. Hovering says the figures at that moment.
 */
final class ForecastChart {
    /** The style of the marker where the campaign would pause. */
    static final String PAUSE = "forecast-pause-marker";
    /** The style of the marker where the maintenance window closes on the running campaign. */
    static final String WINDOW_CLOSES = "forecast-window-marker";
    /** Marks the point of what the campaign did that stands for its counts now. */
    private static final String NOW = "now";
    private final CampaignTexts texts;
    private final Forecast.Timeline timeline;
    private final NumberAxis updatedTime = ChartAxes.timeAxis();
    private final NumberAxis failedTime = ChartAxes.timeAxis();
    private final NumberAxis devices;
    private final NumberAxis percent;
    private final BandChart updated;
    private final BandChart failed;
    private final XYChart.Series<Number, Number> actual = new XYChart.Series<>();
    private final Tooltip tip = new Tooltip();
    private final FlowPane legend = new FlowPane(14, 4);
    private final VBox root;
    private Instant origin;

    /** The chart of {@code f}; null when it has no timeline (a forecast made before forecasts had one). */
    static ForecastChart of(CampaignTexts texts, Forecast f) {
        return f.timeline() == null ? null : new ForecastChart(texts, f);
    }

    private ForecastChart(CampaignTexts texts, Forecast f) {
        this.texts = texts;
        this.timeline = f.timeline();
        devices = ChartAxes.countAxis(texts::number);
        percent = ChartAxes.countAxis(texts::percent);
        updatedTime.setLabel(texts.text("campaigns.forecast.chartTime"));
        failedTime.setLabel(texts.text("campaigns.forecast.chartTime"));
        devices.setLabel(texts.text("campaigns.forecast.chartUpdated"));
        percent.setLabel(texts.text("campaigns.forecast.chartFailed"));
        updated = new BandChart(updatedTime, devices, "forecast-band-updated");
        updated.setId("forecast-chart-updated");
        updated.getStyleClass().addAll("forecast-chart", "forecast-updated-chart");
        updated.setMinHeight(170);
        updated.setPrefHeight(230);
        failed = new BandChart(failedTime, percent, "forecast-band-failed");
        failed.setId("forecast-chart-failures");
        failed.getStyleClass().addAll("forecast-chart", "forecast-failed-chart");
        failed.setMinHeight(130);
        failed.setPrefHeight(160);

        List<Double> xs = timeline.seconds();
        updated.getData().add(series(texts.text("campaigns.forecast.legendUpdated"), xs, timeline.updated().median()));
        updated.band(xs, timeline.updated().p10(), timeline.updated().p90());
        actual.setName(texts.text("campaigns.forecast.legendActual"));
        failed.getData().add(series(texts.text("campaigns.forecast.legendFailed"), xs, timeline.phaseFailedPercent().median()));
        double end = xs.get(xs.size() - 1);
        failed.getData().add(series(texts.text("campaigns.forecast.legendThreshold", timeline.errorThreshold()),
                List.of(0.0, end), List.of((double) timeline.errorThreshold(), (double) timeline.errorThreshold())));
        failed.band(xs, timeline.phaseFailedPercent().p10(), timeline.phaseFailedPercent().p90());
        Double pauseAt = f.pause().runs() == 0 ? null : f.pause().atSeconds().median();
        Double windowClosesAt = f.window() == null ? null : f.window().closesAtSeconds();
        for (BandChart chart : List.of(updated, failed)) {
            if (pauseAt != null) {
                chart.marker(PAUSE, pauseAt);
            }
            if (windowClosesAt != null) {
                chart.marker(WINDOW_CLOSES, windowClosesAt);
            }
        }
        ChartAxes.count(devices, f.devices());
        ChartAxes.count(percent, Math.min(100, Math.max(timeline.errorThreshold() * 1.5,
                Collections.max(timeline.phaseFailedPercent().p90()) * 1.1)));
        scaleTime(end);

        legend.setId("forecast-chart-legend");
        legend.setAlignment(Pos.CENTER_LEFT);
        legend.getChildren().addAll(mark(texts.text("campaigns.forecast.legendUpdated"), "legend-forecast-updated"),
                mark(texts.text("campaigns.forecast.legendBand"), "legend-forecast-band"),
                mark(texts.text("campaigns.forecast.legendFailed"), "legend-forecast-failed"),
                mark(texts.text("campaigns.forecast.legendThreshold", timeline.errorThreshold()), "legend-threshold"));
        if (pauseAt != null) {
            legend.getChildren().add(mark(texts.text("campaigns.forecast.legendPause", f.pause().runs(), f.runs()),
                    "legend-pause"));
        }
        if (windowClosesAt != null) {
            legend.getChildren().add(mark(texts.text("campaigns.forecast.legendWindowCloses",
                    f.window().closesOnItRuns(), f.runs()), "legend-window-closes"));
        }
        tip.setShowDelay(Duration.millis(200));
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        for (BandChart chart : List.of(updated, failed)) {
            Tooltip.install(chart, tip);
            chart.addEventHandler(MouseEvent.MOUSE_MOVED, e -> tip.setText(tipAt(chart, e)));
        }
        root = new VBox(4, legend, updated, failed);
        root.setId("forecast-chart");
    }

    Node node() {
        return root;
    }

    /** Draws what campaign {@code c} did over the forecast: its progress history, then its counts now. */
    void actual(CampaignView c, List<ProgressPoint> history) {
        actual.getData().clear();
        if (c.startedAt() == null) {
            return;
        }
        if (!updated.getData().contains(actual)) {
            updated.getData().add(actual);
            legend.getChildren().add(1, mark(texts.text("campaigns.forecast.legendActual"), "legend-actual"));
        }
        origin = Instant.parse(c.startedAt());
        add(origin, 0);
        for (ProgressPoint p : history) {
            add(Instant.parse(p.at()), Counts.of(p.counts(), c.devices()).succeeded());
        }
        update(c);
    }

    /**
     * The campaign's counts now (or at its end), as the last point of what it did: the point before moves
     * when the count is the same, and stays when it changed, so a campaign followed live keeps its shape.
     */
    void update(CampaignView c) {
        if (origin == null) {
            return;
        }
        boolean finished = c.finishedAt() != null && (c.state() == CampaignState.COMPLETED
                || c.state() == CampaignState.CANCELLED);
        int succeeded = Counts.of(c.counts(), c.devices()).succeeded();
        ObservableList<XYChart.Data<Number, Number>> data = actual.getData();
        XYChart.Data<Number, Number> last = data.get(data.size() - 1);
        if (NOW.equals(last.getExtraValue())) {
            if (last.getYValue().intValue() == succeeded) {
                data.remove(data.size() - 1);
            } else {
                last.setExtraValue(null);
            }
        }
        add(finished ? Instant.parse(c.finishedAt()) : Instant.now(), succeeded);
        data.get(data.size() - 1).setExtraValue(NOW);
        scaleTime(timeline.seconds().get(timeline.seconds().size() - 1));
    }

    private void add(Instant at, int succeeded) {
        ObservableList<XYChart.Data<Number, Number>> data = actual.getData();
        double x = Math.max(0, (at.toEpochMilli() - origin.toEpochMilli()) / 1000.0);
        if (!data.isEmpty()) {
            x = Math.max(x, data.get(data.size() - 1).getXValue().doubleValue());
        }
        data.add(new XYChart.Data<>(x, succeeded));
    }

    /** Both charts on one time scale: up to the forecast's end, or further when the campaign took longer. */
    private void scaleTime(double forecastEnd) {
        double end = forecastEnd;
        if (!actual.getData().isEmpty()) {
            end = Math.max(end, actual.getData().get(actual.getData().size() - 1).getXValue().doubleValue());
        }
        ChartAxes.time(updatedTime, end);
        ChartAxes.time(failedTime, end);
    }

    /** The figures at the moment under the mouse. */
    private String tipAt(BandChart chart, MouseEvent e) {
        NumberAxis axis = (NumberAxis) chart.getXAxis();
        double seconds = axis.getValueForDisplay(axis.sceneToLocal(e.getSceneX(), e.getSceneY()).getX()).doubleValue();
        int i = nearest(timeline.seconds(), seconds);
        Forecast.Band u = timeline.updated();
        Forecast.Band p = timeline.phaseFailedPercent();
        String text = texts.text("campaigns.forecast.chartTip", texts.roughDuration(Math.max(0, seconds)),
                texts.number(Math.round(u.median().get(i))), texts.number(Math.round(u.p10().get(i))),
                texts.number(Math.round(u.p90().get(i))), texts.decimal(p.median().get(i)), timeline.errorThreshold());
        Integer done = actualAt(seconds);
        return done == null ? text : text + "\n" + texts.text("campaigns.forecast.chartTipActual", texts.number(done));
    }

    /** The devices the campaign had updated {@code seconds} after its start; null before it started or beyond. */
    private Integer actualAt(double seconds) {
        Integer n = null;
        for (XYChart.Data<Number, Number> d : actual.getData()) {
            if (d.getXValue().doubleValue() > seconds) {
                return n;
            }
            n = d.getYValue().intValue();
        }
        return null;
    }

    private static int nearest(List<Double> xs, double x) {
        int i = Collections.binarySearch(xs, x);
        if (i >= 0) {
            return i;
        }
        int after = Math.min(xs.size() - 1, -i - 1);
        int before = Math.max(0, after - 1);
        return x - xs.get(before) <= xs.get(after) - x ? before : after;
    }

    private static XYChart.Series<Number, Number> series(String name, List<Double> xs, List<Double> ys) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        for (int i = 0; i < xs.size(); i++) {
            s.getData().add(new XYChart.Data<>(xs.get(i), ys.get(i)));
        }
        return s;
    }

    private static Label mark(String text, String style) {
        Region line = new Region();
        line.getStyleClass().addAll("legend-mark", style);
        Label label = new Label(text, line);
        label.getStyleClass().add("legend-label");
        return label;
    }
}
