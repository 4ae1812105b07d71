package nl.fotadesk.ui;

import nl.fotadesk.client.ServerTrust;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the app remembers between runs (java.util.prefs): language, connection, the last username, the
 * certificates trusted per server, window and screen, and what a rehearsal assumes (the price of cellular
 * data, the bearer per device type). Never a password, session or token: those stay
 * in memory.
 */
public final class Settings {
    /** Where the app connects: a server, where the user signs in. */
    public record ServerConnection(String url) {
    }

    private final Preferences prefs;

    public Settings(Preferences prefs) {
        this.prefs = prefs;
    }

    public static Settings forUser() {
        Preferences prefs = Preferences.userRoot().node("nl/fotadesk/desk");
        prefs.remove("apiKey"); // kept in clear by earlier versions; users sign in now
        return new Settings(prefs);
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
                ? Optional.of(new ServerConnection(prefs.get("serverUrl", ""))) : Optional.empty();
    }

    public void useDemo() {
        prefs.put("mode", "demo");
    }

    public void useServer(ServerConnection server) {
        prefs.put("mode", "server");
        prefs.put("serverUrl", server.url());
    }

    /** Who signed in last, to fill in next time; empty at first. */
    public String username() {
        return prefs.get("username", "");
    }

    public void setUsername(String username) {
        prefs.put("username", username);
    }

    /**
     * How to check the certificate of the server at {@code serverUrl}: the one the user trusted for its
     * scheme, host and port, else the system's trust.
     */
    public ServerTrust trust(String serverUrl) {
        String fingerprint = trustedCertificates().get(origin(serverUrl), null);
        return fingerprint == null ? ServerTrust.system() : ServerTrust.pinned(fingerprint);
    }

    /** Remembers that the user trusts the certificate with this SHA-256 fingerprint for {@code serverUrl}. */
    public void trustCertificate(String serverUrl, String fingerprint) {
        trustedCertificates().put(origin(serverUrl), fingerprint);
    }

    private Preferences trustedCertificates() {
        return prefs.node("trustedCertificates");
    }

    /** {@code https://host:port}, the part of a URL a certificate belongs to; hashed if too long for a key. */
    private static String origin(String url) {
        String origin;
        try {
            URI uri = new URI(url.trim());
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            origin = (uri.getScheme() + "://" + uri.getHost() + ":" + port).toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            origin = url.trim();
        }
        return key(origin);
    }

    /** {@code name} as a preferences key: itself, or its SHA-256 if too long for one. */
    private static String key(String name) {
        if (name.length() <= Preferences.MAX_KEY_LENGTH) {
            return name;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The price of 1 MB of cellular data that rehearsals cost their forecasts at; empty until the user sets one. */
    public Optional<Double> rehearsalPricePerMb() {
        double price = prefs.getDouble("rehearsalPricePerMb", Double.NaN);
        return Double.isNaN(price) ? Optional.empty() : Optional.of(price);
    }

    /** Remembers the price of 1 MB for rehearsals; empty forgets it. */
    public void setRehearsalPricePerMb(Optional<Double> price) {
        price.ifPresentOrElse(p -> prefs.putDouble("rehearsalPricePerMb", p), () -> prefs.remove("rehearsalPricePerMb"));
    }

    /** The bearer (such as {@code NB_IOT}) rehearsals assume for devices of {@code deviceType}; empty: not chosen yet. */
    public Optional<String> rehearsalBearer(String deviceType) {
        return Optional.ofNullable(rehearsalBearers().get(key(deviceType), null));
    }

    public void setRehearsalBearer(String deviceType, String bearer) {
        rehearsalBearers().put(key(deviceType), bearer);
    }

    private Preferences rehearsalBearers() {
        return prefs.node("rehearsalBearers");
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
