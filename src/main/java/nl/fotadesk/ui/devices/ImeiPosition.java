package nl.fotadesk.ui.devices;

import nl.fotadesk.client.DeviceQuery;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.protocol.api.DeviceView;

import java.util.List;

/**
 * Where a device is in a long list the server orders by IMEI: found by halving, one device per
 * question (17 questions for 100,000 devices), so that the line can be fetched, selected and shown.
 */
final class ImeiPosition {
    private ImeiPosition() {
    }

    /** The index of the device with this IMEI among the matches of {@code query}, or -1 when it is not one. */
    static long of(FotaDeskClient client, DeviceQuery query, String imei, long total) {
        long low = 0;
        long high = total - 1;
        while (low <= high) {
            long middle = (low + high) >>> 1;
            List<DeviceView> at = client.devices(query.page((int) middle, 1)).items();
            int order = at.isEmpty() ? 1 : at.get(0).imei().compareTo(imei);
            if (order == 0) {
                return middle;
            }
            if (order < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return -1;
    }
}
