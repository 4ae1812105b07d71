package nl.fotadesk.backend.store;

import nl.fotadesk.protocol.api.DeviceStatus;

import java.util.ArrayList;
import java.util.List;

/** Optional criteria of a device query; null means "any". {@code firmware} is the reported version. */
public record DeviceFilter(String client, String deviceType, DeviceStatus status, String firmware) {
    public static final DeviceFilter ALL = new DeviceFilter(null, null, null, null);

    String where(List<Object> params) {
        List<String> terms = new ArrayList<>();
        add(terms, params, "d.client = ?", client);
        add(terms, params, "d.device_type = ?", deviceType);
        add(terms, params, "d.status = ?", status == null ? null : status.wireName());
        add(terms, params, "d.reported_firmware = ?", firmware);
        return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
    }

    private static void add(List<String> terms, List<Object> params, String term, Object value) {
        if (value != null) {
            terms.add(term);
            params.add(value);
        }
    }
}
