package nl.fotadesk.ui.campaigns;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import nl.fotadesk.protocol.api.ActionState;
import nl.fotadesk.protocol.api.CampaignView;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/** A tile per device state with how many of the campaign's devices are in it; a click lists them. */
final class CountsPane {
    private final HBox root = new HBox(6);
    private final Map<ActionState, Label> values = new EnumMap<>(ActionState.class);
    private final Map<ActionState, VBox> tiles = new EnumMap<>(ActionState.class);
    private final CampaignTexts texts;

    CountsPane(CampaignTexts texts, Consumer<ActionState> show) {
        this.texts = texts;
        root.setId("campaign-counts");
        root.getStyleClass().add("count-tiles");
        for (ActionState s : ActionState.values()) {
            Label value = new Label("0");
            value.getStyleClass().add("count-value");
            value.setId("campaign-count-" + s.wireName());
            Label name = new Label(texts.deviceState(s));
            name.getStyleClass().add("count-label");
            name.setMinWidth(0);
            VBox tile = new VBox(0, value, name);
            tile.getStyleClass().addAll("count-tile", "count-" + s.wireName());
            tile.setOnMouseClicked(e -> show.accept(s));
            Tooltip.install(tile, new Tooltip(texts.text("campaigns.counts.tooltip", texts.deviceState(s))));
            HBox.setHgrow(tile, Priority.ALWAYS);
            tile.setMaxWidth(Double.MAX_VALUE);
            tile.setMinWidth(48);
            tile.setPrefWidth(90);
            values.put(s, value);
            tiles.put(s, tile);
            root.getChildren().add(tile);
        }
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
