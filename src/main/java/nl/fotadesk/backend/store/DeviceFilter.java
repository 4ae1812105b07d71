package nl.fotadesk.backend.store;

import nl.fotadesk.protocol.api.DeviceStatus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Optional criteria of a device query; null means "any". {@code firmware} is the reported version;
 * {@code groupId} limits to the members of a static group; {@code imei} matches IMEIs that contain its digits anywhere;
 * {@code anyOfTypes} limits to some device types (a supplier's scope; empty matches nothing).
 */
public record DeviceFilter(String client, String deviceType, DeviceStatus status, String firmware,
                           String groupId, String imei, List<String> anyOfTypes) {
    public static final DeviceFilter ALL = new DeviceFilter(null, null, null, null);

    public DeviceFilter {
        anyOfTypes = anyOfTypes == null ? null : List.copyOf(anyOfTypes);
    }

    public DeviceFilter(String client, String deviceType, DeviceStatus status, String firmware) {
        this(client, deviceType, status, firmware, null, null, null);
    }

    public DeviceFilter withGroup(String staticGroupId) {
        return new DeviceFilter(client, deviceType, status, firmware, staticGroupId, imei, anyOfTypes);
    }

    public DeviceFilter withImeiContaining(String digits) {
        return new DeviceFilter(client, deviceType, status, firmware, groupId, digits, anyOfTypes);
    }

    /** Only the devices of {@code onlyClient} as well. */
    public DeviceFilter withinClient(String onlyClient) {
        return and(new DeviceFilter(onlyClient, null, null, null));
    }

    /** Only devices of these types as well. */
    public DeviceFilter withinTypes(Collection<String> types) {
        return and(new DeviceFilter(null, null, null, null, null, null, List.copyOf(types)));
    }

    /** Both filters at once; where both name a field, {@code other}'s value must be the same, else nothing matches. */
    public DeviceFilter and(DeviceFilter other) {
        return new DeviceFilter(both(client, other.client), both(deviceType, other.deviceType),
                status == null ? other.status : status, both(firmware, other.firmware),
                groupId == null ? other.groupId : groupId, imei == null ? other.imei : imei,
                anyOfTypes == null ? other.anyOfTypes : other.anyOfTypes == null ? anyOfTypes
                        : anyOfTypes.stream().filter(other.anyOfTypes::contains).toList());
    }

    private static String both(String a, String b) {
        if (a == null) {
            return b;
        }
        // No stored name or version is empty, so "" matches nothing (PostgreSQL refuses a NUL in text).
        return b == null || a.equals(b) ? a : "";
    }

    String where(List<Object> params) {
        List<String> terms = terms(params);
        return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
    }

    /** The conditions on devices {@code d} (in SQL), each with its parameters added to {@code params}. */
    public List<String> terms(List<Object> params) {
        List<String> terms = new ArrayList<>();
        add(terms, params, "d.client = ?", client);
        add(terms, params, "d.device_type = ?", deviceType);
        add(terms, params, "d.status = ?", status == null ? null : status.wireName());
        add(terms, params, "d.reported_firmware = ?", firmware);
        add(terms, params, "d.imei IN (SELECT imei FROM group_members WHERE group_id = ?)", groupId);
        add(terms, params, "d.imei LIKE ?", imei == null ? null : digitsAnywhere(imei));
        if (anyOfTypes != null) {
            terms.add(anyOfTypes.isEmpty() ? "1 = 0"
                    : "d.device_type IN (" + String.join(", ", Collections.nCopies(anyOfTypes.size(), "?")) + ")");
            params.addAll(anyOfTypes);
        }
        return terms;
    }

    /**
     * A LIKE pattern of the digits typed, anywhere in the IMEI; text without digits matches no IMEI.
     * No index serves it: the scan of 100,000 IMEIs takes milliseconds ({@code bench devices}).
     */
    private static String digitsAnywhere(String typed) {
        String digits = typed.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? "no match" : "%" + digits + "%";
    }

    private static void add(List<String> terms, List<Object> params, String term, Object value) {
        if (value != null) {
            terms.add(term);
            params.add(value);
        }
    }
}
