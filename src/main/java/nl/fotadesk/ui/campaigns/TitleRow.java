package nl.fotadesk.ui.campaigns;

import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * A title with its badge, and actions on the right that keep their size. The title wraps beside the actions
 * while it takes at most {@value #MOST_LINES_BESIDE} lines there; a longer one (a long name in a narrow
 * window) gets the width to itself and the actions a row of their own beneath it, so it is never cut off.
 */
final class TitleRow extends Region {
    static final int MOST_LINES_BESIDE = 2;
    private static final double GAP = 12;
    private static final double ROW_GAP = 8;
    private final Label title;
    private final Region badge;
    private final Region actions;

    TitleRow(Label title, Region badge, Region actions) {
        this.title = title;
        this.badge = badge;
        this.actions = actions;
        title.setWrapText(true);
        title.setMinWidth(0);
        getChildren().addAll(title, badge, actions);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        return title.prefWidth(-1) + GAP + width(badge) + GAP + width(actions);
    }

    @Override
    protected double computeMinWidth(double height) {
        return width(actions);
    }

    @Override
    protected double computePrefHeight(double width) {
        return plan(width < 0 ? computePrefWidth(-1) : width).height();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        Plan p = plan(getWidth());
        double titleY = p.beside() ? (p.height() - p.titleHeight()) / 2 : 0;
        title.resizeRelocate(0, snapPositionY(titleY), p.titleWidth(), p.titleHeight());
        // the badge beside the title's first line, however many lines the title takes
        double line = Math.min(p.titleHeight(), oneLine());
        badge.resizeRelocate(snapPositionX(p.titleWidth() + GAP), snapPositionY(titleY + Math.max(0, (line - height(badge)) / 2)),
                width(badge), height(badge));
        double actionsY = p.beside() ? (p.height() - height(actions)) / 2 : p.height() - height(actions);
        actions.resizeRelocate(snapPositionX(getWidth() - width(actions)), snapPositionY(actionsY), width(actions),
                height(actions));
    }

    /** Where the title goes at {@code width}: beside the actions or above them, and its size. */
    private Plan plan(double width) {
        double besideWidth = snapSizeX(Math.min(title.prefWidth(-1), width - width(badge) - width(actions) - 2 * GAP));
        if (besideWidth > 0 && title.prefHeight(besideWidth) <= MOST_LINES_BESIDE * oneLine() + 0.5) {
            double titleHeight = snapSizeY(title.prefHeight(besideWidth));
            return new Plan(true, besideWidth, titleHeight, Math.max(titleHeight, Math.max(height(badge), height(actions))));
        }
        double aloneWidth = snapSizeX(Math.max(0, Math.min(title.prefWidth(-1), width - width(badge) - GAP)));
        double titleHeight = snapSizeY(title.prefHeight(aloneWidth));
        double actionsRow = actions.isManaged() ? ROW_GAP + height(actions) : 0;
        return new Plan(false, aloneWidth, titleHeight, Math.max(titleHeight, height(badge)) + actionsRow);
    }

    private double oneLine() {
        return title.prefHeight(Double.MAX_VALUE);
    }

    /** A part's width as it asks; none while it is left out (actions a user may not take). */
    private static double width(Region part) {
        return part.isManaged() ? part.prefWidth(-1) : 0;
    }

    private static double height(Region part) {
        return part.isManaged() ? part.prefHeight(-1) : 0;
    }

    private record Plan(boolean beside, double titleWidth, double titleHeight, double height) {
    }
}
