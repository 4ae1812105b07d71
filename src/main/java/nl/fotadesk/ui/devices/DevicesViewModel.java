package nl.fotadesk.ui.devices;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import nl.fotadesk.client.DeviceQuery;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.EventView;
import nl.fotadesk.ui.UiContext;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The devices screen's state: its {@link DeviceFilters}, the device list and its counts, the device in
 * the detail pane (kept to the list by {@link DetailFollowsList}), and keeping all of it current while
 * the screen is shown, as often as the {@link RefreshThrottle} allows.
 */
final class DevicesViewModel {
    private final UiContext context;
    private final DeviceFilters filters;
    private final DeviceListModel list;
    private final DeviceDetailModel detail;
    private final DetailFollowsList follows;
    private final RefreshThrottle throttle = new RefreshThrottle();
    private final ObjectProperty<Consumer<String>> openCampaign = new SimpleObjectProperty<>();
    private final LongProperty allTotal = new SimpleLongProperty(-1);
    private final BooleanProperty filtered = new SimpleBooleanProperty();
    private final BooleanBinding loading;
    private final StringBinding emptyText;
    private final Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
    private Supplier<int[]> visibleRange = () -> null;
    private Runnable onLoaded = () -> { };
    private boolean refreshing;

    DevicesViewModel(UiContext context) {
        this.context = context;
        filters = new DeviceFilters(context, this::reload);
        list = new DeviceListModel(context);
        detail = new DeviceDetailModel(context, filters.firmware(), this::requestRefresh);
        follows = new DetailFollowsList(list, detail, () -> onLoaded.run());
        loading = list.loadingProperty().or(filters.search().pendingProperty());
        emptyText = Bindings.createStringBinding(() -> list.totalProperty().get() < 0 || loading.get()
                        ? context.text("devices.loading") : filtered.get() ? context.text("devices.noneMatch")
                        : context.text("devices.noneYet"), list.totalProperty(), loading, filtered);
        ticker.setCycleCount(Animation.INDEFINITE);
    }

    DeviceFilters filters() {
        return filters;
    }

    DeviceListModel list() {
        return list;
    }

    DeviceDetailModel detail() {
        return detail;
    }

    /** Opens a campaign by its id (the app's shell sets it); null while campaigns cannot be opened from here. */
    ObjectProperty<Consumer<String>> openCampaignProperty() {
        return openCampaign;
    }

    /** The operator changed devices (e.g. their desired firmware): the list and detail show it soon. */
    void changedByOperator() {
        detail.reloadSoon();
        requestRefresh();
    }

    /** All devices on the server, whatever the filter; -1 before the first answer. */
    LongProperty allTotalProperty() {
        return allTotal;
    }

    void setVisibleRange(Supplier<int[]> range) {
        visibleRange = range;
        list.setVisibleRange(range);
    }

    /** Runs after each load and refresh of the list, on the FX thread (the view puts the selection back). */
    void setOnLoaded(Runnable listener) {
        onLoaded = listener;
    }

    /** True when a filter or search narrows the list (as last loaded). */
    ReadOnlyBooleanProperty filteredProperty() {
        return filtered;
    }

    /** True while the list is loading, or a search is typed but not applied yet: what shows is not its answer. */
    BooleanBinding loadingProperty() {
        return loading;
    }

    /** What the table says when it has no lines: loading, none match the filter, or none at all. */
    StringBinding emptyTextProperty() {
        return emptyText;
    }

    /** The filters, the search and the device in the detail, for the screen in another language. */
    record Kept(DeviceFilters.Kept filters, String imei) {
    }

    Kept kept() {
        return new Kept(filters.kept(), detail.imei());
    }

    /** Takes over what {@code kept} holds; the list shown next selects the device when it lists it. */
    void restore(Kept kept) {
        filters.restore(kept.filters());
        filtered.set(filters.isFiltered());
        if (kept.imei() != null) {
            detail.show(kept.imei(), null);
        }
    }

    /** The screen is shown: fresh filter choices and devices, and live updates from now on. */
    void show() {
        filters.loadChoices();
        reload();
        ticker.play();
    }

    /** The screen is no longer shown: no more refreshing. */
    void hide() {
        ticker.stop();
    }

    void applySearch() {
        if (filters.search().apply()) {
            reload();
        }
    }

    /** Lists just the device with this IMEI, which the detail then shows (a search for a whole IMEI opens it). */
    void showDevice(String imei) {
        filters.clear();
        filters.search().typedProperty().set(imei);
        filters.search().apply();
        reload();
    }

    void clearFilters() {
        filters.clear();
        reload();
    }

    /** Loads the list for the current filter, as the operator changed it. */
    void reload() {
        filtered.set(filters.isFiltered());
        throttle.fetched(System.currentTimeMillis());
        String searched = filters.search().applied();
        list.load(filters.query(), () -> {
            follows.loaded(searched);
            onLoaded.run();
        });
        loadAllTotal();
    }

    /** Something changed on the server: refresh soon, throttled. */
    void onEvents(List<EventView> events) {
        detail.onEvents(events);
        if (!events.isEmpty()) {
            requestRefresh();
        }
    }

    /** A device was just registered: show it, and the list with it (unfiltered, so that it is listed). */
    void registered(String imei) {
        filters.loadChoices();
        detail.show(imei, null);
        if (filters.isFiltered()) {
            clearFilters();
        } else {
            reload();
        }
    }

    /** Devices were imported: fresh choices and list. */
    void imported() {
        filters.loadChoices();
        reload();
    }

    void requestRefresh() {
        throttle.changed();
        maybeRefresh(System.currentTimeMillis());
    }

    private void tick() {
        long now = System.currentTimeMillis();
        try {
            maybeRefresh(now);
            detail.tick(now);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the app is closing and takes no more work: stop following the server
            ticker.stop();
        }
    }

    private void maybeRefresh(long now) {
        if (refreshing || ticker.getStatus() != Animation.Status.RUNNING
                || !throttle.due(now, this::updatingOnScreen)) {
            return;
        }
        throttle.fetched(now);
        refreshing = true;
        list.refresh(() -> {
            refreshing = false;
            follows.refreshed();
            onLoaded.run();
        });
        loadAllTotal();
    }

    /** True when a device the operator sees is downloading or installing. */
    private boolean updatingOnScreen() {
        ObservableList<DeviceTableLine> rows = list.itemsProperty().get();
        int[] range = visibleRange.get();
        int first = range == null ? 0 : Math.max(0, range[0]);
        int last = Math.min(rows.size() - 1, range == null ? 50 : range[1]);
        for (int i = first; i <= last; i++) {
            DeviceView d = rows.get(i).view();
            if (d != null && d.status() != null && d.status().isActive()) {
                return true;
            }
        }
        return false;
    }

    private void loadAllTotal() {
        if (!filters.isFiltered()) {
            allTotal.bind(list.totalProperty());
            return;
        }
        context.run(() -> context.client().devices(DeviceQuery.ALL.page(0, 1)).total(), n -> {
            allTotal.unbind();
            allTotal.set(n);
        }, failure -> { });
    }
}
