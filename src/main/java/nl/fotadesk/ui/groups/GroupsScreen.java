package nl.fotadesk.ui.groups;

import javafx.scene.Node;
import javafx.scene.control.Label;
import nl.fotadesk.ui.Screen;
import nl.fotadesk.ui.UiContext;

/** The groups screen. */
public final class GroupsScreen implements Screen {
    private final Label node;

    public GroupsScreen(UiContext context) {
        node = new Label(context.text("nav.groups"));
    }

    @Override
    public String id() {
        return "groups";
    }

    @Override
    public String titleKey() {
        return "nav.groups";
    }

    @Override
    public Node node() {
        return node;
    }

    @Override
    public void onShow() {
    }
}
