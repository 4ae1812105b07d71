package nl.fotadesk.ui.campaigns;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A line chart with a shaded band between a lower and an upper line behind its series (the spread of a
 * forecast's runs), and upright marker lines at moments (where the campaign would pause, where its
 * maintenance window closes on it), each styled by its own style class.
 */
final class BandChart extends LineChart<Number, Number> {
    private final Path band = new Path();
    private final Map<String, Line> markers = new LinkedHashMap<>();
    private final Map<String, Double> markerAt = new LinkedHashMap<>();
    private List<Double> xs = List.of();
    private List<Double> low = List.of();
    private List<Double> high = List.of();

    BandChart(NumberAxis x, NumberAxis y, String bandStyle) {
        super(x, y);
        setAnimated(false);
        setCreateSymbols(false);
        setLegendVisible(false);
        band.getStyleClass().addAll("forecast-band", bandStyle);
        getPlotChildren().add(band);
    }

    /** The band from {@code low} to {@code high} at {@code xs}. */
    void band(List<Double> xs, List<Double> low, List<Double> high) {
        this.xs = xs;
        this.low = low;
        this.high = high;
        requestChartLayout();
    }

    /** An upright line at {@code x}, styled by {@code style}. */
    void marker(String style, double x) {
        Line line = markers.computeIfAbsent(style, s -> {
            Line l = new Line();
            l.getStyleClass().add(s);
            getPlotChildren().add(l);
            return l;
        });
        line.setVisible(true);
        markerAt.put(style, x);
        requestChartLayout();
    }

    /** Where the marker styled {@code style} is; null when there is none. */
    Double markerAt(String style) {
        return markerAt.get(style);
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        NumberAxis x = (NumberAxis) getXAxis();
        NumberAxis y = (NumberAxis) getYAxis();
        band.getElements().clear();
        for (int i = 0; i < xs.size(); i++) {
            double px = x.getDisplayPosition(xs.get(i));
            double py = y.getDisplayPosition(high.get(i));
            band.getElements().add(i == 0 ? new MoveTo(px, py) : new LineTo(px, py));
        }
        for (int i = xs.size() - 1; i >= 0; i--) {
            band.getElements().add(new LineTo(x.getDisplayPosition(xs.get(i)), y.getDisplayPosition(low.get(i))));
        }
        if (!xs.isEmpty()) {
            band.getElements().add(new ClosePath());
        }
        band.toBack();
        markerAt.forEach((style, at) -> {
            Line marker = markers.get(style);
            double px = x.getDisplayPosition(at);
            marker.setStartX(px);
            marker.setEndX(px);
            marker.setStartY(y.getDisplayPosition(y.getLowerBound()));
            marker.setEndY(y.getDisplayPosition(y.getUpperBound()));
            marker.toFront();
        });
    }
}
