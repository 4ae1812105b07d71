package nl.fotadesk.ui.devices;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import nl.fotadesk.protocol.api.DeviceView;

/**
 * One line of the device table. The line stays the same object while its device changes, so a live
 * update redraws the cells without disturbing selection or scrolling. Its view is null while the
 * line is still being loaded.
 */
final class DeviceTableLine {
    private final ReadOnlyObjectWrapper<DeviceView> view = new ReadOnlyObjectWrapper<>(this, "view");

    DeviceTableLine(DeviceView device) {
        view.set(device);
    }

    DeviceView view() {
        return view.get();
    }

    ReadOnlyObjectProperty<DeviceView> viewProperty() {
        return view.getReadOnlyProperty();
    }

    /** The device's IMEI, or null while the line is loading. */
    String imei() {
        DeviceView v = view.get();
        return v == null ? null : v.imei();
    }

    void update(DeviceView device) {
        if (device == null ? view.get() != null : !device.equals(view.get())) {
            view.set(device);
        }
    }

    @Override
    public String toString() {
        return "DeviceTableLine[" + imei() + "]";
    }
}
