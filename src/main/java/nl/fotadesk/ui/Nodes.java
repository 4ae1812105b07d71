package nl.fotadesk.ui;

import javafx.scene.Node;
import javafx.stage.Window;

/** Where a screen's node stands: still in a showing window, or gone (a language switch, a closed window). */
public final class Nodes {
    private Nodes() {
    }

    /** True while {@code node} is in a window that is showing. */
    public static boolean showing(Node node) {
        return node.getScene() != null && node.getScene().getWindow() != null && node.getScene().getWindow().isShowing();
    }

    /** The window {@code node} is in, or null: the owner for its dialogs. */
    public static Window window(Node node) {
        return node.getScene() == null ? null : node.getScene().getWindow();
    }
}
