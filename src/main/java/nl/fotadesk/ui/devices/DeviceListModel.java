package nl.fotadesk.ui.devices;

import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import nl.fotadesk.client.DeviceQuery;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.Page;
import nl.fotadesk.ui.UiContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The devices the table shows for the current filter. Up to {@link #COMPLETE_LIMIT} matches are all
 * loaded, so sorting by any column sorts them all; more matches (a fleet of 100,000) are a
 * {@link LazyDeviceList} in the server's IMEI order, fetched as the operator scrolls. Refreshing keeps
 * each device's line object ({@link SortedDeviceLines}), so selection and scroll position stay where
 * they were.
 */
final class DeviceListModel {
    static final int COMPLETE_LIMIT = 5_000;
    static final int PAGE = 1_000;

    /** What one load brought: all matches (complete) or the first page of many. */
    private record Fetched(long total, List<DeviceView> devices, boolean complete) {
    }

    private final UiContext context;
    private final SortedDeviceLines complete = new SortedDeviceLines();
    private final ObjectProperty<ObservableList<DeviceTableLine>> items = new SimpleObjectProperty<>(complete.lines());
    private final LongProperty total = new SimpleLongProperty(-1);
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private Supplier<int[]> visibleRange = () -> null;
    private LazyDeviceList lazy;
    private DeviceQuery query = DeviceQuery.ALL;
    private long generation;
    private boolean changing;

    DeviceListModel(UiContext context) {
        this.context = context;
    }

    /** The table's lines: a sorted list of all matches, or a lazy list of many. */
    ObjectProperty<ObservableList<DeviceTableLine>> itemsProperty() {
        return items;
    }

    /** How many devices match the filter; -1 before the first answer. */
    LongProperty totalProperty() {
        return total;
    }

    BooleanProperty loadingProperty() {
        return loading;
    }

    /** Why the last load failed, in words for the operator; empty when it worked. */
    StringProperty errorProperty() {
        return error;
    }

    /**
     * True while the lines change to an answer from the server: the table's selection then moves with
     * its indices, which is no choice of the operator's.
     */
    boolean isChanging() {
        return changing;
    }

    /** True when all matches are loaded, so every column can sort them. */
    boolean isComplete() {
        return lazy == null;
    }

    DeviceQuery query() {
        return query;
    }

    void setVisibleRange(Supplier<int[]> range) {
        visibleRange = range;
        if (lazy != null) {
            lazy.setVisibleRange(range);
        }
    }

    /** Sorts all loaded matches; null keeps the server's IMEI order. Devices that compare equal stay in IMEI order. */
    void sort(Comparator<DeviceTableLine> comparator) {
        complete.sort(comparator);
    }

    /**
     * Loads the devices of {@code newQuery}; {@code shown} runs once the table shows them. An answer
     * that a newer load overtook is dropped and runs nothing: it belongs to a filter no longer chosen.
     */
    void load(DeviceQuery newQuery, Runnable shown) {
        load(newQuery, true, shown, () -> { });
    }

    private void load(DeviceQuery newQuery, boolean showLoading, Runnable shown, Runnable answered) {
        query = newQuery;
        long ticket = ++generation;
        if (showLoading) {
            loading.set(true);
        }
        DeviceQuery q = newQuery;
        context.run(() -> fetch(q), fetched -> {
            if (ticket == generation) {
                apply(fetched);
                loading.set(false);
                error.set("");
                shown.run();
            }
            answered.run();
        }, message -> {
            if (ticket == generation) {
                loading.set(false);
                error.set(message);
            }
            answered.run();
        });
    }

    /**
     * Fetches what the table shows again: all matches, or the lines on screen of a long list;
     * {@code done} runs when it answered, also after a failure or when a newer load overtook it.
     */
    void refresh(Runnable done) {
        if (lazy == null) {
            load(query, false, () -> { }, done);
        } else {
            lazy.refresh(done);
        }
    }

    /** The line of the device with this IMEI among those loaded, or -1. */
    int indexOf(String imei) {
        if (imei == null) {
            return -1;
        }
        return lazy != null ? lazy.indexOf(imei) : complete.indexOf(imei);
    }

    /**
     * Finds the line of the device with this IMEI, fetching it when the long list does not have it at
     * hand; {@code found} gets its index, -1 when the list does not hold the device. Runs nothing when
     * another list replaced this one meanwhile, or on a failure.
     */
    void locate(String imei, IntConsumer found) {
        int index = indexOf(imei);
        if (index >= 0 || lazy == null) {
            found.accept(index);
            return;
        }
        LazyDeviceList mine = lazy;
        DeviceQuery q = query;
        long size = mine.size();
        context.run(() -> ImeiPosition.of(context.client(), q, imei, size), at -> {
            if (lazy != mine) {
                return;
            }
            if (at < 0 || at >= mine.size()) {
                found.accept(-1);
            } else {
                mine.fetchAround((int) (long) at, () -> {
                    if (lazy == mine) {
                        found.accept(mine.indexOf(imei));
                    }
                });
            }
        }, failure -> { });
    }

    private Fetched fetch(DeviceQuery q) {
        Page<DeviceView> first = context.client().devices(q.page(0, PAGE));
        if (first.total() > COMPLETE_LIMIT) {
            return new Fetched(first.total(), first.items(), false);
        }
        List<DeviceView> devices = new ArrayList<>(first.items());
        long total = first.total();
        while (devices.size() < total) {
            Page<DeviceView> next = context.client().devices(q.page(devices.size(), PAGE));
            if (next.items().isEmpty()) {
                break;
            }
            devices.addAll(next.items());
            total = next.total();
        }
        return new Fetched(devices.size(), devices, true);
    }

    private void apply(Fetched fetched) {
        changing = true;
        try {
            show(fetched);
        } finally {
            changing = false;
        }
    }

    private void show(Fetched fetched) {
        if (fetched.complete()) {
            if (lazy != null) {
                lazy.close();
                lazy = null;
            }
            complete.merge(fetched.devices());
            items.set(complete.lines());
        } else {
            if (lazy != null) {
                lazy.close();
            }
            lazy = lazyList(query, fetched);
            complete.clear();
            items.set(lazy);
        }
        total.set(fetched.total());
    }

    /** A long list of {@code q}'s matches; its blocks' answers count only while the table shows it. */
    private LazyDeviceList lazyList(DeviceQuery q, Fetched first) {
        LazyDeviceList[] self = new LazyDeviceList[1];
        self[0] = new LazyDeviceList((int) Math.min(Integer.MAX_VALUE, first.total()),
                (offset, limit, done, failed) -> context.run(() -> context.client().devices(q.page(offset, limit)),
                        page -> {
                            if (lazy != self[0]) {
                                done.accept(page); // the list is closed and ignores it
                                return;
                            }
                            changing = true;
                            try {
                                total.set(page.total());
                                done.accept(page);
                            } finally {
                                changing = false;
                            }
                        }, message -> {
                            if (lazy == self[0]) {
                                error.set(message);
                            }
                            failed.run();
                        }),
                DeviceListModel::soon);
        self[0].prefill(0, first.devices());
        self[0].setVisibleRange(visibleRange);
        return self[0];
    }

    private static void soon(Runnable task) {
        PauseTransition pause = new PauseTransition(Duration.millis(60));
        pause.setOnFinished(e -> task.run());
        pause.play();
    }
}
