package nl.fotadesk.backend.store;

import nl.fotadesk.backend.secrets.SecretBox;
import nl.fotadesk.backend.secrets.SettingValues;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Per-installation values kept in the database (signing secret, API key hash, master key check).
 * Several nodes may start at once on one database: every write tolerates a concurrent one.
 */
public final class SettingsStore implements SettingValues {
    private final Jdbc jdbc;

    public SettingsStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> get(String name) {
        return jdbc.one("SELECT setting_value FROM settings WHERE name = ?", rs -> rs.getString(1), name);
    }

    /** Stores {@code value}, replacing what was there. */
    @Override
    public void put(String name, String value) {
        if (jdbc.update("UPDATE settings SET setting_value = ? WHERE name = ?", value, name) == 0 && !insert(name, value)) {
            jdbc.update("UPDATE settings SET setting_value = ? WHERE name = ?", value, name);
        }
    }

    @Override
    public void delete(String name) {
        jdbc.update("DELETE FROM settings WHERE name = ?", name);
    }

    /**
     * The stored value, or a new one from {@code generator}, stored once and kept from then on: when
     * another node inserts at the same moment, its value wins for both.
     */
    @Override
    public String getOrCreate(String name, Supplier<String> generator) {
        Optional<String> stored = get(name);
        if (stored.isPresent()) {
            return stored.get();
        }
        insert(name, generator.get());
        return get(name).orElseThrow(() -> new IllegalStateException("setting " + name + " vanished"));
    }

    /**
     * A secret setting, sealed with {@code box} in the database: created once (as {@link #getOrCreate}),
     * and sealed in place when an older version left it in clear.
     */
    public String getOrCreateSecret(String name, SecretBox box, Supplier<String> generator) {
        String context = "setting/" + name;
        String stored = getOrCreate(name, () -> box.seal(generator.get(), context));
        if (SecretBox.isSealed(stored)) {
            return box.open(stored, context);
        }
        // Only where it is still the clear value: a node sealing it at the same moment has done the same.
        jdbc.update("UPDATE settings SET setting_value = ? WHERE name = ? AND setting_value = ?",
                box.seal(stored, context), name, stored);
        return stored;
    }

    /** @return false when the name was there already (inserted meanwhile by another node) */
    private boolean insert(String name, String value) {
        try {
            jdbc.update("INSERT INTO settings (name, setting_value) VALUES (?, ?)", name, value);
            return true;
        } catch (StoreException e) {
            if (e.isDuplicateKey()) {
                return false;
            }
            throw e;
        }
    }
}
