package nl.fotadesk.ui.devices;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import nl.fotadesk.ui.UiContext;

/** The parts the detail pane's cards are made of: a card, its title, and a line shown only while it says something. */
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

    /** Shows {@code text} in {@code label}; an empty text takes no room. */
    static void say(Label label, String text) {
        label.setText(text);
        boolean visible = text != null && !text.isEmpty();
        label.setVisible(visible);
        label.setManaged(visible);
    }
}
