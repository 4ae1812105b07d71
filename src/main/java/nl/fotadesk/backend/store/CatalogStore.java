package nl.fotadesk.backend.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Clients and device types: created explicitly, or on first use by a device or firmware. */
public final class CatalogStore {
    /** A name with how many devices (and, for device types, firmware images) carry it. */
    public record Entry(String name, String description, long devices, long firmware, Instant createdAt) {
    }

    private final Jdbc jdbc;

    public CatalogStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the client unless it exists; two first registrations of it at once, on any node, both succeed. */
    public void ensureClient(String name, Instant now) {
        insertIfAbsent("clients", "name, created_at", "?, ?", name, now);
    }

    /** Adds the device type unless it exists, as {@link #ensureClient}. */
    public void ensureDeviceType(String name, String description, Instant now) {
        insertIfAbsent("device_types", "name, description, created_at", "?, ?, ?", name, description, now);
    }

    /**
     * Inserts a row keyed by its first value unless one exists. PostgreSQL skips a row a concurrent
     * transaction inserted (ON CONFLICT; a failed statement would abort the whole transaction there);
     * H2 waits for that transaction and then refuses the duplicate key, which only fails the statement.
     */
    private void insertIfAbsent(String table, String columns, String placeholders, Object... values) {
        if (jdbc.isPostgres()) {
            jdbc.update("INSERT INTO " + table + " (" + columns + ") VALUES (" + placeholders + ") ON CONFLICT DO NOTHING",
                    values);
            return;
        }
        Object[] params = Arrays.copyOf(values, values.length + 1);
        params[values.length] = values[0];
        try {
            jdbc.update("INSERT INTO " + table + " (" + columns + ") SELECT " + placeholders + " WHERE NOT EXISTS"
                    + " (SELECT 1 FROM " + table + " WHERE name = ?)", params);
        } catch (StoreException e) {
            if (!e.isDuplicateKey()) {
                throw e;
            }
        }
    }

    public boolean clientExists(String name) {
        return jdbc.count("SELECT COUNT(*) FROM clients WHERE name = ?", name) > 0;
    }

    public boolean deviceTypeExists(String name) {
        return jdbc.count("SELECT COUNT(*) FROM device_types WHERE name = ?", name) > 0;
    }

    /** In the order of the names' characters; sorted here because ORDER BY follows each database's collation. */
    public List<Entry> clients() {
        return clients(DeviceFilter.ALL);
    }

    /** Every client, with the number of its devices that {@code counted} admits. */
    public List<Entry> clients(DeviceFilter counted) {
        List<Object> params = new ArrayList<>();
        String and = and(counted, params);
        return byName(jdbc.list("SELECT c.name, c.created_at, (SELECT COUNT(*) FROM devices d WHERE d.client = c.name"
                + and + ") AS n FROM clients c", rs -> new Entry(rs.getString("name"), null, rs.getLong("n"), 0,
                Jdbc.instant(rs, "created_at")), params.toArray()));
    }

    /** In the order of the names' characters, as {@link #clients()}. */
    public List<Entry> deviceTypes() {
        return deviceTypes(DeviceFilter.ALL);
    }

    /** Every device type, with the number of its devices that {@code counted} admits. */
    public List<Entry> deviceTypes(DeviceFilter counted) {
        List<Object> params = new ArrayList<>();
        String and = and(counted, params);
        return byName(jdbc.list("SELECT t.name, t.description, t.created_at,"
                + " (SELECT COUNT(*) FROM devices d WHERE d.device_type = t.name" + and + ") AS n,"
                + " (SELECT COUNT(*) FROM firmware f WHERE f.device_type = t.name) AS f"
                + " FROM device_types t", rs -> new Entry(rs.getString("name"),
                rs.getString("description"), rs.getLong("n"), rs.getLong("f"), Jdbc.instant(rs, "created_at")),
                params.toArray()));
    }

    private static String and(DeviceFilter filter, List<Object> params) {
        List<String> terms = filter.terms(params);
        return terms.isEmpty() ? "" : " AND " + String.join(" AND ", terms);
    }

    private static List<Entry> byName(List<Entry> entries) {
        entries.sort(Comparator.comparing(Entry::name));
        return entries;
    }
}
