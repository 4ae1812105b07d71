package nl.fotadesk.ui.campaigns;

import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/**
 * A thin bar split into succeeded (green), failed (red), cancelled (grey), in progress (blue) and
 * still waiting (track): a device count at a glance, in tables and phase rows.
 */
final class StackedBar extends Region {
    private final Region succeeded = segment("bar-succeeded");
    private final Region failed = segment("bar-failed");
    private final Region cancelled = segment("bar-cancelled");
    private final Region inFlight = segment("bar-in-flight");
    private final Tooltip tooltip = new Tooltip();
    private Counts counts = new Counts(0, 0, 0, 0, 0, 0);

    StackedBar() {
        getStyleClass().add("stacked-bar");
        getChildren().addAll(succeeded, failed, cancelled, inFlight);
        setMinHeight(10);
        setPrefHeight(10);
        setMaxHeight(10);
        setMinWidth(40);
        setPrefWidth(140);
        Tooltip.install(this, tooltip);
    }

    void show(Counts counts, CampaignTexts texts) {
        this.counts = counts;
        tooltip.setText(texts.text("campaigns.bar.tooltip", counts.succeeded(), counts.failed(), counts.inFlight(),
                counts.waiting(), counts.cancelled()));
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        double x = snappedLeftInset();
        int total = Math.max(1, counts.total());
        for (Region r : new Region[]{succeeded, failed, cancelled, inFlight}) {
            int n = r == succeeded ? counts.succeeded() : r == failed ? counts.failed()
                    : r == cancelled ? counts.cancelled() : counts.inFlight();
            double width = counts.total() == 0 ? 0 : Math.round(w * n / total);
            r.resizeRelocate(x, snappedTopInset(), Math.min(width, Math.max(0, w - (x - snappedLeftInset()))), h);
            x += width;
        }
    }

    private static Region segment(String style) {
        Region r = new Region();
        r.getStyleClass().addAll("bar-segment", style);
        r.setManaged(false);
        return r;
    }
}
