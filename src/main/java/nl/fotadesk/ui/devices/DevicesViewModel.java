package nl.fotadesk.ui.devices;

import nl.fotadesk.protocol.FirmwareVersions;
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
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import nl.fotadesk.client.DeviceQuery;
import nl.fotadesk.protocol.api.CatalogEntry;
import nl.fotadesk.protocol.api.DeviceStatus;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.EventView;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.ui.UiContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The devices screen's state: filters and their choices, the device list and its counts, the device
 * in the detail pane, and keeping all of it current while the screen is shown. Live updates are
 * throttled: at most one refresh of what the table shows per {@link #MIN_REFRESH_MILLIS} after
 * events, every {@link #ACTIVE_POLL_MILLIS} while a device on screen is updating (its progress is no
 * event), and every {@link #IDLE_POLL_MILLIS} otherwise (last seen moves on).
 */
final class DevicesViewModel {
    static final long MIN_REFRESH_MILLIS = 1_500;
    static final long ACTIVE_POLL_MILLIS = 2_000;
    static final long IDLE_POLL_MILLIS = 30_000;

    private final UiContext context;
    private final DeviceListModel list;
    private final DeviceDetailModel detail;
    private final ObservableList<FirmwareView> firmware = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice<String>> clients = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice<String>> types = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice<String>> versions = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice<DeviceStatus>> statuses = FXCollections.observableArrayList();
    private final ObjectProperty<FilterChoice<String>> client = new SimpleObjectProperty<>();
    private final ObjectProperty<FilterChoice<String>> type = new SimpleObjectProperty<>();
    private final ObjectProperty<FilterChoice<String>> version = new SimpleObjectProperty<>();
    private final ObjectProperty<FilterChoice<DeviceStatus>> status = new SimpleObjectProperty<>();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<Consumer<String>> openCampaign = new SimpleObjectProperty<>();
    private final LongProperty allTotal = new SimpleLongProperty(-1);
    private final BooleanProperty filtered = new SimpleBooleanProperty();
    private final BooleanProperty searchPending = new SimpleBooleanProperty();
    private final BooleanBinding loading;
    private final StringBinding emptyText;
    private final Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
    private Supplier<int[]> visibleRange = () -> null;
    private Runnable onLoaded = () -> { };
    private String appliedSearch = "";
    private boolean choosing;
    private boolean dirty;
    private boolean refreshing;
    private long lastRefresh;

    DevicesViewModel(UiContext context) {
        this.context = context;
        list = new DeviceListModel(context);
        detail = new DeviceDetailModel(context, firmware, this::requestRefresh);
        // the detail is often fresher than the list: its line shows the same at once
        detail.deviceProperty().addListener((o, old, now) -> {
            if (now != null) {
                int i = list.indexOf(now.imei());
                if (i >= 0) {
                    list.itemsProperty().get().get(i).update(now);
                }
            }
        });
        search.addListener((o, old, now) -> searchPending.set(!searchDigits(now).equals(appliedSearch)));
        loading = list.loadingProperty().or(searchPending);
        emptyText = Bindings.createStringBinding(() -> list.totalProperty().get() < 0 || loading.get()
                        ? context.text("devices.loading") : filtered.get() ? context.text("devices.noneMatch")
                        : context.text("devices.noneYet"), list.totalProperty(), loading, filtered);
        ticker.setCycleCount(Animation.INDEFINITE);
        FilterChoice<String> allClients = new FilterChoice<>(null, context.text("devices.filter.allClients"));
        FilterChoice<String> allTypes = new FilterChoice<>(null, context.text("devices.filter.allTypes"));
        FilterChoice<String> allVersions = new FilterChoice<>(null, context.text("devices.filter.allFirmware"));
        FilterChoice<DeviceStatus> allStatuses = new FilterChoice<>(null, context.text("devices.filter.allStatuses"));
        clients.add(allClients);
        types.add(allTypes);
        versions.add(allVersions);
        statuses.add(allStatuses);
        DeviceTexts texts = new DeviceTexts(context);
        for (DeviceStatus s : DeviceStatus.values()) {
            statuses.add(new FilterChoice<>(s, texts.status(s)));
        }
        client.set(allClients);
        type.set(allTypes);
        version.set(allVersions);
        status.set(allStatuses);
        client.addListener((o, old, now) -> filterChanged(old, now));
        type.addListener((o, old, now) -> {
            updateVersionChoices();
            filterChanged(old, now);
        });
        version.addListener((o, old, now) -> filterChanged(old, now));
        status.addListener((o, old, now) -> filterChanged(old, now));
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

    /** Every firmware image on the server, as last loaded. */
    ObservableList<FirmwareView> firmware() {
        return firmware;
    }

    /** The operator changed devices (e.g. their desired firmware): the list and detail show it soon. */
    void changedByOperator() {
        detail.reloadSoon();
        requestRefresh();
    }

    ObservableList<FilterChoice<String>> clients() {
        return clients;
    }

    ObservableList<FilterChoice<String>> types() {
        return types;
    }

    ObservableList<FilterChoice<String>> versions() {
        return versions;
    }

    ObservableList<FilterChoice<DeviceStatus>> statuses() {
        return statuses;
    }

    ObjectProperty<FilterChoice<String>> clientProperty() {
        return client;
    }

    ObjectProperty<FilterChoice<String>> typeProperty() {
        return type;
    }

    ObjectProperty<FilterChoice<String>> versionProperty() {
        return version;
    }

    ObjectProperty<FilterChoice<DeviceStatus>> statusProperty() {
        return status;
    }

    /** The IMEI search as typed; {@link #applySearch()} applies it. */
    StringProperty searchProperty() {
        return search;
    }

    /** All devices on the server, whatever the filter; -1 before the first answer. */
    LongProperty allTotalProperty() {
        return allTotal;
    }

    /** Device types known to the server, for the register dialog. */
    List<String> typeNames() {
        return types.stream().filter(c -> !c.isAll()).map(FilterChoice::value).toList();
    }

    List<String> clientNames() {
        return clients.stream().filter(c -> !c.isAll()).map(FilterChoice::value).toList();
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

    boolean isFiltered() {
        return !client.get().isAll() || !type.get().isAll() || !version.get().isAll() || !status.get().isAll()
                || !appliedSearch.isEmpty();
    }

    /** The search as the server takes it: the digits typed. */
    static String searchDigits(String typed) {
        return typed == null ? "" : typed.replaceAll("[^0-9]", "");
    }

    /** True when the search holds something other than digits, spaces and dashes. */
    static boolean searchHasNonDigits(String typed) {
        return typed != null && !typed.replaceAll("[\\s-]", "").chars().allMatch(Character::isDigit);
    }

    DeviceQuery query() {
        DeviceQuery q = DeviceQuery.ALL.withClient(client.get().value()).withDeviceType(type.get().value())
                .withFirmware(version.get().value()).withStatus(status.get().value());
        return appliedSearch.isEmpty() ? q : q.withImeiContaining(appliedSearch);
    }

    /** The screen is shown: fresh filter choices and devices, and live updates from now on. */
    void show() {
        loadChoices();
        reload();
        ticker.play();
    }

    /** The screen is no longer shown: no more refreshing. */
    void hide() {
        ticker.stop();
    }

    void applySearch() {
        String digits = searchDigits(search.get());
        if (!digits.equals(appliedSearch)) {
            appliedSearch = digits;
            searchPending.set(false);
            reload();
        }
    }

    void clearFilters() {
        choosing = true;
        try {
            client.set(clients.get(0));
            type.set(types.get(0));
            version.set(versions.get(0));
            status.set(statuses.get(0));
            appliedSearch = "";
            search.set("");
            updateVersionChoices();
        } finally {
            choosing = false;
        }
        reload();
    }

    /** Loads the list for the current filter, as the operator changed it. */
    void reload() {
        filtered.set(isFiltered());
        lastRefresh = System.currentTimeMillis();
        dirty = false;
        String searched = appliedSearch;
        list.load(query(), () -> {
            if (searched.length() == ImeiCheck.LENGTH && list.totalProperty().get() == 1
                    && list.itemsProperty().get().get(0).view() != null) {
                DeviceView only = list.itemsProperty().get().get(0).view();
                detail.show(only.imei(), only);
            } else {
                keepDetailOnlyIfListed();
            }
            onLoaded.run();
        });
        loadAllTotal();
    }

    /**
     * The detail shows a device of the list or none: once the device it shows is no longer listed (the
     * filter changed, or the device no longer matches it), it is cleared, so that nothing the
     * operator does there acts on a device they do not see selected. A long list has only some of
     * its lines at hand; the server says whether the device is among the others.
     */
    private void keepDetailOnlyIfListed() {
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

    /** Something changed on the server: refresh soon, throttled. */
    void onEvents(List<EventView> events) {
        detail.onEvents(events);
        if (!events.isEmpty()) {
            requestRefresh();
        }
    }

    /** A device was just registered: show it, and the list with it (unfiltered, so that it is listed). */
    void registered(String imei) {
        loadChoices();
        detail.show(imei, null);
        if (isFiltered()) {
            clearFilters();
        } else {
            reload();
        }
    }

    /** Devices were imported: fresh choices and list. */
    void imported() {
        loadChoices();
        reload();
    }

    void requestRefresh() {
        dirty = true;
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
        if (refreshing || ticker.getStatus() != Animation.Status.RUNNING) {
            return;
        }
        long since = now - lastRefresh;
        boolean due = dirty && since >= MIN_REFRESH_MILLIS || since >= ACTIVE_POLL_MILLIS && updatingOnScreen()
                || since >= IDLE_POLL_MILLIS;
        if (!due) {
            return;
        }
        dirty = false;
        refreshing = true;
        lastRefresh = now;
        list.refresh(() -> {
            refreshing = false;
            keepDetailOnlyIfListed();
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
        if (!isFiltered()) {
            allTotal.bind(list.totalProperty());
            return;
        }
        context.run(() -> context.client().devices(DeviceQuery.ALL.page(0, 1)).total(), n -> {
            allTotal.unbind();
            allTotal.set(n);
        }, failure -> { });
    }

    private void filterChanged(FilterChoice<?> old, FilterChoice<?> now) {
        if (choosing || now == null || old != null && Objects.equals(old.value(), now.value())) {
            return;
        }
        reload();
    }

    /** Clients, device types and firmware for the filters, keeping what is chosen. */
    private void loadChoices() {
        context.run(() -> new Object[]{context.client().clients(), context.client().deviceTypes(),
                        context.client().firmware()},
                result -> {
                    @SuppressWarnings("unchecked")
                    List<CatalogEntry> clientEntries = (List<CatalogEntry>) result[0];
                    @SuppressWarnings("unchecked")
                    List<CatalogEntry> typeList = (List<CatalogEntry>) result[1];
                    @SuppressWarnings("unchecked")
                    List<FirmwareView> images = (List<FirmwareView>) result[2];
                    choosing = true;
                    try {
                        replace(clients, client, catalogChoices(clientEntries), true);
                        replace(types, type, catalogChoices(typeList), true);
                        firmware.setAll(images);
                        updateVersionChoices();
                    } finally {
                        choosing = false;
                    }
                },
                failure -> { });
    }

    private List<FilterChoice<String>> catalogChoices(List<CatalogEntry> entries) {
        return entries.stream().sorted(Comparator.comparing(CatalogEntry::name, String.CASE_INSENSITIVE_ORDER))
                .map(e -> new FilterChoice<>(e.name(), e.name() + " (" + context.i18n().number(e.devices()) + ")"))
                .toList();
    }

    private void updateVersionChoices() {
        String chosenType = type.get() == null ? null : type.get().value();
        TreeSet<String> found = new TreeSet<>(FirmwareVersions.ORDER.reversed());
        for (FirmwareView f : firmware) {
            if (chosenType == null || chosenType.equals(f.deviceType())) {
                found.add(f.version());
            }
        }
        List<FilterChoice<String>> choices = new ArrayList<>();
        for (String v : found) {
            choices.add(new FilterChoice<>(v, v));
        }
        boolean was = choosing;
        choosing = true;
        try {
            // a version the chosen type has no image of would show nothing: back to all versions
            replace(versions, version, choices, chosenType == null);
        } finally {
            choosing = was;
        }
    }

    /**
     * Puts {@code choices} after the "all" entry, keeping the chosen value; one no longer offered stays
     * listed when {@code keepGone}, else the choice goes back to "all".
     */
    private static <T> void replace(ObservableList<FilterChoice<T>> list, ObjectProperty<FilterChoice<T>> chosen,
                                    List<FilterChoice<T>> choices, boolean keepGone) {
        FilterChoice<T> all = list.get(0);
        T value = chosen.get() == null ? null : chosen.get().value();
        List<FilterChoice<T>> next = new ArrayList<>();
        next.add(all);
        next.addAll(choices);
        FilterChoice<T> keep = next.stream().filter(c -> Objects.equals(c.value(), value)).findFirst().orElse(null);
        if (keep == null && keepGone) {
            keep = new FilterChoice<>(value, String.valueOf(value));
            next.add(keep);
        } else if (keep == null) {
            keep = all;
        }
        if (!next.equals(list)) {
            // nothing chosen while the list changes: the searchable combo box keeps its own
            // filtered copy of the list and stumbles over a choice made while both change
            chosen.set(null);
            list.setAll(next);
        }
        chosen.set(keep);
    }
}
