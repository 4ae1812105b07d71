package nl.fotadesk.ui.firmware;

import javafx.scene.Node;
import javafx.scene.control.Label;
import nl.fotadesk.ui.Screen;
import nl.fotadesk.ui.UiContext;

/** The firmware screen. */
public final class FirmwareScreen implements Screen {
    private final Label node;

    public FirmwareScreen(UiContext context) {
        node = new Label(context.text("nav.firmware"));
    }

    @Override
    public String id() {
        return "firmware";
    }

    @Override
    public String titleKey() {
        return "nav.firmware";
    }

    @Override
    public Node node() {
        return node;
    }

    @Override
    public void onShow() {
    }
}
