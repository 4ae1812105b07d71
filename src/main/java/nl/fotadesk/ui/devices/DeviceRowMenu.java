package nl.fotadesk.ui.devices;

import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.ui.Clipboards;
import nl.fotadesk.ui.Nodes;
import nl.fotadesk.ui.Permission;
import nl.fotadesk.ui.RowMenu;
import nl.fotadesk.ui.UiContext;

import java.util.List;
import java.util.Objects;

/**
 * The devices table's row menu: open a device, copy the IMEIs, set the desired firmware of the
 * selected devices (of one type) and export them. It acts on the table's selection, which the right
 * click joins; lines still loading take no part.
 */
final class DeviceRowMenu {
    private final UiContext context;
    private final DevicesViewModel vm;
    private final TableView<DeviceTableLine> table;

    private DeviceRowMenu(UiContext context, DevicesViewModel vm, TableView<DeviceTableLine> table) {
        this.context = context;
        this.vm = vm;
        this.table = table;
    }

    /** Gives the lines of {@code table} their menu. */
    static void attach(UiContext context, DevicesViewModel vm, TableView<DeviceTableLine> table) {
        new DeviceRowMenu(context, vm, table).build();
    }

    private void build() {
        RowMenu<DeviceTableLine> rows = RowMenu.of(table, "devices-menu");
        rows.add("devices-menu-open", context.text("devices.menu.open"), lines -> !loaded(lines).isEmpty(), lines -> {
            DeviceTableLine line = table.getSelectionModel().getSelectedItem();
            if (line != null && line.view() != null) {
                vm.detail().show(line.imei(), line.view());
            }
        });
        MenuItem copy = rows.add("devices-menu-copy", "", lines -> !loaded(lines).isEmpty(),
                lines -> Clipboards.put(String.join("\n", loaded(lines).stream().map(DeviceView::imei).toList())));
        rows.addSeparator();
        MenuItem setDesired = rows.add("devices-menu-set-desired", "", lines -> types(loaded(lines)).size() == 1,
                lines -> setDesired(loaded(lines)));
        Permission.SET_DESIRED.offer(setDesired, context);
        MenuItem export = rows.add("devices-menu-export", "", lines -> !loaded(lines).isEmpty(),
                lines -> export(loaded(lines)));
        rows.onShowing(lines -> {
            List<DeviceView> selected = loaded(lines);
            int n = selected.size();
            copy.setText(n > 1 ? context.text("devices.menu.copyImeis", n) : context.text("devices.copyImei"));
            setDesired.setText(types(selected).size() > 1 ? context.text("devices.menu.setDesiredMixed")
                    : context.text("devices.menu.setDesired", n));
            export.setText(context.text("devices.menu.export", n));
        });
    }

    /** The devices of the selected lines that are loaded, in table order. */
    private static List<DeviceView> loaded(List<DeviceTableLine> lines) {
        return lines.stream().map(DeviceTableLine::view).filter(Objects::nonNull).toList();
    }

    private static List<String> types(List<DeviceView> devices) {
        return devices.stream().map(DeviceView::deviceType).distinct().toList();
    }

    private void setDesired(List<DeviceView> selected) {
        new SetDesiredDialog(context, Nodes.window(table), types(selected).get(0),
                selected.stream().map(DeviceView::imei).toList(), vm.filters().firmware(), vm::changedByOperator)
                .show();
    }

    private void export(List<DeviceView> selected) {
        new ExportDialog(context, Nodes.window(table),
                context.text("devices.export.selection", selected.size()), "devices-selection", selected.size(),
                "devices.export.doneDevices",
                CsvExport.devices(new DeviceCsv(context), selected)).show();
    }
}
