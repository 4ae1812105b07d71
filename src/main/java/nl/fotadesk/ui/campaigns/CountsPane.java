package nl.fotadesk.ui.campaigns;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import nl.fotadesk.protocol.api.ActionState;
import nl.fotadesk.protocol.api.CampaignView;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A tile per device state with how many of the campaign's devices are in it; a click lists them. The
 * tiles stand in one row while their names fit, else in two rows of equal columns, so that no state's
 * name ("Opdracht verstuurd") is cut at the least window size.
 */
final class CountsPane {
    private static final double GAP = 6;
    private final GridPane root = new GridPane();
    private final Map<ActionState, Label> values = new EnumMap<>(ActionState.class);
    private final Map<ActionState, VBox> tiles = new EnumMap<>(ActionState.class);
    private final CampaignTexts texts;

    CountsPane(CampaignTexts texts, Consumer<ActionState> show) {
        this.texts = texts;
        root.setId("campaign-counts");
        root.getStyleClass().add("count-tiles");
        root.setHgap(GAP);
        root.setVgap(GAP);
        // the width it is given decides one row or two, so its tiles' widths must not set its least width
        root.setMinWidth(0);
        for (ActionState s : ActionState.values()) {
            Label value = new Label("0");
            value.getStyleClass().add("count-value");
            value.setId("campaign-count-" + s.wireName());
            Label name = new Label(texts.deviceState(s));
            name.getStyleClass().add("count-label");
            name.setMinWidth(Label.USE_PREF_SIZE);
            VBox tile = new VBox(0, value, name);
            tile.getStyleClass().addAll("count-tile", "count-" + s.wireName());
            tile.setOnMouseClicked(e -> show.accept(s));
            Tooltip.install(tile, new Tooltip(texts.text("campaigns.counts.tooltip", texts.deviceState(s))));
            tile.setMaxWidth(Double.MAX_VALUE);
            tile.setMinWidth(Label.USE_PREF_SIZE);
            values.put(s, value);
            tiles.put(s, tile);
        }
        arrange(Double.MAX_VALUE);
        root.widthProperty().addListener((o, old, width) -> arrange(width.doubleValue()));
    }

    /** One row when every tile fits at its own width, else two rows; only a change of the row count lays out again. */
    private void arrange(double width) {
        double oneRow = tiles.values().stream().mapToDouble(t -> t.prefWidth(-1)).sum() + GAP * (tiles.size() - 1);
        int columns = width >= oneRow ? tiles.size() : (tiles.size() + 1) / 2;
        if (columns == root.getColumnConstraints().size()) {
            return;
        }
        root.getChildren().clear();
        root.getColumnConstraints().clear();
        for (int i = 0; i < columns; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setHgrow(Priority.ALWAYS);
            c.setFillWidth(true);
            if (columns < tiles.size()) {
                c.setPercentWidth(100.0 / columns);
            }
            root.getColumnConstraints().add(c);
        }
        int i = 0;
        for (VBox tile : tiles.values()) {
            root.add(tile, i % columns, i / columns);
            i++;
        }
    }

    /** Tiles per row, for tests. */
    int columns() {
        return root.getColumnConstraints().size();
    }

    Node node() {
        return root;
    }

    void show(CampaignView c) {
        for (ActionState s : ActionState.values()) {
            int n = Counts.get(c.counts(), s);
            values.get(s).setText(texts.number(n));
            tiles.get(s).getStyleClass().remove("count-zero");
            if (n == 0) {
                tiles.get(s).getStyleClass().add("count-zero");
            }
        }
    }
}
