package nl.fotadesk.ui;

import javafx.scene.Node;
import nl.fotadesk.protocol.api.EventView;

import java.util.List;

/** One main screen of the app (devices, firmware, campaigns, groups, users, activity, requests). */
public interface Screen {
    /** Stable name, remembered between runs and used for element ids. */
    String id();

    /** The i18n key of its name in the navigation. */
    String titleKey();

    /** What a user must be allowed to see this screen at all; null: everyone. */
    default Permission permission() {
        return null;
    }

    Node node();

    /** Called each time the screen is shown: load fresh data (off the FX thread). */
    void onShow();

    /** Called on the FX thread with what happened on the server while the screen is shown. */
    default void onEvents(List<EventView> events) {
    }

    /**
     * This screen again, built in the language the context has just switched to, keeping what the user
     * was doing on it (the open item, a chosen file, a running upload); null when a fresh screen will do.
     */
    default Screen relabelled() {
        return null;
    }

    /** True while closing the window would lose work in progress on this screen (an upload). */
    default boolean working() {
        return false;
    }

    /** Stops the work in progress and returns once it has stopped, so the app can quit cleanly. */
    default void stopWork() {
    }
}
