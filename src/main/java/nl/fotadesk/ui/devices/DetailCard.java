package nl.fotadesk.ui.devices;

import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nl.fotadesk.ui.UiContext;

/**
 * The parts the detail pane's cards are made of: a card, its title, a grid of names and values, and a
 * line shown only while it says something.
 */
final class DetailCard {
    private DetailCard() {
    }

    /** A card of {@code children}, top to bottom. */
    static VBox of(Node... children) {
        VBox card = new VBox(8, children);
        card.getStyleClass().add("card");
        return card;
    }

    static Label title(UiContext context, String key) {
        Label l = new Label(context.text(key));
        l.getStyleClass().add("card-title");
        return l;
    }

    /** Gives a grid of names and values its two columns: the names whole, the values taking the rest. */
    static void nameValueColumns(GridPane grid) {
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        names.setHalignment(HPos.LEFT);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(names, values);
    }

    /** Shows {@code text} in {@code label}; an empty text takes no room. */
    static void say(Label label, String text) {
        label.setText(text);
        boolean visible = text != null && !text.isEmpty();
        label.setVisible(visible);
        label.setManaged(visible);
    }
}
