package nl.fotadesk.ui.devices;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import nl.fotadesk.client.DeviceQuery;
import nl.fotadesk.protocol.FirmwareVersions;
import nl.fotadesk.protocol.api.CatalogEntry;
import nl.fotadesk.protocol.api.DeviceStatus;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.ui.UiContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The devices screen's filters (client, device type, firmware version, update status) with the
 * choices the server offers, and the IMEI search: together the query the device list loads. The
 * firmware choices follow the chosen device type.
 */
final class DeviceFilters {
    private final UiContext context;
    private final Runnable changed;
    private final ObservableList<FirmwareView> firmware = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice<String>> clients = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice<String>> types = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice<String>> versions = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice<DeviceStatus>> statuses = FXCollections.observableArrayList();
    private final ObjectProperty<FilterChoice<String>> client = new SimpleObjectProperty<>();
    private final ObjectProperty<FilterChoice<String>> type = new SimpleObjectProperty<>();
    private final ObjectProperty<FilterChoice<String>> version = new SimpleObjectProperty<>();
    private final ObjectProperty<FilterChoice<DeviceStatus>> status = new SimpleObjectProperty<>();
    private final ImeiSearch search = new ImeiSearch();
    private boolean choosing;

    /** @param changed told when the operator chose another value in a filter (not when the choices change) */
    DeviceFilters(UiContext context, Runnable changed) {
        this.context = context;
        this.changed = changed;
        clients.add(new FilterChoice<>(null, context.text("devices.filter.allClients")));
        types.add(new FilterChoice<>(null, context.text("devices.filter.allTypes")));
        versions.add(new FilterChoice<>(null, context.text("devices.filter.allFirmware")));
        statuses.add(new FilterChoice<>(null, context.text("devices.filter.allStatuses")));
        DeviceTexts texts = new DeviceTexts(context);
        for (DeviceStatus s : DeviceStatus.values()) {
            statuses.add(new FilterChoice<>(s, texts.status(s)));
        }
        client.set(clients.get(0));
        type.set(types.get(0));
        version.set(versions.get(0));
        status.set(statuses.get(0));
        client.addListener((o, old, now) -> filterChanged(old, now));
        type.addListener((o, old, now) -> {
            updateVersionChoices();
            filterChanged(old, now);
        });
        version.addListener((o, old, now) -> filterChanged(old, now));
        status.addListener((o, old, now) -> filterChanged(old, now));
    }

    /** Every firmware image on the server, as last loaded. */
    ObservableList<FirmwareView> firmware() {
        return firmware;
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

    /** The IMEI search, a filter too. */
    ImeiSearch search() {
        return search;
    }

    /** Device types known to the server, for the register dialog. */
    List<String> typeNames() {
        return types.stream().filter(c -> !c.isAll()).map(FilterChoice::value).toList();
    }

    List<String> clientNames() {
        return clients.stream().filter(c -> !c.isAll()).map(FilterChoice::value).toList();
    }

    /** True when a filter or the search (as applied) narrows the list. */
    boolean isFiltered() {
        return !client.get().isAll() || !type.get().isAll() || !version.get().isAll() || !status.get().isAll()
                || !search.applied().isEmpty();
    }

    DeviceQuery query() {
        DeviceQuery q = DeviceQuery.ALL.withClient(client.get().value()).withDeviceType(type.get().value())
                .withFirmware(version.get().value()).withStatus(status.get().value());
        return search.applied().isEmpty() ? q : q.withImeiContaining(search.applied());
    }

    /** What is chosen and searched, to be chosen again on the screen in another language. */
    record Kept(String client, String type, String version, DeviceStatus status, String typed, String applied) {
    }

    Kept kept() {
        return new Kept(client.get().value(), type.get().value(), version.get().value(), status.get().value(),
                search.typedProperty().get(), search.applied());
    }

    /** Chooses and searches what {@code kept} holds, without telling each change; the choices loaded later keep it. */
    void restore(Kept kept) {
        choosing = true;
        try {
            client.set(kept.client() == null ? clients.get(0) : new FilterChoice<>(kept.client(), kept.client()));
            type.set(kept.type() == null ? types.get(0) : new FilterChoice<>(kept.type(), kept.type()));
            version.set(kept.version() == null ? versions.get(0) : new FilterChoice<>(kept.version(), kept.version()));
            status.set(statuses.stream().filter(c -> c.value() == kept.status()).findFirst().orElseThrow());
            search.restore(kept.typed(), kept.applied());
        } finally {
            choosing = false;
        }
    }

    /** Every filter back to "all" and no search, without telling each change. */
    void clear() {
        choosing = true;
        try {
            client.set(clients.get(0));
            type.set(types.get(0));
            version.set(versions.get(0));
            status.set(statuses.get(0));
            search.clear();
            updateVersionChoices();
        } finally {
            choosing = false;
        }
    }

    /** Clients, device types and firmware for the filters, keeping what is chosen. */
    void loadChoices() {
        context.run(() -> new Choices(context.client().clients(), context.client().deviceTypes(),
                        context.client().firmware()),
                loaded -> {
                    choosing = true;
                    try {
                        replace(clients, client, catalogChoices(loaded.clients()), true);
                        replace(types, type, catalogChoices(loaded.types()), true);
                        firmware.setAll(loaded.firmware());
                        updateVersionChoices();
                    } finally {
                        choosing = false;
                    }
                },
                failure -> { });
    }

    /** What one load of the choices brought. */
    private record Choices(List<CatalogEntry> clients, List<CatalogEntry> types, List<FirmwareView> firmware) {
    }

    private void filterChanged(FilterChoice<?> old, FilterChoice<?> now) {
        if (choosing || now == null || old != null && Objects.equals(old.value(), now.value())) {
            return;
        }
        changed.run();
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
