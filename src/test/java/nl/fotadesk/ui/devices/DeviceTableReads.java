package nl.fotadesk.ui.devices;

import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.testfx.api.FxRobot;

import static nl.fotadesk.ui.FxReads.fx;

/** The devices table as GUI tests find it: the table, and the row showing one IMEI. */
final class DeviceTableReads {
    private DeviceTableReads() {
    }

    @SuppressWarnings("unchecked")
    static TableView<DeviceTableLine> table(FxRobot robot) {
        return robot.lookup("#devices-table").queryAs(TableView.class);
    }

    static Node row(FxRobot robot, String imei) {
        return fx(() -> robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() instanceof DeviceTableLine d && imei.equals(d.imei()))
                .findFirst().orElseThrow());
    }
}
