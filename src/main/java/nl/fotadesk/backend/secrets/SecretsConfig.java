package nl.fotadesk.backend.secrets;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Where the master key comes from and how failed authentication is limited.
 *
 * @param masterKeyFile the key file, read or (for a new database) created; never inside the data folder
 * @param masterKey     the key itself in base64 (from {@code FOTA_DESK_MASTER_KEY}); when set, the file is not used
 * @param authFailures  failed authentications from one address within {@code authWindow} before it gets {@code 429}
 */
public record SecretsConfig(Path masterKeyFile, String masterKey, int authFailures, Duration authWindow) {
    public static final int DEFAULT_AUTH_FAILURES = 10;
    public static final Duration DEFAULT_AUTH_WINDOW = Duration.ofMinutes(1);

    public SecretsConfig {
        if (authFailures < 1 || authWindow.isNegative() || authWindow.isZero()) {
            throw new IllegalArgumentException("authentication limit must allow at least one failure in a positive window");
        }
    }

    /** The key file in this user's config folder, the default limits. */
    public static SecretsConfig forUser() {
        return new SecretsConfig(defaultMasterKeyFile(), null, DEFAULT_AUTH_FAILURES, DEFAULT_AUTH_WINDOW);
    }

    public SecretsConfig withMasterKeyFile(Path file) {
        return new SecretsConfig(file, masterKey, authFailures, authWindow);
    }

    public SecretsConfig withMasterKey(String base64) {
        return new SecretsConfig(masterKeyFile, base64, authFailures, authWindow);
    }

    public SecretsConfig withAuthLimit(int failures, Duration window) {
        return new SecretsConfig(masterKeyFile, masterKey, failures, window);
    }

    /**
     * Linux: $XDG_CONFIG_HOME/fota-desk/master.key (~/.config/fota-desk); macOS: ~/Library/Application
     * Support/FOTA Desk/keys/master.key; Windows: %APPDATA%\FOTA Desk\master.key. Apart from the data
     * folders, so a copy or backup of a data folder does not carry the key.
     */
    public static Path defaultMasterKeyFile() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String roaming = System.getenv("APPDATA");
            return (roaming != null ? Path.of(roaming) : home.resolve("AppData").resolve("Roaming"))
                    .resolve("FOTA Desk").resolve("master.key");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("FOTA Desk").resolve("keys")
                    .resolve("master.key");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config")).resolve("fota-desk")
                .resolve("master.key");
    }

    @Override
    public String toString() {
        return "SecretsConfig[masterKeyFile=" + masterKeyFile + ", masterKey=" + (masterKey == null ? "none" : "(set)")
                + ", authFailures=" + authFailures + ", authWindow=" + authWindow + "]";
    }
}
