package nl.fotadesk.ui.groups;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import nl.fotadesk.client.ApiException;
import nl.fotadesk.protocol.api.CatalogEntry;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.protocol.api.GroupFilter;
import nl.fotadesk.protocol.api.GroupKind;
import nl.fotadesk.protocol.api.GroupOwner;
import nl.fotadesk.protocol.api.GroupView;
import nl.fotadesk.protocol.api.NewGroup;
import nl.fotadesk.protocol.api.Page;
import nl.fotadesk.ui.Loader;
import nl.fotadesk.ui.StatusTerms;
import nl.fotadesk.ui.UiContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The groups on the server, the lists their filters choose from (clients, device types, firmware
 * versions), and one page of the selected group's members, all loaded off the FX thread.
 */
final class GroupsModel {
    static final int PAGE = 50;

    private record Loaded(List<GroupView> groups, List<CatalogEntry> clients, List<CatalogEntry> types,
                          List<FirmwareView> firmware) {
    }

    /** A result, or the reason in the user's words for a refusal this screen explains itself. */
    private record Outcome<T>(T value, String refused) {
    }

    private final UiContext context;
    final ObservableList<GroupView> groups = FXCollections.observableArrayList();
    final ObservableList<String> clients = FXCollections.observableArrayList();
    final ObservableList<String> deviceTypes = FXCollections.observableArrayList();
    final ObservableList<FirmwareView> firmware = FXCollections.observableArrayList();

    /** The group whose members are shown, or null. */
    final ObjectProperty<GroupView> selected = new SimpleObjectProperty<>();
    final ObservableList<DeviceView> members = FXCollections.observableArrayList();
    final IntegerProperty offset = new SimpleIntegerProperty();
    /** How many devices the selected group holds (registered devices, for a static group). */
    final LongProperty total = new SimpleLongProperty();
    final BooleanProperty membersLoading = new SimpleBooleanProperty();
    final BooleanProperty membersLoaded = new SimpleBooleanProperty();
    final StringProperty membersError = new SimpleStringProperty("");
    private long membersRequest;

    private final Loader<Loaded> loader;
    final BooleanProperty loading;
    final BooleanProperty loaded;
    final StringProperty loadError;

    GroupsModel(UiContext context) {
        this.context = context;
        loader = new Loader<>(context, () -> new Loaded(context.client().groups(), context.client().clients(),
                context.client().deviceTypes(), context.client().firmware()), this::apply);
        loading = loader.loading;
        loaded = loader.loaded;
        loadError = loader.error;
    }

    /** What to do after each successful load (the screen restores its selection). */
    void setAfterLoad(Runnable afterLoad) {
        loader.setAfterLoad(afterLoad);
    }

    void load() {
        loader.load();
    }

    private void apply(Loaded l) {
        setIfChanged(clients, l.clients().stream().map(CatalogEntry::name).sorted(String.CASE_INSENSITIVE_ORDER).toList());
        setIfChanged(deviceTypes, l.types().stream().map(CatalogEntry::name).sorted(String.CASE_INSENSITIVE_ORDER).toList());
        setIfChanged(firmware, l.firmware());
        groups.setAll(l.groups());
    }

    private static <T> void setIfChanged(ObservableList<T> list, List<T> now) {
        if (!list.equals(now)) {
            list.setAll(now);
        }
    }


    /** The words under the groups list when it shows no row: why, in the user's words. */
    String placeholder(String search) {
        if (!loadError.get().isEmpty()) {
            return loadError.get();
        }
        if (!loaded.get()) {
            return context.text("groups.loading");
        }
        return groups.isEmpty() ? context.text("groups.empty")
                : context.text("groups.noMatch", search == null ? "" : search.trim());
    }

    /** True when the search text occurs in the group's name or criteria (any case); a blank search matches all. */
    boolean matches(GroupView g, String search) {
        String q = search == null ? "" : search.trim().toLowerCase(Locale.ROOT);
        return q.isEmpty() || g.name().toLowerCase(Locale.ROOT).contains(q)
                || criteria(g).toLowerCase(Locale.ROOT).contains(q);
    }

    /** A group's criteria in a line: "Client: acme \u00b7 Type: tracker-x", "All devices" or "List of 12 IMEIs". */
    String criteria(GroupView g) {
        if (g.kind() == GroupKind.STATIC) {
            return context.text("groups.criteria.static", g.members());
        }
        GroupFilter f = g.filter();
        List<String> parts = new ArrayList<>();
        if (f != null) {
            if (f.client() != null) {
                parts.add(context.text("groups.criteria.client", f.client()));
            }
            if (f.deviceType() != null) {
                parts.add(context.text("groups.criteria.type", f.deviceType()));
            }
            if (f.firmware() != null) {
                parts.add(context.text("groups.criteria.firmware", f.firmware()));
            }
            if (f.status() != null) {
                parts.add(context.text("groups.criteria.status", context.text(StatusTerms.labelKey(f.status()))));
            }
        }
        return parts.isEmpty() ? context.text("groups.criteria.all") : String.join(" \u00b7 ", parts);
    }

    /** Whose a group is: "Operators (shared)", "Client: acme" or "Types: tracker-x, meter-y". */
    String owner(GroupView g) {
        GroupOwner o = g.owner();
        if (o == null) {
            return context.text("groups.owner.operators");
        }
        List<String> parts = new ArrayList<>();
        if (o.client() != null) {
            parts.add(context.text("groups.owner.client", o.client()));
        }
        if (!o.deviceTypes().isEmpty()) {
            parts.add(context.text("groups.owner.types", String.join(", ", o.deviceTypes())));
        }
        return String.join(" \u00b7 ", parts);
    }

    /** For a static group: how many of its IMEIs are not registered devices, so not listed; else empty. */
    String unregisteredNote() {
        GroupView g = selected.get();
        return g != null && g.kind() == GroupKind.STATIC && membersLoaded.get() && total.get() < g.members()
                ? context.text("groups.members.unregistered", g.members() - total.get(), g.members()) : "";
    }

    /** The words in the members list when it shows no row. */
    String membersPlaceholder() {
        GroupView g = selected.get();
        if (g == null) {
            return context.text("groups.members.none");
        }
        if (!membersError.get().isEmpty()) {
            return membersError.get();
        }
        if (!membersLoaded.get()) {
            return context.text("groups.members.loading");
        }
        return context.text(g.kind() == GroupKind.STATIC ? "groups.members.emptyStatic" : "groups.members.emptyFilter");
    }

    /** Which members the page shows, e.g. "51\u2013100 of 230"; empty while nothing is shown. */
    String range() {
        if (selected.get() == null || !membersLoaded.get()) {
            return "";
        }
        if (total.get() == 0) {
            return context.text("groups.members.rangeNone");
        }
        return context.text("groups.members.range", context.i18n().number(offset.get() + 1),
                context.i18n().number(Math.min(total.get(), offset.get() + (long) members.size())),
                context.i18n().number(total.get()));
    }

    boolean hasPrevious() {
        return offset.get() > 0;
    }

    boolean hasNext() {
        return offset.get() + PAGE < total.get();
    }

    void previousPage() {
        loadMembers(offset.get() - PAGE);
    }

    void nextPage() {
        loadMembers(offset.get() + PAGE);
    }

    /** A member's status in words, with its progress while it updates. */
    String memberStatus(DeviceView d) {
        if (d.status() == null) {
            return "";
        }
        String name = context.text(StatusTerms.labelKey(d.status()));
        return d.progress() != null && d.status().isActive() && d.progress() > 0
                ? context.text("groups.members.statusProgress", name, d.progress()) : name;
    }

    Optional<GroupView> byId(String id) {
        return id == null ? Optional.empty() : groups.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    /** Shows {@code group}'s members from the first page (or clears them for null). */
    void show(GroupView group) {
        boolean same = group != null && selected.get() != null && selected.get().id().equals(group.id());
        selected.set(group);
        if (!same) {
            members.clear();
            membersLoaded.set(false);
            offset.set(0);
        }
        loadMembers(same ? offset.get() : 0);
    }

    /** Loads the page of the selected group's members from {@code from}; a newer request wins. */
    void loadMembers(int from) {
        GroupView group = selected.get();
        if (group == null) {
            members.clear();
            total.set(0);
            membersError.set("");
            return;
        }
        long request = ++membersRequest;
        membersLoading.set(true);
        context.run(() -> context.client().groupDevices(group.id(), Math.max(0, from), PAGE), (Page<DeviceView> page) -> {
            if (request != membersRequest) {
                return;
            }
            if (page.items().isEmpty() && page.total() > 0 && from > 0) {
                // the group shrank below this page: show its last page
                membersLoading.set(false);
                loadMembers((int) ((page.total() - 1) / PAGE * PAGE));
                return;
            }
            offset.set(page.offset());
            total.set(page.total());
            members.setAll(page.items());
            membersError.set("");
            membersLoaded.set(true);
            membersLoading.set(false);
        }, message -> {
            if (request == membersRequest) {
                membersError.set(message);
                membersLoading.set(false);
            }
        });
    }

    /** Creates ({@code id} null) or replaces a group; the answer or the reason arrives on the FX thread. */
    void save(String id, NewGroup group, Consumer<GroupView> saved, Consumer<String> failed) {
        call("save", () -> id == null ? context.client().createGroup(group) : context.client().replaceGroup(id, group),
                g -> {
                    groups.removeIf(x -> x.id().equals(g.id()));
                    groups.add(g);
                    saved.accept(g);
                }, failed);
    }

    void delete(GroupView group, Runnable done, Consumer<String> failed) {
        call("delete", () -> {
            context.client().deleteGroup(group.id());
            return group;
        }, g -> {
            groups.removeIf(x -> x.id().equals(g.id()));
            if (selected.get() != null && selected.get().id().equals(g.id())) {
                show(null);
            }
            done.run();
        }, message -> {
            failed.accept(message);
            load();
        });
    }

    /**
     * As {@link UiContext#run}, with the server's refusals of group requests explained in this screen's words:
     * those of this {@code action} ("groups.error.save.not_found": a listed device not among yours), else
     * of any.
     */
    private <T> void call(String action, UiContext.Work<T> work, Consumer<T> done, Consumer<String> failed) {
        context.run(() -> {
            try {
                return new Outcome<>(work.call(), null);
            } catch (ApiException e) {
                for (String key : List.of("groups.error." + action + "." + e.error(), "groups.error." + e.error())) {
                    if (e.isFromApi() && context.i18n().has(key)) {
                        return new Outcome<T>(null, context.text(key, e.detail()));
                    }
                }
                throw e;
            }
        }, o -> {
            if (o.refused() == null) {
                done.accept(o.value());
            } else {
                failed.accept(o.refused());
            }
        }, failed);
    }
}
