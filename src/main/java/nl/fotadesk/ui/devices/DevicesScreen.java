package nl.fotadesk.ui.devices;

import javafx.scene.Node;
import javafx.scene.control.Label;
import nl.fotadesk.ui.Screen;
import nl.fotadesk.ui.UiContext;

/** The devices screen. */
public final class DevicesScreen implements Screen {
    private final Label node;

    public DevicesScreen(UiContext context) {
        node = new Label(context.text("nav.devices"));
    }

    @Override
    public String id() {
        return "devices";
    }

    @Override
    public String titleKey() {
        return "nav.devices";
    }

    @Override
    public Node node() {
        return node;
    }

    @Override
    public void onShow() {
    }
}
