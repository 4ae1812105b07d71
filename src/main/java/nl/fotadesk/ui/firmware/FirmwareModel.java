package nl.fotadesk.ui.firmware;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import nl.fotadesk.protocol.api.CatalogEntry;
import nl.fotadesk.protocol.api.EventView;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.ui.Loader;
import nl.fotadesk.ui.UiContext;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The firmware images on the server and the known device types, loaded off the FX thread and
 * published on it. The screen's tables and the upload form bind to these lists.
 */
final class FirmwareModel {
    /** Device states that change which images devices desire. */
    private static final Set<String> DESIRED_CHANGES = Set.of("pending", "in_sync", "cancelled");

    /** Where the outcome of an action on one image is told: its text, and whether it is an error. */
    @FunctionalInterface
    interface Say {
        void say(String text, boolean error);
    }

    private record Loaded(List<FirmwareView> images, List<CatalogEntry> types) {
    }

    private final UiContext context;
    final ObservableList<FirmwareView> images = FXCollections.observableArrayList();
    final ObservableList<String> deviceTypes = FXCollections.observableArrayList();
    private final Loader<Loaded> loader;
    final BooleanProperty loading;
    final BooleanProperty loaded;
    final StringProperty loadError;

    FirmwareModel(UiContext context) {
        this.context = context;
        loader = new Loader<>(context, () -> new Loaded(context.client().firmware(), context.client().deviceTypes()),
                this::apply);
        loading = loader.loading;
        loaded = loader.loaded;
        loadError = loader.error;
    }

    /** What to do after each successful load (the screen restores its selection). */
    void setAfterLoad(Runnable afterLoad) {
        loader.setAfterLoad(afterLoad);
    }

    /** Loads the images and device types; a request while one runs loads once more after it. */
    void load() {
        loader.load();
    }

    private void apply(Loaded l) {
        TreeSet<String> types = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        l.types().forEach(t -> types.add(t.name()));
        l.images().forEach(f -> types.add(f.deviceType()));
        if (!deviceTypes.equals(List.copyOf(types))) {
            deviceTypes.setAll(types);
        }
        images.setAll(l.images());
    }


    /** True when any of these events may change the list or its usage counts (device events only when a desire changes). */
    static boolean changesImages(List<EventView> events) {
        return events.stream().anyMatch(e -> !"device".equals(e.kind())
                || e.state() != null && DESIRED_CHANGES.contains(e.state()));
    }

    /** True when the search text is part of the device type or version, or starts the SHA-256 (any case). */
    static boolean matches(FirmwareView f, String search) {
        String q = search == null ? "" : search.trim().toLowerCase(Locale.ROOT);
        return q.isEmpty() || f.deviceType().toLowerCase(Locale.ROOT).contains(q)
                || f.version().toLowerCase(Locale.ROOT).contains(q) || f.sha256().startsWith(q)
                || (f.deviceType() + " " + f.version()).toLowerCase(Locale.ROOT).contains(q);
    }

    /** How many images the list shows, of how many. */
    String count(int shown) {
        return shown == images.size() ? context.text("firmware.count", images.size())
                : context.text("firmware.count.filtered", shown, images.size());
    }

    /** The words in the list when it shows no row. */
    String placeholder(String search) {
        if (!loadError.get().isEmpty()) {
            return loadError.get();
        }
        if (!loaded.get()) {
            return context.text("firmware.loading");
        }
        return images.isEmpty() ? context.text("firmware.empty")
                : context.text("firmware.noMatch", search == null ? "" : search.trim());
    }

    /** True while a device desires the image or a campaign rolls it out: it cannot be deleted then. */
    static boolean inUse(FirmwareView f) {
        return f.devices() > 0 || f.campaigns() > 0;
    }

    /** Where the image is used, in one line. */
    String usage(FirmwareView f) {
        if (!inUse(f)) {
            return context.text("firmware.usage.none");
        }
        if (f.campaigns() == 0) {
            return context.text("firmware.usage.devices", f.devices());
        }
        if (f.devices() == 0) {
            return context.text("firmware.usage.campaigns", f.campaigns());
        }
        return context.text("firmware.usage.both", f.devices(), f.campaigns());
    }

    /** Where the image is used, devices and campaigns on lines of their own. */
    String usageLines(FirmwareView f) {
        if (!inUse(f)) {
            return context.text("firmware.usage.none");
        }
        return context.text("firmware.details.devices", f.devices()) + "\n"
                + context.text("firmware.details.campaigns", f.campaigns());
    }

    /** The file name offered when saving a copy of the image. */
    static String fileName(FirmwareView f) {
        return f.deviceType() + "-" + f.version() + ".bin";
    }

    /** Saves a copy of the image's content to {@code target}, telling {@code say} that it runs and how it ended. */
    void saveCopy(FirmwareView f, Path target, Say say) {
        say.say(context.text("firmware.save.running", target.getFileName().toString()), false);
        context.run(() -> context.client().downloadFirmware(f.id(), target),
                bytes -> say.say(context.text("firmware.save.done", target.toString(), context.i18n().bytes(bytes)), false),
                message -> say.say(message, true));
    }

    /** The image with this device type and version, if the list holds one. */
    Optional<FirmwareView> find(String deviceType, String version) {
        return images.stream().filter(f -> f.deviceType().equals(deviceType) && f.version().equals(version)).findFirst();
    }

    Optional<FirmwareView> byId(String id) {
        return id == null ? Optional.empty() : images.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** Adds a just uploaded image without waiting for the next load. */
    void added(FirmwareView image) {
        images.removeIf(f -> f.id().equals(image.id()));
        images.add(image);
        if (deviceTypes.stream().noneMatch(t -> t.equalsIgnoreCase(image.deviceType()))) {
            TreeSet<String> types = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            types.addAll(deviceTypes);
            types.add(image.deviceType());
            deviceTypes.setAll(types);
        }
    }

    /**
     * Deletes the image on the server, unless it is in use; {@code say} is told how that ended (on the FX thread).
     */
    void delete(FirmwareView image, Say say) {
        if (inUse(image)) {
            say.say(context.text("firmware.delete.inUse"), true);
            return;
        }
        context.run(() -> {
            context.client().deleteFirmware(image.id());
            return image;
        }, deleted -> {
            images.removeIf(f -> f.id().equals(deleted.id()));
            say.say(context.text("firmware.deleted", image.deviceType(), image.version()), false);
        }, message -> {
            say.say(message, true);
            load();
        });
    }
}
