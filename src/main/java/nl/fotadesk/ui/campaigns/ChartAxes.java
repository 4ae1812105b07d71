package nl.fotadesk.ui.campaigns;

import javafx.scene.chart.NumberAxis;
import javafx.util.StringConverter;

import java.util.function.LongFunction;

/**
 * The axes of the campaign charts: time since the start in whole steps ("0:30", "1:00:00"), and counts
 * (devices, percent) in round steps; at most 8 ticks each.
 */
final class ChartAxes {
    private static final double[] TIME_STEPS = {5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800,
            21600, 43200, 86400};
    private static final double[] COUNT_STEPS = {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000,
            10000, 20000, 25000, 50000, 100000};

    private ChartAxes() {
    }

    /** An axis of elapsed time, its range set by {@link #time}. */
    static NumberAxis timeAxis() {
        return axis(CampaignTexts::elapsed);
    }

    /** An axis of whole numbers as {@code label} writes them, its range set by {@link #count}. */
    static NumberAxis countAxis(LongFunction<String> label) {
        return axis(label);
    }

    /** Whole minutes (or seconds, hours) from the start up to {@code seconds}. */
    static void time(NumberAxis axis, double seconds) {
        double step = step(seconds, TIME_STEPS);
        axis.setTickUnit(step);
        axis.setLowerBound(0);
        axis.setUpperBound(Math.max(step, Math.ceil(seconds / step) * step));
    }

    /** Round steps from 0 up to {@code top} (at least 1). */
    static void count(NumberAxis axis, double top) {
        double max = Math.max(1, top);
        double unit = step(max, COUNT_STEPS);
        axis.setTickUnit(unit);
        axis.setLowerBound(0);
        axis.setUpperBound(Math.ceil(max / unit) * unit);
    }

    private static NumberAxis axis(LongFunction<String> label) {
        NumberAxis axis = new NumberAxis();
        axis.setAutoRanging(false);
        axis.setMinorTickVisible(false);
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                double v = n.doubleValue();
                return v == Math.rint(v) ? label.apply((long) v) : "";
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        return axis;
    }

    /** The smallest step that divides {@code range} into at most 8 ticks. */
    private static double step(double range, double[] steps) {
        for (double s : steps) {
            if (range / s <= 8) {
                return s;
            }
        }
        double s = steps[steps.length - 1];
        while (range / s > 8) {
            s *= 2;
        }
        return s;
    }
}
