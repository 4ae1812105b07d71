package nl.fotadesk.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The top of a screen: its title, a line of help that wraps rather than pushes the actions out of a
 * narrow window, and the screen's actions on the right, never narrower than their words.
 */
public final class ScreenHeader {
    private ScreenHeader() {
    }

    public static HBox of(UiContext context, String titleKey, String helpKey, Region... actions) {
        Label title = new Label(context.text(titleKey));
        title.getStyleClass().add("screen-title");
        Label help = new Label(context.text(helpKey));
        help.getStyleClass().add("help-text");
        help.setWrapText(true);
        help.setMinHeight(Region.USE_PREF_SIZE);
        VBox text = new VBox(2, title, help);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox header = new HBox(10, text);
        for (Region action : actions) {
            action.setMinWidth(Region.USE_PREF_SIZE);
            header.getChildren().add(action);
        }
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }
}
