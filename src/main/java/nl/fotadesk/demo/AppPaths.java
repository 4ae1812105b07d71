package nl.fotadesk.demo;

import java.nio.file.Path;
import java.util.Locale;

/** Where FOTA Desk keeps its data and logs for this user, in each operating system's usual place. */
public final class AppPaths {
    private AppPaths() {
    }

    /** Linux: $XDG_DATA_HOME/fota-desk (~/.local/share/fota-desk); macOS: ~/Library/Application Support/FOTA Desk; Windows: %LOCALAPPDATA%\FOTA Desk. */
    public static Path dataHome() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return (local != null ? Path.of(local) : home.resolve("AppData").resolve("Local")).resolve("FOTA Desk");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("FOTA Desk");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share")).resolve("fota-desk");
    }

    /** The offline demo's own data folder. */
    public static Path demoData() {
        return dataHome().resolve("demo");
    }

    public static Path logs() {
        return dataHome().resolve("logs");
    }
}
