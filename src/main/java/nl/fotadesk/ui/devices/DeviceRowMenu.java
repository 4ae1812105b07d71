package nl.fotadesk.ui.devices;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.ui.Nodes;
import nl.fotadesk.ui.Permission;
import nl.fotadesk.ui.UiContext;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The devices table's row menu: open a device, copy the IMEIs, set the desired firmware of the
 * selected devices (of one type) and export them. It acts on the table's selection, which the right
 * click joins.
 */
final class DeviceRowMenu {
    private final UiContext context;
    private final DevicesViewModel vm;
    private TableView<DeviceTableLine> table;

    DeviceRowMenu(UiContext context, DevicesViewModel vm) {
        this.context = context;
        this.vm = vm;
    }

    /** The table the menu belongs to: made with the menu, so told once it is made. */
    void actOn(TableView<DeviceTableLine> devices) {
        table = devices;
    }

    /** What a right click on a device offers; it acts on the selected devices (the clicked one is among them). */
    ContextMenu menu() {
        MenuItem copy = new MenuItem();
        copy.setId("devices-menu-copy");
        copy.setOnAction(e -> copyImeis());
        MenuItem open = new MenuItem(context.text("devices.menu.open"));
        open.setId("devices-menu-open");
        open.setOnAction(e -> {
            DeviceTableLine line = table.getSelectionModel().getSelectedItem();
            if (line != null && line.view() != null) {
                vm.detail().show(line.imei(), line.view());
            }
        });
        MenuItem setDesired = new MenuItem();
        setDesired.setId("devices-menu-set-desired");
        setDesired.setOnAction(e -> setDesiredForSelection());
        Permission.SET_DESIRED.offer(setDesired, context);
        MenuItem export = new MenuItem();
        export.setId("devices-menu-export");
        export.setOnAction(e -> exportSelection());
        ContextMenu menu = new ContextMenu(open, copy, new SeparatorMenuItem(), setDesired, export);
        menu.setId("devices-menu");
        menu.setOnShowing(e -> {
            List<DeviceView> selected = selectedDevices();
            int n = selected.size();
            copy.setText(n > 1 ? context.text("devices.menu.copyImeis", n) : context.text("devices.copyImei"));
            open.setDisable(n == 0);
            long types = selected.stream().map(DeviceView::deviceType).distinct().count();
            setDesired.setText(types > 1 ? context.text("devices.menu.setDesiredMixed")
                    : context.text("devices.menu.setDesired", n));
            setDesired.setDisable(types != 1);
            export.setText(context.text("devices.menu.export", n));
            export.setDisable(n == 0);
        });
        return menu;
    }

    /** The devices the operator selected (whose lines are loaded), in table order. */
    private List<DeviceView> selectedDevices() {
        return table.getSelectionModel().getSelectedItems().stream().filter(Objects::nonNull)
                .map(DeviceTableLine::view).filter(Objects::nonNull).toList();
    }

    private void copyImeis() {
        List<DeviceView> selected = selectedDevices();
        if (!selected.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(selected.stream().map(DeviceView::imei).collect(Collectors.joining("\n")));
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    private void setDesiredForSelection() {
        List<DeviceView> selected = selectedDevices();
        List<String> types = selected.stream().map(DeviceView::deviceType).distinct().toList();
        if (types.size() == 1) {
            new SetDesiredDialog(context, Nodes.window(table), types.get(0),
                    selected.stream().map(DeviceView::imei).toList(), vm.filters().firmware(), vm::changedByOperator)
                    .show();
        }
    }

    private void exportSelection() {
        List<DeviceView> selected = selectedDevices();
        if (!selected.isEmpty()) {
            new ExportDialog(context, Nodes.window(table),
                    context.text("devices.export.selection", selected.size()), "devices-selection", selected.size(),
                    "devices.export.doneDevices",
                    CsvExport.devices(new DeviceCsv(context), selected)).show();
        }
    }
}
