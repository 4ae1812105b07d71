package nl.fotadesk.ui.devices;

import javafx.scene.Node;
import nl.fotadesk.protocol.api.DeviceStatus;

/** The colour family of an update status, as a style class: fine, busy, bad or neutral. */
final class StatusStyle {
    private static final String[] ALL = {"status-ok", "status-busy", "status-bad", "status-neutral"};

    private StatusStyle() {
    }

    static String of(DeviceStatus s) {
        if (s == null) {
            return "status-neutral";
        }
        return switch (s) {
            case IN_SYNC, SUCCEEDED -> "status-ok";
            case PENDING, NOTIFIED, DOWNLOADING, DOWNLOADED, UPDATING -> "status-busy";
            case FAILED, TIMED_OUT -> "status-bad";
            case CANCELLED -> "status-neutral";
        };
    }

    /** Gives {@code node} the style class of {@code s} (and the base class "status-dot"). */
    static void apply(Node node, DeviceStatus s) {
        node.getStyleClass().removeAll(ALL);
        if (!node.getStyleClass().contains("status-dot")) {
            node.getStyleClass().add("status-dot");
        }
        node.getStyleClass().add(of(s));
    }

    /** As {@link #apply(Node, DeviceStatus)} for a state name from the device's history. */
    static void apply(Node node, String wireName) {
        DeviceStatus s = null;
        try {
            s = wireName == null ? null : DeviceStatus.fromWire(wireName);
        } catch (IllegalArgumentException e) {
            // a state this version does not know: neutral
        }
        apply(node, s);
    }
}
