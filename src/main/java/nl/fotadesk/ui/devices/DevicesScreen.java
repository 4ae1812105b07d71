package nl.fotadesk.ui.devices;

import javafx.scene.Node;
import nl.fotadesk.protocol.api.EventView;
import nl.fotadesk.ui.Screen;
import nl.fotadesk.ui.UiContext;

import java.util.List;
import java.util.function.Consumer;

/**
 * The devices screen: the fleet in a table with filters and IMEI search, each device's detail and
 * history, setting one device's desired firmware, and registering or importing devices.
 */
public final class DevicesScreen implements Screen {
    private final DevicesViewModel model;
    private final DevicesView view;

    public DevicesScreen(UiContext context) {
        model = new DevicesViewModel(context);
        view = new DevicesView(context, model);
    }

    /**
     * Lets the history and the detail open a campaign: {@code open} gets the campaign's id (e.g. shows
     * the campaigns screen with that campaign). Until this is set, campaigns are named but not links.
     */
    public void setOnOpenCampaign(Consumer<String> open) {
        model.openCampaignProperty().set(open);
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
        return view.node();
    }

    @Override
    public void onShow() {
        model.show();
    }

    @Override
    public void onEvents(List<EventView> events) {
        model.onEvents(events);
    }
}
