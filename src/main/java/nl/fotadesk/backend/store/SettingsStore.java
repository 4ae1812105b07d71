package nl.fotadesk.backend.store;

import java.util.Optional;
import java.util.function.Supplier;

/** Per-installation values kept in the database (signing secret, API key hash). */
public final class SettingsStore {
    private final Jdbc jdbc;

    public SettingsStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> get(String name) {
        return jdbc.one("SELECT setting_value FROM settings WHERE name = ?", rs -> rs.getString(1), name);
    }

    public void put(String name, String value) {
        jdbc.inTransaction(() -> {
            if (jdbc.update("UPDATE settings SET setting_value = ? WHERE name = ?", value, name) == 0) {
                jdbc.update("INSERT INTO settings (name, setting_value) VALUES (?, ?)", name, value);
            }
            return null;
        });
    }

    /** The stored value, or a new one from {@code generator}, stored once and kept from then on. */
    public String getOrCreate(String name, Supplier<String> generator) {
        return get(name).orElseGet(() -> {
            String value = generator.get();
            put(name, value);
            return value;
        });
    }
}
