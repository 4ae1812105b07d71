package nl.fotadesk.ui.firmware;

import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import nl.fotadesk.protocol.FirmwareVersions;
import nl.fotadesk.protocol.api.EventView;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.ui.Clipboards;
import nl.fotadesk.ui.ConfirmDialog;
import nl.fotadesk.ui.NamedScreen;
import nl.fotadesk.ui.Nodes;
import nl.fotadesk.ui.Permission;
import nl.fotadesk.ui.RowMenu;
import nl.fotadesk.ui.Screen;
import nl.fotadesk.ui.ScreenHeader;
import nl.fotadesk.ui.Shortcuts;
import nl.fotadesk.ui.UiContext;
import org.controlsfx.control.textfield.TextFields;

import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Firmware: upload an image (chosen or dropped) for a device type and version, with progress and its
 * SHA-256 and size afterwards; the images on the server, sortable and searchable, with where each is
 * used; the selected one's details, copy its SHA-256, save a copy, delete it when unused.
 */
public final class FirmwareScreen extends NamedScreen {
    /** How long quitting waits for a cancelled upload to stop sending. */
    private static final java.time.Duration STOP_WAIT = java.time.Duration.ofSeconds(3);
    private final UiContext context;
    private final FirmwareModel model;
    private final UploadModel upload;
    private final UploadPane uploadPane;
    private final FirmwareDetails details;
    private final Clipboards clipboards;
    private final ObjectProperty<FirmwareView> selected = new SimpleObjectProperty<>();
    private final TableView<FirmwareView> table = new TableView<>();
    private final TextField search = TextFields.createClearableTextField();
    private final PauseTransition reload = new PauseTransition(Duration.seconds(1));
    private final VBox root;
    private String selectedId;

    public FirmwareScreen(UiContext context) {
        this(context, new FirmwareModel(context));
    }

    private FirmwareScreen(UiContext context, FirmwareModel model) {
        this(context, model, new UploadModel(context, model));
    }

    /** A screen on these models: new ones, or those of the screen before a language switch. */
    private FirmwareScreen(UiContext context, FirmwareModel model, UploadModel upload) {
        super("firmware", Permission.SEE_ROLLOUTS);
        this.context = context;
        this.model = model;
        this.upload = upload;
        this.clipboards = new Clipboards(context);
        this.uploadPane = new UploadPane(context, upload, clipboards);
        this.details = new FirmwareDetails(context, model, selected, clipboards, this::confirmDelete, this::save);
        reload.setOnFinished(e -> {
            if (shown()) {
                model.load();
            }
        });
        model.setAfterLoad(this::reselect);
        upload.setOnUploaded(f -> select(f.id()));

        Node list = list();
        HBox lower = new HBox(12, list, details.node());
        HBox.setHgrow(list, Priority.ALWAYS);
        VBox.setVgrow(lower, Priority.ALWAYS);
        root = root(new VBox(header(), uploadPane.node(), lower));
        Permission.UPLOAD_FIRMWARE.offer(uploadPane.node(), context);
    }





    @Override
    public void onShow() {
        model.load();
    }

    @Override
    public void onEvents(List<EventView> events) {
        if (FirmwareModel.changesImages(events)) {
            reload.playFromStart();
        }
    }

    /** The same images, upload form and running upload, in the new language. */
    @Override
    public Screen relabelled() {
        FirmwareScreen again = new FirmwareScreen(context, model, upload);
        upload.check();
        again.select(selectedId);
        return again;
    }

    @Override
    public boolean working() {
        return upload.running.get();
    }

    @Override
    public void stopWork() {
        upload.cancelAndWait(STOP_WAIT);
    }

    /** Uses {@code file} as the image to upload, exactly as dropping it on the drop zone does. */
    public void chooseFile(Path file) {
        uploadPane.chooseFile(file);
    }

    /** The upload form's state (for tests). */
    UploadModel uploadModel() {
        return upload;
    }

    private Node header() {
        Button refresh = new Button(context.text("firmware.refresh"));
        refresh.setId("firmware-refresh");
        refresh.setTooltip(new Tooltip(context.text("firmware.refresh.tooltip")));
        refresh.setOnAction(e -> model.load());
        refresh.disableProperty().bind(model.loading);
        return ScreenHeader.of(context, "nav.firmware", "firmware.help", refresh);
    }

    private Node list() {
        Label heading = new Label(context.text("firmware.list.title"));
        heading.getStyleClass().add("section-title");
        search.setId("firmware-search");
        search.setPromptText(context.text("firmware.search.prompt"));
        search.setPrefWidth(260);
        Label count = new Label();
        count.setId("firmware-count");
        count.getStyleClass().add("help-text");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(10, heading, spacer, count, search);
        toolbar.setAlignment(Pos.CENTER_LEFT);

        FilteredList<FirmwareView> filtered = new FilteredList<>(model.images);
        search.textProperty().addListener((o, a, text) -> filtered.setPredicate(f -> FirmwareModel.matches(f, text)));
        SortedList<FirmwareView> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("firmware-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        columns();
        count.textProperty().bind(Bindings.createStringBinding(() -> model.count(filtered.size()), filtered, model.images));
        Label placeholder = new Label();
        placeholder.setId("firmware-placeholder");
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("help-text");
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> model.placeholder(search.getText()),
                model.loadError, model.loaded, model.images, search.textProperty()));
        table.setPlaceholder(placeholder);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, f) -> {
            if (f != null) {
                selectedId = f.id();
                selected.set(f);
            } else if (!model.loading.get()) {
                selected.set(null);
            }
        });
        rowMenu();
        table.setOnKeyPressed(e -> {
            FirmwareView f = table.getSelectionModel().getSelectedItem();
            if (f == null) {
                return;
            }
            if (Shortcuts.DELETE.match(e)) {
                confirmDelete(f);
            } else if (Shortcuts.COPY.match(e)) {
                clipboards.copy(null, f.sha256());
                details.say(f.id(), context.text("firmware.copied.sha", f.deviceType(), f.version()), false);
            }
        });

        Label error = new Label();
        error.setId("firmware-list-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(model.loadError);
        error.visibleProperty().bind(model.loadError.isNotEmpty().and(model.loaded));
        error.managedProperty().bind(error.visibleProperty());
        VBox box = new VBox(8, toolbar, error, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.getStyleClass().addAll("card", "list-card");
        return box;
    }

    /** Right-click on an image: copy its SHA-256 or CRC-32, save it, or delete it (unless a campaign uses it). */
    private void rowMenu() {
        RowMenu<FirmwareView> rows = RowMenu.of(table, "firmware-menu");
        rows.addForOne("firmware-menu-copy-sha", context.text("firmware.copySha"), f -> true, f -> {
            clipboards.copy(null, f.sha256());
            details.say(f.id(), context.text("firmware.copied.sha", f.deviceType(), f.version()), false);
        });
        rows.addForOne("firmware-menu-copy-crc", context.text("firmware.copyCrc"), f -> true,
                f -> clipboards.copy(null, f.crc32()));
        rows.addForOne("firmware-menu-save", context.text("firmware.save"), f -> true, this::save);
        rows.addSeparator();
        MenuItem delete = rows.addForOne("firmware-menu-delete", context.text("firmware.delete"),
                f -> !FirmwareModel.inUse(f), this::confirmDelete);
        Permission.DELETE_FIRMWARE.offer(delete, context);
    }

    private void columns() {
        TableColumn<FirmwareView, String> type = column("firmware.column.type", FirmwareView::deviceType);
        type.setPrefWidth(120);
        TableColumn<FirmwareView, String> version = column("firmware.column.version", FirmwareView::version);
        version.setComparator(FirmwareVersions.ORDER);
        version.setPrefWidth(80);
        version.setSortType(TableColumn.SortType.DESCENDING);
        TableColumn<FirmwareView, Long> size = column("firmware.column.size", FirmwareView::size);
        size.setCellFactory(c -> cell(n -> context.i18n().bytes(n), null));
        size.getStyleClass().add("number-column");
        size.setPrefWidth(70);
        TableColumn<FirmwareView, Instant> uploaded = column("firmware.column.uploaded",
                f -> Instant.parse(f.uploadedAt()));
        uploaded.setCellFactory(c -> cell(t -> context.i18n().dateTime(t), null));
        uploaded.setPrefWidth(190);
        TableColumn<FirmwareView, FirmwareView> usage = column("firmware.column.usage", Function.identity());
        usage.setComparator(Comparator.comparingLong(FirmwareView::devices).thenComparingLong(FirmwareView::campaigns));
        usage.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(FirmwareView f, boolean empty) {
                super.updateItem(f, empty);
                getStyleClass().remove("unused");
                if (empty || f == null) {
                    setText(null);
                    setTooltip(null);
                } else {
                    setText(model.usage(f));
                    setTooltip(new Tooltip(getText()));
                    if (!FirmwareModel.inUse(f)) {
                        getStyleClass().add("unused");
                    }
                }
            }
        });
        usage.setPrefWidth(170);
        TableColumn<FirmwareView, String> sha = column("firmware.column.sha256", FirmwareView::sha256);
        sha.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String hash, boolean empty) {
                super.updateItem(hash, empty);
                setText(empty || hash == null ? null : hash.substring(0, Math.min(8, hash.length())));
                setTooltip(empty || hash == null ? null : new Tooltip(hash));
            }
        });
        sha.getStyleClass().add("hash-column");
        sha.setPrefWidth(80);
        table.getColumns().setAll(List.of(type, version, size, uploaded, usage, sha));
        table.getSortOrder().setAll(List.of(type, version));
    }

    private <T> TableColumn<FirmwareView, T> column(String key, Function<FirmwareView, T> value) {
        TableColumn<FirmwareView, T> c = new TableColumn<>(context.text(key));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setId(key.replace('.', '-'));
        return c;
    }

    private static <T> TableCell<FirmwareView, T> cell(Function<T, String> format, String style) {
        TableCell<FirmwareView, T> cell = new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        };
        if (style != null) {
            cell.getStyleClass().add(style);
        }
        return cell;
    }

    private void select(String id) {
        selectedId = id;
        reselect();
    }

    /** After the list changed: select the image selected before (with its fresh counts), if still there. */
    private void reselect() {
        model.byId(selectedId).ifPresentOrElse(f -> {
            table.getSelectionModel().select(f);
            int row = table.getItems().indexOf(f);
            if (row >= 0) {
                table.scrollTo(Math.max(0, row - 3));
            }
            selected.set(f);
        }, () -> {
            if (table.getSelectionModel().getSelectedItem() == null) {
                selected.set(null);
            }
        });
    }

    /** True while this screen is in the window (not replaced by a language switch or a closed window). */
    private boolean shown() {
        return Nodes.showing(root);
    }

    private Window window() {
        return Nodes.window(root);
    }

    private void confirmDelete(FirmwareView f) {
        FirmwareModel.Say say = (text, error) -> details.say(f.id(), text, error);
        if (FirmwareModel.inUse(f)) {
            model.delete(f, say); // refused, saying why
            return;
        }
        new ConfirmDialog(context.text("firmware.delete.title"),
                context.text("firmware.delete.header", f.deviceType(), f.version()),
                context.text("firmware.delete.content", context.i18n().bytes(f.size())),
                context.text("firmware.delete.confirm"), context.text("firmware.delete.keep"))
                .ids(null, "firmware-confirm-delete", "firmware-confirm-keep")
                .show(root, () -> model.delete(f, say));
    }

    private void save(FirmwareView f) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(context.text("firmware.save.title", f.deviceType(), f.version()));
        chooser.setInitialFileName(FirmwareModel.fileName(f));
        File target = chooser.showSaveDialog(window());
        if (target == null) {
            return;
        }
        model.saveCopy(f, target.toPath(), (text, error) -> details.say(f.id(), text, error));
    }
}
