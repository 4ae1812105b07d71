package nl.fotadesk.backend.store;

import nl.fotadesk.protocol.api.DeviceStatus;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Saved groups and the IMEIs of static ones. An owner's device types are kept as one tab-separated column;
 * an owner without a client or types has '' there (part of the key that keeps names unique per owner).
 */
public final class GroupStore {
    private static final String SEPARATOR = "\t";
    private final Jdbc jdbc;

    public GroupStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws StoreException with {@link StoreException#isDuplicateKey()} when the owner has a group of this name */
    public void insert(GroupRow g) {
        DeviceFilter f = g.filter() == null ? DeviceFilter.ALL : g.filter();
        jdbc.update("INSERT INTO device_groups (id, name, kind, filter_client, filter_type, filter_firmware,"
                        + " filter_status, created_at, owner_client, owner_types) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                g.id(), g.name(), g.kind(), f.client(), f.deviceType(), f.firmware(),
                f.status() == null ? null : f.status().wireName(), g.createdAt(),
                g.ownerClient() == null ? "" : g.ownerClient(), String.join(SEPARATOR, g.ownerTypes()));
    }

    /** Changes name and filter; the kind and the owner stay. */
    public void update(GroupRow g) {
        DeviceFilter f = g.filter() == null ? DeviceFilter.ALL : g.filter();
        jdbc.update("UPDATE device_groups SET name = ?, filter_client = ?, filter_type = ?, filter_firmware = ?,"
                        + " filter_status = ? WHERE id = ?", g.name(), f.client(), f.deviceType(), f.firmware(),
                f.status() == null ? null : f.status().wireName(), g.id());
    }

    public Optional<GroupRow> find(String id) {
        return jdbc.one("SELECT * FROM device_groups WHERE id = ?", GroupStore::map, id);
    }

    /** By name, in the order of its characters (an ORDER BY would follow the database's collation). */
    public List<GroupRow> list() {
        List<GroupRow> groups = jdbc.list("SELECT * FROM device_groups", GroupStore::map);
        groups.sort(java.util.Comparator.comparing(GroupRow::name));
        return groups;
    }

    public void delete(String id) {
        jdbc.update("DELETE FROM group_members WHERE group_id = ?", id);
        jdbc.update("DELETE FROM device_groups WHERE id = ?", id);
    }

    public void setMembers(String id, List<String> imeis) {
        jdbc.update("DELETE FROM group_members WHERE group_id = ?", id);
        for (String imei : imeis) {
            jdbc.update("INSERT INTO group_members (group_id, imei) VALUES (?, ?)", id, imei);
        }
    }

    public List<String> members(String id) {
        return jdbc.list("SELECT imei FROM group_members WHERE group_id = ? ORDER BY imei", rs -> rs.getString(1).trim(), id);
    }

    /** Registered devices in a static group (IMEIs listed before their device is registered are not counted). */
    public long memberCount(String id) {
        return jdbc.count("SELECT COUNT(*) FROM group_members g JOIN devices d ON d.imei = g.imei WHERE g.group_id = ?", id);
    }

    private static GroupRow map(ResultSet rs) throws SQLException {
        String status = rs.getString("filter_status");
        String client = rs.getString("owner_client");
        String types = rs.getString("owner_types");
        return new GroupRow(rs.getString("id"), rs.getString("name"), rs.getString("kind"),
                new DeviceFilter(rs.getString("filter_client"), rs.getString("filter_type"),
                        status == null ? null : DeviceStatus.fromWire(status), rs.getString("filter_firmware")),
                Jdbc.instant(rs, "created_at"), client.isEmpty() ? null : client,
                types.isEmpty() ? List.of() : List.of(types.split(SEPARATOR)));
    }
}
