package nl.fotadesk.ui.campaigns;

import javafx.scene.Node;
import javafx.scene.control.Label;
import nl.fotadesk.ui.Screen;
import nl.fotadesk.ui.UiContext;

/** The campaigns screen. */
public final class CampaignsScreen implements Screen {
    private final Label node;

    public CampaignsScreen(UiContext context) {
        node = new Label(context.text("nav.campaigns"));
    }

    @Override
    public String id() {
        return "campaigns";
    }

    @Override
    public String titleKey() {
        return "nav.campaigns";
    }

    @Override
    public Node node() {
        return node;
    }

    @Override
    public void onShow() {
    }
}
