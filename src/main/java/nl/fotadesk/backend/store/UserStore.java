package nl.fotadesk.backend.store;

import nl.fotadesk.protocol.api.Role;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Users with their role, scope and password hash. Device types are kept as one tab-separated column. */
public final class UserStore {
    private static final String SEPARATOR = "\t";
    private static final String COLUMNS = "username, display_name, role, client, device_types, password_hash,"
            + " disabled, created_at, updated_at";

    private final Jdbc jdbc;

    public UserStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws StoreException with {@link StoreException#isDuplicateKey()} when the username is taken */
    public void insert(UserRow user) {
        jdbc.update("INSERT INTO users (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", user.username(),
                user.displayName(), user.role().wireName(), user.client(), joined(user.deviceTypes()),
                user.passwordHash(), user.disabled(), user.createdAt(), user.updatedAt());
    }

    /** Replaces everything but the username and creation time; false when there is no such user. */
    public boolean update(UserRow user) {
        return jdbc.update("UPDATE users SET display_name = ?, role = ?, client = ?, device_types = ?,"
                        + " password_hash = ?, disabled = ?, updated_at = ? WHERE username = ?", user.displayName(),
                user.role().wireName(), user.client(), joined(user.deviceTypes()), user.passwordHash(),
                user.disabled(), user.updatedAt(), user.username()) == 1;
    }

    public Optional<UserRow> find(String username) {
        if (neverStored(username)) {
            return Optional.empty();
        }
        return jdbc.one("SELECT " + COLUMNS + " FROM users WHERE username = ?", UserStore::map, username);
    }

    /** The user, its row locked until the current transaction ends. */
    public Optional<UserRow> lock(String username) {
        if (neverStored(username)) {
            return Optional.empty();
        }
        return jdbc.one("SELECT " + COLUMNS + " FROM users WHERE username = ? FOR UPDATE", UserStore::map, username);
    }

    public List<UserRow> list() {
        return jdbc.list("SELECT " + COLUMNS + " FROM users ORDER BY username", UserStore::map);
    }

    public boolean delete(String username) {
        return jdbc.update("DELETE FROM users WHERE username = ?", username) == 1;
    }

    /** Operators that can sign in, their rows locked: the last one may not be disabled, demoted or deleted. */
    public List<String> lockActiveOperators() {
        return jdbc.list("SELECT username FROM users WHERE role = ? AND disabled = FALSE ORDER BY username FOR UPDATE",
                rs -> rs.getString(1), Role.OPERATOR.wireName());
    }

    private static String joined(List<String> deviceTypes) {
        return deviceTypes.isEmpty() ? null : String.join(SEPARATOR, deviceTypes);
    }

    private static UserRow map(ResultSet rs) throws SQLException {
        String types = rs.getString("device_types");
        return new UserRow(rs.getString("username"), rs.getString("display_name"), Role.fromWire(rs.getString("role")),
                rs.getString("client"), types == null ? List.of() : Arrays.asList(types.split(SEPARATOR)),
                rs.getString("password_hash"), rs.getBoolean("disabled"), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "updated_at"));
    }

    /** A name holding U+0000 is never stored (names are checked), and PostgreSQL refuses even to compare it. */
    private static boolean neverStored(String username) {
        return username == null || username.indexOf('\u0000') >= 0;
    }
}
