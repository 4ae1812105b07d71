package nl.fotadesk.ui.accounts;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import nl.fotadesk.protocol.api.DeviceView;
import org.testfx.api.FxRobot;

import java.util.List;
import java.util.stream.IntStream;

import static nl.fotadesk.ui.FxReads.fx;

/** What the GUI tests of the role views read: the devices listed, the filter choices, what is offered. */
final class ScopedViews {
    private ScopedViews() {
    }

    /** The devices the device table holds (those loaded). */
    static List<DeviceView> listedDevices(FxRobot robot) {
        return fx(() -> {
            TableView<?> table = robot.lookup("#devices-table").queryAs(TableView.class);
            TableColumn<?, ?> imei = table.getColumns().stream().filter(c -> "devices-column-imei".equals(c.getId()))
                    .findFirst().orElseThrow();
            return IntStream.range(0, table.getItems().size()).mapToObj(imei::getCellData)
                    .filter(DeviceView.class::isInstance).map(DeviceView.class::cast).toList();
        });
    }

    /** The labels of a filter's choices, "all" first. */
    static List<String> choices(FxRobot robot, String query) {
        return fx(() -> {
            ComboBox<?> box = robot.lookup(query).queryComboBox();
            return box.getItems().stream().map(String::valueOf).toList();
        });
    }

    /** True when the node is there and shown (laid out, visible up to the scene). */
    static boolean offered(FxRobot robot, String query) {
        return fx(() -> robot.lookup(query).tryQuery().filter(ScopedViews::shown).isPresent());
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }
}
