package nl.fotadesk.ui.campaigns;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;

import java.util.List;

/**
 * A line chart with a shaded band between a lower and an upper line behind its series (the spread of a
 * forecast's runs), and an upright marker line at one moment (where the campaign would pause).
 */
final class BandChart extends LineChart<Number, Number> {
    private final Path band = new Path();
    private final Line marker = new Line();
    private List<Double> xs = List.of();
    private List<Double> low = List.of();
    private List<Double> high = List.of();
    private Double markerAt;

    BandChart(NumberAxis x, NumberAxis y, String bandStyle) {
        super(x, y);
        setAnimated(false);
        setCreateSymbols(false);
        setLegendVisible(false);
        band.getStyleClass().addAll("forecast-band", bandStyle);
        marker.getStyleClass().add("forecast-pause-marker");
        marker.setVisible(false);
        getPlotChildren().addAll(band, marker);
    }

    /** The band from {@code low} to {@code high} at {@code xs}. */
    void band(List<Double> xs, List<Double> low, List<Double> high) {
        this.xs = xs;
        this.low = low;
        this.high = high;
        requestChartLayout();
    }

    /** An upright line at {@code x}; none when null. */
    void marker(Double x) {
        markerAt = x;
        marker.setVisible(x != null);
        requestChartLayout();
    }

    Double markerAt() {
        return markerAt;
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
        if (markerAt != null) {
            double px = x.getDisplayPosition(markerAt);
            marker.setStartX(px);
            marker.setEndX(px);
            marker.setStartY(y.getDisplayPosition(y.getLowerBound()));
            marker.setEndY(y.getDisplayPosition(y.getUpperBound()));
            marker.toFront();
        }
    }
}
