package nl.fotadesk.ui;

import java.util.Locale;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** What the app remembers between runs (java.util.prefs): language, connection, window and screen. */
public final class Settings {
    /** Where the app connects: the offline demo, or a server with its API key. */
    public record ServerConnection(String url, String apiKey) {
    }

    private final Preferences prefs;

    public Settings(Preferences prefs) {
        this.prefs = prefs;
    }

    public static Settings forUser() {
        return new Settings(Preferences.userRoot().node("nl/fotadesk/desk"));
    }

    public Locale language() {
        return I18n.supported(Locale.forLanguageTag(prefs.get("language", Locale.getDefault().toLanguageTag())));
    }

    public void setLanguage(Locale locale) {
        prefs.put("language", locale.toLanguageTag());
    }

    /** True until the user chose demo or server in the first-start dialog. */
    public boolean firstStart() {
        return prefs.get("mode", null) == null;
    }

    /** The server to connect to; empty means the offline demo. */
    public Optional<ServerConnection> server() {
        return "server".equals(prefs.get("mode", null))
                ? Optional.of(new ServerConnection(prefs.get("serverUrl", ""), prefs.get("apiKey", ""))) : Optional.empty();
    }

    public void useDemo() {
        prefs.put("mode", "demo");
    }

    public void useServer(ServerConnection server) {
        prefs.put("mode", "server");
        prefs.put("serverUrl", server.url());
        prefs.put("apiKey", server.apiKey());
    }

    public double[] windowBounds() {
        return new double[]{prefs.getDouble("x", Double.NaN), prefs.getDouble("y", Double.NaN),
                prefs.getDouble("width", 1280), prefs.getDouble("height", 800)};
    }

    public void setWindowBounds(double x, double y, double width, double height) {
        prefs.putDouble("x", x);
        prefs.putDouble("y", y);
        prefs.putDouble("width", width);
        prefs.putDouble("height", height);
    }

    public boolean maximized() {
        return prefs.getBoolean("maximized", false);
    }

    public void setMaximized(boolean maximized) {
        prefs.putBoolean("maximized", maximized);
    }

    public String screen() {
        return prefs.get("screen", "devices");
    }

    public void setScreen(String screen) {
        prefs.put("screen", screen);
    }

    public void flush() {
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            // settings are a convenience; the app works without them
        }
    }
}
