package nl.fotadesk.backend.secrets;

import java.util.Optional;
import java.util.function.Supplier;

/** The installation's named values in the database, as the master key check and the API key need them. */
public interface SettingValues {
    Optional<String> get(String name);

    void put(String name, String value);

    void delete(String name);

    /** The stored value, or {@code generator}'s, stored once: with concurrent callers, all get the one that won. */
    String getOrCreate(String name, Supplier<String> generator);
}
