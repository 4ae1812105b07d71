package nl.fotadesk.ui.devices;

import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.ui.Nodes;
import nl.fotadesk.ui.Permission;
import nl.fotadesk.ui.Shortcuts;
import nl.fotadesk.ui.UiContext;

import java.util.Map;

/**
 * The devices screen: the {@link DeviceFilterBar} on top, the device table with its
 * {@link DeviceListStatus} and {@link DeviceRowMenu}, and the selected device's {@link DeviceDetailView}
 * beside it; the table's selection and the detail's device are kept the same. Ctrl+F searches,
 * Ctrl+Shift+N registers, Ctrl+I imports, Ctrl+E exports ({@link Shortcuts}).
 */
final class DevicesView {
    private static final KeyCombination FIND = Shortcuts.FIND_DEVICE;
    private static final KeyCombination REGISTER = Shortcuts.REGISTER_DEVICE;
    private static final KeyCombination IMPORT = Shortcuts.IMPORT_DEVICES;
    private static final KeyCombination EXPORT = Shortcuts.EXPORT;

    private static final double DETAIL_WIDTH = 400;
    /** The table's least width beside the open detail: its IMEI column and a little more. */
    private static final double TABLE_LEAST_WIDTH = 260;

    private final UiContext context;
    private final DevicesViewModel vm;
    private final VBox root = new VBox();
    private final TableView<DeviceTableLine> table;
    private final DeviceFilterBar filterBar;
    private final Map<KeyCombination, Runnable> shortcuts;
    private boolean reconciling;
    private Scene watchedScene;

    DevicesView(UiContext context, DevicesViewModel vm) {
        this.context = context;
        this.vm = vm;
        table = DeviceTable.create(context);
        DeviceRowMenu.attach(context, vm, table);
        root.setId("devices-screen");
        root.getStyleClass().addAll("screen", "devices-screen");
        DeviceDetailView detail = new DeviceDetailView(context, vm.detail(), this::closeDetail,
                vm.openCampaignProperty());
        Node detailNode = detail.node();
        SplitPane split = new SplitPane(tablePane());
        split.getStyleClass().add("devices-split");
        SplitPane.setResizableWithParent(detailNode, false);
        VBox.setVgrow(split, Priority.ALWAYS);
        vm.detail().openProperty().addListener((o, was, open) -> showDetail(split, detailNode, open));
        showDetail(split, detailNode, vm.detail().openProperty().get()); // open already after a language switch
        filterBar = new DeviceFilterBar(context, vm, FIND);
        root.getChildren().addAll(header(), filterBar.node(), split);
        shortcuts = context.may(Permission.REGISTER_DEVICES)
                ? Map.of(FIND, filterBar::focusSearch, REGISTER, this::register, IMPORT, this::importCsv, EXPORT, this::exportList)
                : Map.of(FIND, filterBar::focusSearch, EXPORT, this::exportList);
        root.sceneProperty().addListener((o, old, now) -> sceneChanged(old, now));
        wireTable();
    }

    Node node() {
        return root;
    }

    private void showDetail(SplitPane split, Node detailNode, boolean open) {
        if (open && !split.getItems().contains(detailNode)) {
            split.getItems().add(detailNode);
            double width = split.getWidth() > 0 ? split.getWidth() : 1000;
            split.setDividerPositions(Math.max(0.45, 1 - DETAIL_WIDTH / width));
        } else if (!open) {
            split.getItems().remove(detailNode);
            reconcileSelection();
        }
    }

    private Node header() {
        Label title = new Label(context.text("nav.devices"));
        title.getStyleClass().add("screen-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button register = new Button(context.text("devices.register"));
        register.setId("devices-register");
        register.setTooltip(new Tooltip(context.text("devices.registerTooltip", REGISTER.getDisplayText())));
        register.setOnAction(e -> register());
        Button importCsv = new Button(context.text("devices.import"));
        importCsv.setId("devices-import");
        importCsv.setTooltip(new Tooltip(context.text("devices.importTooltip", IMPORT.getDisplayText())));
        importCsv.setOnAction(e -> importCsv());
        Button export = new Button(context.text("devices.export"));
        export.setId("devices-export");
        export.setTooltip(new Tooltip(context.text("devices.exportTooltip", EXPORT.getDisplayText())));
        export.setOnAction(e -> exportList());
        export.disableProperty().bind(vm.list().totalProperty().lessThanOrEqualTo(0));
        Permission.REGISTER_DEVICES.offer(register, context);
        Permission.REGISTER_DEVICES.offer(importCsv, context);
        HBox header = new HBox(8, title, spacer, register, importCsv, export);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private Node tablePane() {
        DeviceListStatus status = new DeviceListStatus(context, vm);
        VBox.setVgrow(table, Priority.ALWAYS);
        table.setPlaceholder(status.placeholder());
        VBox pane = new VBox(6, table, status.problem(), status.footer());
        // Too narrow for every column beside the open detail (the least window size), the table keeps its
        // columns' widths and scrolls sideways: the detail keeps its least width, so nothing in it is cut.
        double columns = table.getColumns().stream().mapToDouble(TableColumn::getMinWidth).sum() + 24;
        pane.setMinWidth(TABLE_LEAST_WIDTH);
        table.widthProperty().addListener((o, was, now) -> table.setColumnResizePolicy(now.doubleValue() < columns
                ? TableView.UNCONSTRAINED_RESIZE_POLICY : TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN));
        pane.getStyleClass().add("devices-table-pane");
        return pane;
    }

    private void wireTable() {
        table.setItems(vm.list().itemsProperty().get());
        vm.list().itemsProperty().addListener((o, old, now) -> {
            boolean complete = !(now instanceof LazyDeviceList);
            if (!complete) {
                table.getSortOrder().clear();
            }
            for (TableColumn<DeviceTableLine, ?> c : table.getColumns()) {
                c.setSortable(complete);
            }
            reconciling = true;
            table.setItems(now);
            reconciling = false;
            if (old != now) {
                table.scrollTo(0);
            }
            reconcileSelection();
        });
        table.setSortPolicy(t -> vm.list().isComplete() || t.getSortOrder().isEmpty());
        table.comparatorProperty().addListener((o, old, now) -> vm.list().sort(now));
        // only the operator picks the device in the detail: the selection the table moves by index
        // while the lines change is put back by IMEI once they did (reconcileSelection)
        table.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (!reconciling && !vm.list().isChanging() && now != null && now.imei() != null) {
                vm.detail().show(now.imei(), now.view());
            }
        });
        vm.setVisibleRange(this::visibleRange);
        vm.setOnLoaded(this::reconcileSelection);
        watchSelectedLine();
    }

    /** Keeps the detail told whether the table shows its device selected: the line's device may change too. */
    private void watchSelectedLine() {
        ChangeListener<DeviceView> lineChanged = (o, old, now) -> updateSelectedInList();
        table.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (old != null) {
                old.viewProperty().removeListener(lineChanged);
            }
            if (now != null) {
                now.viewProperty().addListener(lineChanged);
            }
            updateSelectedInList();
        });
        vm.detail().deviceProperty().addListener((o, old, now) -> updateSelectedInList());
    }

    private void updateSelectedInList() {
        String imei = vm.detail().imei();
        DeviceTableLine selected = table.getSelectionModel().getSelectedItem();
        vm.detail().selectedInListProperty().set(imei != null && selected != null && imei.equals(selected.imei()));
    }

    /** After the list or the detail changed: the line of the detail's device is the selected one. */
    private void reconcileSelection() {
        String imei = vm.detail().imei();
        DeviceTableLine selected = table.getSelectionModel().getSelectedItem();
        if (imei == null && selected == null || imei != null && selected != null && imei.equals(selected.imei())) {
            updateSelectedInList();
            return;
        }
        int index = vm.list().indexOf(imei);
        reconciling = true;
        try {
            if (index >= 0) {
                table.getSelectionModel().clearAndSelect(index);
                showLine(index);
            } else {
                table.getSelectionModel().clearSelection();
            }
        } finally {
            reconciling = false;
        }
        updateSelectedInList();
    }

    /** Scrolls the line into view unless it is on screen already, with a line or two above it. */
    private void showLine(int index) {
        int[] range = visibleRange();
        if (range == null || index <= range[0] || index >= range[1]) {
            table.scrollTo(Math.max(0, index - 2));
        }
    }

    /** The first and last line on screen, or null before the table is laid out. */
    private int[] visibleRange() {
        if (!(table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
            return null;
        }
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> last = flow.getLastVisibleCell();
        return first == null || last == null ? null : new int[]{first.getIndex(), last.getIndex()};
    }

    private void closeDetail() {
        vm.detail().clear();
        table.requestFocus();
    }

    private void register() {
        new RegisterDeviceDialog(context, owner(), vm.filters().typeNames(), vm.filters().clientNames(), vm::registered).show();
    }

    private void importCsv() {
        new ImportDevicesDialog(context, owner(), vm::imported).show();
    }

    /** Every device of the list as filtered, fetched from the server page by page (not just the loaded lines). */
    private void exportList() {
        long total = vm.list().totalProperty().get();
        if (total <= 0) {
            return;
        }
        String what = context.text(vm.filteredProperty().get() ? "devices.export.filtered" : "devices.export.all", total);
        new ExportDialog(context, owner(), what, "devices", total, "devices.export.doneDevices", CsvExport.devices(new DeviceCsv(context),
                CsvExport.pagesOf(context.client(), vm.list().query()))).show();
    }

    private Window owner() {
        return Nodes.window(root);
    }

    private void sceneChanged(Scene old, Scene now) {
        if (old != null) {
            // only its own: a key the window binds as well keeps working on the other screens
            shortcuts.forEach((k, action) -> old.getAccelerators().remove(k, action));
        }
        if (now == null) {
            vm.hide();
            return;
        }
        now.getAccelerators().putAll(shortcuts);
        if (now != watchedScene) {
            // a closed window (the app stopping) stops the live updates too
            watchedScene = now;
            now.windowProperty().addListener((o, before, window) -> watch(window));
            watch(now.getWindow());
        }
    }

    private void watch(Window window) {
        if (window != null) {
            window.showingProperty().addListener((o, was, showing) -> {
                if (!showing) {
                    vm.hide();
                }
            });
        }
    }
}
