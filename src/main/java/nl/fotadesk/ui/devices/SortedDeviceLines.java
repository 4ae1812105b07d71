package nl.fotadesk.ui.devices;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import nl.fotadesk.protocol.api.DeviceView;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All the lines of a filter that matches few enough devices to load them all, sorted by the table's
 * columns and then by IMEI. Each device keeps its line object from one answer to the next, so that the
 * table's selection and scroll position stay where they were.
 */
final class SortedDeviceLines {
    static final Comparator<DeviceTableLine> BY_IMEI = Comparator.comparing(DeviceTableLine::imei,
            Comparator.nullsLast(Comparator.naturalOrder()));

    private final ObservableList<DeviceTableLine> all = FXCollections.observableArrayList();
    private final SortedList<DeviceTableLine> sorted = new SortedList<>(all, BY_IMEI);
    private Comparator<DeviceTableLine> order;

    /** The lines in their order, as the table shows them. */
    ObservableList<DeviceTableLine> lines() {
        return sorted;
    }

    /** Sorts by {@code comparator}; null keeps IMEI order. Devices that compare equal stay in IMEI order. */
    void sort(Comparator<DeviceTableLine> comparator) {
        order = comparator;
        resort();
    }

    /** The line of the device with this IMEI, or -1. */
    int indexOf(String imei) {
        for (int i = 0; i < sorted.size(); i++) {
            if (imei.equals(sorted.get(i).imei())) {
                return i;
            }
        }
        return -1;
    }

    void clear() {
        all.clear();
    }

    /** Updates the lines in place: same device, same line object; gone devices leave, new ones join. */
    void merge(List<DeviceView> devices) {
        Map<String, DeviceTableLine> existing = new HashMap<>();
        for (DeviceTableLine row : all) {
            existing.put(row.imei(), row);
        }
        List<DeviceTableLine> added = new ArrayList<>();
        for (DeviceView d : devices) {
            DeviceTableLine row = existing.remove(d.imei());
            if (row == null) {
                added.add(new DeviceTableLine(d));
            } else {
                row.update(d);
            }
        }
        if (!existing.isEmpty()) {
            Set<DeviceTableLine> gone = Collections.newSetFromMap(new IdentityHashMap<>());
            gone.addAll(existing.values());
            all.removeIf(gone::contains);
        }
        all.addAll(added);
        resort();
    }

    /** Sorts again after the devices changed (a line's update does not move it by itself). */
    private void resort() {
        Comparator<DeviceTableLine> base = order;
        sorted.setComparator(base == null ? new TieBreak(BY_IMEI) : new TieBreak(base.thenComparing(BY_IMEI)));
    }

    /** A new comparator object each time, so that the sorted list really sorts again. */
    private record TieBreak(Comparator<DeviceTableLine> order) implements Comparator<DeviceTableLine> {
        @Override
        public int compare(DeviceTableLine a, DeviceTableLine b) {
            return order.compare(a, b);
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
