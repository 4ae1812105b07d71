package nl.fotadesk.backend.secrets;

import java.util.Optional;
import java.util.function.Supplier;

/** The installation's named values in the database, as the master key check needs them. */
public interface SettingValues {
    Optional<String> get(String name);

    /** The stored value, or {@code generator}'s, stored once: with concurrent callers, all get the one that won. */
    String getOrCreate(String name, Supplier<String> generator);
}
