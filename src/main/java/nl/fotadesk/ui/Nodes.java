package nl.fotadesk.ui;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.stage.Window;

/** Where a screen's node stands: still in a showing window, or gone (a language switch, a closed window); in view. */
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

    /** Scrolls the scroll pane that holds {@code node}, if any, so that the node stands at its top (or as near as it goes). */
    public static void scrollToTop(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane pane) {
                Node content = pane.getContent();
                double y = content.sceneToLocal(node.localToScene(0, 0)).getY();
                double extra = content.getLayoutBounds().getHeight() - pane.getViewportBounds().getHeight();
                pane.setVvalue(extra <= 0 ? 0 : Math.min(1, (y - 8) / extra) * (pane.getVmax() - pane.getVmin())
                        + pane.getVmin());
                return;
            }
        }
    }
}
