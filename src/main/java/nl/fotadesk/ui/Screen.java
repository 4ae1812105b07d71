package nl.fotadesk.ui;

import javafx.scene.Node;
import nl.fotadesk.protocol.api.EventView;

import java.util.List;

/** One main screen of the app (devices, firmware, campaigns, groups). */
public interface Screen {
    /** Stable name, remembered between runs and used for element ids. */
    String id();

    /** The i18n key of its name in the navigation. */
    String titleKey();

    Node node();

    /** Called each time the screen is shown: load fresh data (off the FX thread). */
    void onShow();

    /** Called on the FX thread with what happened on the server while the screen is shown. */
    default void onEvents(List<EventView> events) {
    }
}
