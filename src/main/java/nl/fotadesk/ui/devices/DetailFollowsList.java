package nl.fotadesk.ui.devices;

import nl.fotadesk.client.DeviceQuery;
import nl.fotadesk.protocol.api.DeviceView;

/**
 * Keeps the detail pane to the devices listed: it shows a device of the list or none. Once the device
 * it shows is no longer listed (the filter changed, or the device no longer matches it), it is
 * cleared, so that nothing the operator does there acts on a device they do not see selected; while
 * it is listed its line is fetched (even far down a long list) so that the table selects and shows it. A
 * search for one whole IMEI that finds it opens that device. The detail is often fresher than the
 * list: the device's line shows what the detail has at once.
 */
final class DetailFollowsList {
    private final DeviceListModel list;
    private final DeviceDetailModel detail;
    private final Runnable revealed;

    /** @param revealed runs once the line of the detail's device was fetched, so that the table selects it */
    DetailFollowsList(DeviceListModel list, DeviceDetailModel detail, Runnable revealed) {
        this.list = list;
        this.detail = detail;
        this.revealed = revealed;
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
     * of its lines at hand; the device's line is looked for on the server and fetched, so that the
     * table can select it and show it ({@code revealed}), or the detail is cleared when it is not listed.
     */
    void refreshed() {
        String imei = detail.imei();
        if (imei == null || list.indexOf(imei) >= 0) {
            return;
        }
        DeviceQuery q = list.query();
        // a device the search does not reach is not listed
        if (list.isComplete() || q.imeiDigits() != null && !imei.contains(q.imeiDigits())) {
            detail.clear();
            return;
        }
        list.locate(imei, index -> {
            if (imei.equals(detail.imei()) && q.equals(list.query())) {
                if (index < 0) {
                    detail.clear();
                } else {
                    revealed.run();
                }
            }
        });
    }
}
