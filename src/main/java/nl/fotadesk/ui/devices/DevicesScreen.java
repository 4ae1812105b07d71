package nl.fotadesk.ui.devices;

import javafx.scene.Node;
import nl.fotadesk.protocol.api.EventView;
import nl.fotadesk.ui.Screen;
import nl.fotadesk.ui.UiContext;

import java.util.List;
import java.util.function.Consumer;

/**
 * The devices screen: the fleet in a table with filters and IMEI search, each device's detail and
 * history, setting one device's desired firmware, and registering or importing devices. A language
 * switch keeps its filters, search and the device picked.
 */
public final class DevicesScreen implements Screen {
    private final UiContext context;
    private final DevicesViewModel model;
    private final DevicesView view;

    public DevicesScreen(UiContext context) {
        this(context, null);
    }

    /** The screen with the filters, search and device of {@code kept} (from the screen in another language), or none. */
    private DevicesScreen(UiContext context, DevicesViewModel.Kept kept) {
        this.context = context;
        model = new DevicesViewModel(context);
        if (kept != null) {
            model.restore(kept);
        }
        view = new DevicesView(context, model);
    }

    /** The same screen in the new language: its filters, search and the device picked stay. */
    @Override
    public Screen relabelled() {
        model.hide();
        return new DevicesScreen(context, model.kept());
    }

    /**
     * Lets the history and the detail open a campaign: {@code open} gets the campaign's id (e.g. shows
     * the campaigns screen with that campaign). Until this is set, campaigns are named but not links.
     */
    public void setOnOpenCampaign(Consumer<String> open) {
        model.openCampaignProperty().set(open);
    }

    /** Shows the device with this IMEI (found by its whole IMEI, other filters off) in the detail, selected. */
    public void showDevice(String imei) {
        model.showDevice(imei);
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
