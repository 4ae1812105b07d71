package nl.fotadesk.ui.campaigns;

import javafx.scene.Node;
import nl.fotadesk.protocol.api.EventView;

import java.util.List;

/** One page of the campaigns screen: the list, the wizard, or one campaign. */
interface CampaignPage {
    Node node();

    /** Loads fresh data; called when the page or the screen is shown. */
    void load();

    /** What happened on the server, on the FX thread. */
    default void onEvents(List<EventView> events) {
    }

    /** The page is left: stop timers. */
    default void stop() {
    }
}
