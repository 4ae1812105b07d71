package nl.fotadesk.ui.devices;

import nl.fotadesk.client.DeviceQuery;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.ui.UiContext;

/**
 * Keeps the detail pane to the devices listed: it shows a device of the list or none. Once the device
 * it shows is no longer listed (the filter changed, or the device no longer matches it), it is
 * cleared, so that nothing the operator does there acts on a device they do not see selected. A
 * search for one whole IMEI that finds it opens that device. The detail is often fresher than the
 * list: the device's line shows what the detail has at once.
 */
final class DetailFollowsList {
    private final UiContext context;
    private final DeviceListModel list;
    private final DeviceDetailModel detail;

    DetailFollowsList(UiContext context, DeviceListModel list, DeviceDetailModel detail) {
        this.context = context;
        this.list = list;
        this.detail = detail;
        detail.deviceProperty().addListener((o, old, now) -> {
            if (now != null) {
                int i = list.indexOf(now.imei());
                if (i >= 0) {
                    list.itemsProperty().get().get(i).update(now);
                }
            }
        });
    }

    /** The list was loaded for a search of {@code searched} (digits, empty for none). */
    void loaded(String searched) {
        if (searched.length() == ImeiCheck.LENGTH && list.totalProperty().get() == 1
                && list.itemsProperty().get().get(0).view() != null) {
            DeviceView only = list.itemsProperty().get().get(0).view();
            detail.show(only.imei(), only);
        } else {
            refreshed();
        }
    }

    /**
     * The list was fetched again: the detail's device stays while listed. A long list has only some
     * of its lines at hand; the server says whether the device is among the others.
     */
    void refreshed() {
        String imei = detail.imei();
        if (imei == null || list.indexOf(imei) >= 0) {
            return;
        }
        DeviceQuery q = list.query();
        // a device the search does not reach is not listed; one it reaches is asked about by its IMEI
        if (list.isComplete() || q.imeiDigits() != null && !imei.contains(q.imeiDigits())) {
            detail.clear();
            return;
        }
        context.run(() -> context.client().devices(q.withImeiContaining(imei).page(0, 1)).total() > 0, listed -> {
            if (!listed && imei.equals(detail.imei()) && q.equals(list.query())) {
                detail.clear();
            }
        }, failure -> { });
    }
}
