package nl.fotadesk.ui.groups;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import nl.fotadesk.protocol.FirmwareVersions;
import nl.fotadesk.protocol.ImeiList;
import nl.fotadesk.protocol.NameRules;
import nl.fotadesk.protocol.api.DeviceStatus;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.protocol.api.GroupFilter;
import nl.fotadesk.protocol.api.GroupKind;
import nl.fotadesk.protocol.api.GroupOwner;
import nl.fotadesk.protocol.api.GroupView;
import nl.fotadesk.protocol.api.NewGroup;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.protocol.api.UserView;
import nl.fotadesk.ui.StatusTerms;
import nl.fotadesk.ui.UiContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The group dialog's state: name, kind, the filter's criteria (with how many devices match now) or the
 * typed IMEIs (with the line of each bad one), each checked as it changes; and saving it, keeping the
 * server's refusal to show. The dialog binds its fields to these properties. A supplier's or customer's
 * group offers, counts and accepts only devices of its owner's scope ({@link OwnerScope}), whoever edits it.
 */
final class GroupDialogModel {
    /** The choice "any" in the client, device type and status lists. */
    static final String ANY = "";
    static final int MAX_NAME = 64;
    static final int MAX_PROBLEMS_SHOWN = 6;

    private final UiContext context;
    private final GroupsModel groups;
    private final GroupView existing;
    /** Whose the group is (will be): null for an operator's. */
    private final GroupOwner owner;
    private final OwnerScope scope;

    final StringProperty name = new SimpleStringProperty("");
    /** True for a static IMEI list, false for a saved filter. */
    final BooleanProperty staticKind = new SimpleBooleanProperty();
    final StringProperty client = new SimpleStringProperty(ANY);
    final StringProperty deviceType = new SimpleStringProperty(ANY);
    /** The typed (or chosen) reported firmware version; blank matches any. */
    final StringProperty firmware = new SimpleStringProperty("");
    /** A {@link DeviceStatus#wireName()}, or {@link #ANY}. */
    final StringProperty status = new SimpleStringProperty(ANY);
    final StringProperty imeis = new SimpleStringProperty("");

    final ObservableList<String> clientChoices = FXCollections.observableArrayList();
    final ObservableList<String> typeChoices = FXCollections.observableArrayList();
    final ObservableList<String> statusChoices = FXCollections.observableArrayList();
    /** The versions of the images of the chosen device type (of all, for any), newest first. */
    final ObservableList<String> versions = FXCollections.observableArrayList();

    final StringProperty nameProblem = new SimpleStringProperty("");
    final StringProperty firmwareProblem = new SimpleStringProperty("");
    /** How many devices the filter matches now, or why that is not known. */
    final StringProperty preview = new SimpleStringProperty("");
    final StringProperty imeiSummary = new SimpleStringProperty("");
    /** The first bad IMEIs, each with its line, one a line. */
    final StringProperty imeiProblems = new SimpleStringProperty("");
    /** Why the group could not be loaded or saved, or empty. */
    final StringProperty error = new SimpleStringProperty("");
    final BooleanProperty saving = new SimpleBooleanProperty();
    /** True while a static group's IMEIs are being loaded for editing. */
    final BooleanProperty loadingImeis = new SimpleBooleanProperty();
    /** True when the group can be saved as it is. */
    final BooleanProperty valid = new SimpleBooleanProperty();

    private ImeiList parsed = ImeiList.parse("");
    private long previewRequest;
    /** The IMEIs of the owner's devices, to check a list against; null until loaded (or for an operator's group). */
    private Set<String> ownerImeis;
    private boolean ownerImeisLoading;
    /** True when the owner's devices could not be loaded: the server then checks the list alone. */
    private boolean ownerImeisFailed;
    /** How many listed IMEIs are no devices of the owner. */
    private int outsideOwner;

    /** @param existing the group to edit, or null for a new one */
    GroupDialogModel(UiContext context, GroupsModel groups, GroupView existing) {
        this.context = context;
        this.groups = groups;
        this.existing = existing;
        this.owner = existing != null ? existing.owner() : newOwner();
        this.scope = new OwnerScope(owner);
        statusChoices.add(ANY);
        Arrays.stream(DeviceStatus.values()).map(DeviceStatus::wireName).forEach(statusChoices::add);
        choices(clientChoices, scope.clients(groups.clients), client.get());
        choices(typeChoices, scope.deviceTypes(groups.deviceTypes), deviceType.get());
        updateVersions();
        name.addListener(o -> nameProblem.set(nameProblem(name.get())));
        firmware.addListener(o -> firmwareProblem.set(versionOk(firmware.get()) ? ""
                : context.text("groups.dialog.badFirmware")));
        deviceType.addListener(o -> updateVersions());
        groups.firmware.addListener((ListChangeListener<FirmwareView>) c -> updateVersions());
        for (Observable o : List.of(name, staticKind, client, deviceType, firmware, status)) {
            o.addListener(x -> validate());
        }
        staticKind.addListener(o -> loadOwnerImeis());
        fill();
        validate();
    }

    /** True when editing a group (whose kind then stays), false for a new one. */
    boolean editing() {
        return existing != null;
    }

    private static void choices(ObservableList<String> choices, List<String> known, String value) {
        List<String> all = new ArrayList<>();
        all.add(ANY);
        all.addAll(known);
        if (!all.contains(value)) {
            all.add(value); // a group's criterion the server no longer lists
        }
        choices.setAll(all);
    }

    /** Puts the group being edited into the fields. */
    private void fill() {
        if (existing == null) {
            return;
        }
        name.set(existing.name());
        if (existing.kind() == GroupKind.STATIC) {
            staticKind.set(true);
            loadImeis();
        } else {
            GroupFilter f = existing.filter() == null ? new GroupFilter(null, null, null, null) : existing.filter();
            client.set(orAny(f.client()));
            deviceType.set(orAny(f.deviceType()));
            choices(clientChoices, scope.clients(groups.clients), client.get());
            choices(typeChoices, scope.deviceTypes(groups.deviceTypes), deviceType.get());
            firmware.set(f.firmware() == null ? "" : f.firmware());
            status.set(f.status() == null ? ANY : f.status().wireName());
        }
    }

    /** A static group's IMEIs as stored, for editing (registered devices or not). */
    private void loadImeis() {
        loadingImeis.set(true);
        imeiSummary.set(context.text("groups.static.loading"));
        context.run(() -> context.client().groupImeis(existing.id()), all -> {
            imeis.set(String.join("\n", all));
            loadingImeis.set(false);
            parse();
        }, message -> {
            loadingImeis.set(false);
            imeiSummary.set("");
            error.set(message);
        });
    }

    /**
     * Whose group this is, when that limits the choices and is not the user's own: "Group of customer acme:
     * ..."; else empty.
     */
    String ownerLine() {
        if (!scope.limited() || Objects.equals(owner, newOwner())) {
            return "";
        }
        return scope.client() != null ? context.text("groups.dialog.owner.customer", scope.client())
                : context.text("groups.dialog.owner.supplier", String.join(", ", scope.deviceTypes()),
                scope.deviceTypes().size());
    }

    /** Loads the owner's devices once, when a static list of an owned group is to be checked against them. */
    private void loadOwnerImeis() {
        if (!staticKind.get() || !scope.limited() || ownerImeis != null || ownerImeisLoading) {
            return;
        }
        ownerImeisLoading = true;
        context.run(() -> scope.imeis(context.client()), found -> {
            ownerImeisLoading = false;
            ownerImeis = found;
            parse();
        }, message -> {
            ownerImeisLoading = false;
            ownerImeisFailed = true;
            error.set(message);
            parse();
        });
    }

    private void updateVersions() {
        String t = deviceType.get();
        List<String> now = groups.firmware.stream()
                .filter(f -> scope.admitsDeviceType(f.deviceType()))
                .filter(f -> t == null || t.isEmpty() || f.deviceType().equals(t))
                .map(FirmwareView::version).distinct().sorted(FirmwareVersions.ORDER.reversed()).toList();
        if (!versions.equals(now)) {
            versions.setAll(now);
        }
    }

    /** Counts the devices the filter matches now; a newer count wins. */
    void preview() {
        if (staticKind.get() || !versionOk(firmware.get())) {
            preview.set("");
            return;
        }
        GroupFilter f = filter();
        long request = ++previewRequest;
        preview.set(context.text("groups.preview.counting"));
        context.run(() -> scope.count(context.client(), f), n -> {
            if (request == previewRequest) {
                boolean any = f.client() == null && f.deviceType() == null && f.firmware() == null && f.status() == null;
                String all = ownerLine().isEmpty() ? "groups.preview.all" : "groups.preview.allOwners";
                preview.set(context.text(any ? all : "groups.preview", n));
            }
        }, message -> {
            if (request == previewRequest) {
                preview.set(message);
            }
        });
    }

    /** A bad entry of the typed list: its line, the entry, and why in the user's words. */
    private record Problem(int line, String token, String reason) {
    }

    /**
     * Checks the typed IMEIs: how many, how many repeated, and the first bad ones with their lines; for an owned
     * group, also those that are no devices of the owner (once these are known).
     */
    void parse() {
        parsed = ImeiList.parse(imeis.get());
        int count = parsed.imeis().size();
        String summary = count == 0 && parsed.problems().isEmpty() ? context.text("groups.static.none")
                : parsed.duplicates() > 0 ? context.text("groups.static.countDuplicates", count, parsed.duplicates())
                : context.text("groups.static.count", count);
        imeiSummary.set(ownerImeisLoading && count > 0 ? context.text("groups.static.checkingOwner", summary) : summary);
        List<Problem> problems = new ArrayList<>();
        for (ImeiList.Problem p : parsed.problems()) {
            problems.add(new Problem(p.line(), p.token(), context.text(key(p.reason()), p.argument())));
        }
        outsideOwner = 0;
        if (ownerImeis != null) {
            String notOwners = context.text(ownerLine().isEmpty() ? "groups.imei.notYours" : "groups.imei.notOwners");
            for (int i = 0; i < count; i++) {
                if (!ownerImeis.contains(parsed.imeis().get(i))) {
                    outsideOwner++;
                    problems.add(new Problem(parsed.lines().get(i), parsed.imeis().get(i), notOwners));
                }
            }
            problems.sort(Comparator.comparingInt(Problem::line));
        }
        List<String> lines = new ArrayList<>();
        for (Problem p : problems.subList(0, Math.min(MAX_PROBLEMS_SHOWN, problems.size()))) {
            lines.add(context.text("groups.imei.line", p.line(), p.token(), p.reason()));
        }
        if (problems.size() > MAX_PROBLEMS_SHOWN) {
            lines.add(context.text("groups.imei.more", problems.size() - MAX_PROBLEMS_SHOWN));
        }
        imeiProblems.set(String.join("\n", lines));
        validate();
    }

    private static String key(ImeiList.Reason reason) {
        return switch (reason) {
            case NOT_DIGITS -> "groups.imei.notDigits";
            case LENGTH -> "groups.imei.length";
            case CHECK_DIGIT -> "groups.imei.checkDigit";
        };
    }

    private String nameProblem(String text) {
        String n = text == null ? "" : text.trim();
        if (n.length() > MAX_NAME) {
            return context.text("groups.dialog.nameTooLong", MAX_NAME);
        }
        // names are unique per owner: another owner's group of this name does not stand in the way
        boolean taken = groups.groups.stream().anyMatch(g -> g.name().equalsIgnoreCase(n)
                && Objects.equals(g.owner(), owner) && (existing == null || !g.id().equals(existing.id())));
        return taken ? context.text("groups.dialog.nameTaken", n) : "";
    }

    /** Whose a new group will be: the scope of a supplier or customer, none for an operator (or the API key). */
    private GroupOwner newOwner() {
        UserView user = context.user();
        return user == null || user.role() == Role.OPERATOR ? null : new GroupOwner(user.client(),
                user.deviceTypes().stream().sorted().toList());
    }

    private void validate() {
        String n = name.get() == null ? "" : name.get().trim();
        boolean ok = !n.isEmpty() && nameProblem(n).isEmpty();
        if (staticKind.get()) {
            // an owned group's list waits for the check against the owner's devices, unless that failed
            boolean ownerChecked = !scope.limited() || ownerImeis != null || ownerImeisFailed;
            ok &= parsed.valid() && !parsed.imeis().isEmpty() && ownerChecked && outsideOwner == 0;
        } else {
            ok &= versionOk(firmware.get());
        }
        valid.set(ok);
    }

    private static boolean versionOk(String v) {
        return v == null || v.isBlank() || NameRules.isVersion(v.trim());
    }

    GroupFilter filter() {
        String v = firmware.get() == null ? "" : firmware.get().trim();
        String s = status.get();
        return new GroupFilter(orNull(client.get()), orNull(deviceType.get()), v.isEmpty() ? null : v,
                s == null || s.isEmpty() ? null : DeviceStatus.fromWire(s));
    }

    /** A status (by its wire name) in the user's words. */
    static String statusName(UiContext context, String wire) {
        return context.text(StatusTerms.labelKey(DeviceStatus.fromWire(wire)));
    }

    private static String orNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String orAny(String s) {
        return s == null ? ANY : s;
    }

    /**
     * Creates or replaces the group when it is valid; {@code saved} gets the server's answer, or
     * {@link #error} the reason it was refused.
     */
    void submit(Consumer<GroupView> saved) {
        if (!valid.get() || saving.get() || loadingImeis.get()) {
            return;
        }
        if (staticKind.get()) {
            // the text may have changed since the last check
            parse();
            if (!valid.get()) {
                return;
            }
        }
        NewGroup group = staticKind.get() ? new NewGroup(name.get().trim(), null, parsed.imeis())
                : new NewGroup(name.get().trim(), filter(), null);
        saving.set(true);
        error.set("");
        groups.save(existing == null ? null : existing.id(), group, g -> {
            saving.set(false);
            saved.accept(g);
        }, message -> {
            saving.set(false);
            error.set(message);
        });
    }
}
