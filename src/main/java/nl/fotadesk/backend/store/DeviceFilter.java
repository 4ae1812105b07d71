package nl.fotadesk.backend.store;

import nl.fotadesk.protocol.api.DeviceStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * Optional criteria of a device query; null means "any". {@code firmware} is the reported version;
 * {@code groupId} limits to the members of a static group; {@code imei} matches IMEIs that start with it.
 */
public record DeviceFilter(String client, String deviceType, DeviceStatus status, String firmware,
                           String groupId, String imei) {
    public static final DeviceFilter ALL = new DeviceFilter(null, null, null, null);

    public DeviceFilter(String client, String deviceType, DeviceStatus status, String firmware) {
        this(client, deviceType, status, firmware, null, null);
    }

    public DeviceFilter withGroup(String staticGroupId) {
        return new DeviceFilter(client, deviceType, status, firmware, staticGroupId, imei);
    }

    public DeviceFilter withImeiPrefix(String prefix) {
        return new DeviceFilter(client, deviceType, status, firmware, groupId, prefix);
    }

    /** Both filters at once; where both name a field, {@code other}'s value must be the same, else nothing matches. */
    public DeviceFilter and(DeviceFilter other) {
        return new DeviceFilter(both(client, other.client), both(deviceType, other.deviceType),
                status == null ? other.status : status, both(firmware, other.firmware),
                groupId == null ? other.groupId : groupId, imei == null ? other.imei : imei);
    }

    private static String both(String a, String b) {
        if (a == null) {
            return b;
        }
        // No stored name or version is empty, so "" matches nothing (PostgreSQL refuses a NUL in text).
        return b == null || a.equals(b) ? a : "";
    }

    String where(List<Object> params) {
        List<String> terms = new ArrayList<>();
        add(terms, params, "d.client = ?", client);
        add(terms, params, "d.device_type = ?", deviceType);
        add(terms, params, "d.status = ?", status == null ? null : status.wireName());
        add(terms, params, "d.reported_firmware = ?", firmware);
        add(terms, params, "d.imei IN (SELECT imei FROM group_members WHERE group_id = ?)", groupId);
        add(terms, params, "d.imei LIKE ?", imei == null ? null : digitsPrefix(imei));
        return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
    }

    /** A LIKE pattern of the digits typed; text without digits matches no IMEI. */
    private static String digitsPrefix(String typed) {
        String digits = typed.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? "no match" : digits + "%";
    }

    private static void add(List<String> terms, List<Object> params, String term, Object value) {
        if (value != null) {
            terms.add(term);
            params.add(value);
        }
    }
}
