package nl.fotadesk.ui.firmware;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import nl.fotadesk.protocol.api.CatalogEntry;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.ui.Loader;
import nl.fotadesk.ui.UiContext;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The firmware images on the server and the known device types, loaded off the FX thread and
 * published on it. The screen's tables and the upload form bind to these lists.
 */
final class FirmwareModel {
    private record Loaded(List<FirmwareView> images, List<CatalogEntry> types) {
    }

    private final UiContext context;
    final ObservableList<FirmwareView> images = FXCollections.observableArrayList();
    final ObservableList<String> deviceTypes = FXCollections.observableArrayList();
    /** True while a load runs. */

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

    /** Deletes the image on the server; {@code done} or {@code failed} (with the reason) runs on the FX thread. */
    void delete(FirmwareView image, Runnable done, Consumer<String> failed) {
        context.run(() -> {
            context.client().deleteFirmware(image.id());
            return image;
        }, deleted -> {
            images.removeIf(f -> f.id().equals(deleted.id()));
            done.run();
        }, message -> {
            failed.accept(message);
            load();
        });
    }
}
