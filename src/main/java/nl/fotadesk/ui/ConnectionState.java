package nl.fotadesk.ui;

/** How the app's link to the server is doing, shown in the status bar at all times. */
public enum ConnectionState {
    CONNECTING, CONNECTED, RECONNECTING, ERROR;

    public String key() {
        return "connection." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
