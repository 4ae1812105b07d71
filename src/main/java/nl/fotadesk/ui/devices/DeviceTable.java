package nl.fotadesk.ui.devices;

import nl.fotadesk.protocol.FirmwareVersions;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import nl.fotadesk.protocol.api.DeviceStatus;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.ui.TableColumns;
import nl.fotadesk.ui.UiContext;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.Function;

/**
 * The device table's columns and cells: desired firmware stands out when it differs from the
 * reported one, and the update status shows its progress in the cell.
 */
final class DeviceTable {
    private final UiContext context;
    private final DeviceTexts texts;

    private DeviceTable(UiContext context) {
        this.context = context;
        this.texts = new DeviceTexts(context);
    }

    /** The device table (its row menu is {@link DeviceRowMenu}'s). */
    static TableView<DeviceTableLine> create(UiContext context) {
        return new DeviceTable(context).build();
    }

    private TableView<DeviceTableLine> build() {
        TableView<DeviceTableLine> table = new TableView<>();
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setId("devices-table");
        table.getStyleClass().add("devices-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(30);
        TableColumn<DeviceTableLine, DeviceView> imei = column("imei", "devices.column.imei", DeviceView::imei, 140);
        imei.setCellFactory(c -> new ImeiCell());
        imei.setMinWidth(132);
        TableColumn<DeviceTableLine, DeviceView> client = column("client", "devices.column.client",
                DeviceView::client, 100);
        TableColumn<DeviceTableLine, DeviceView> type = column("type", "devices.column.type",
                DeviceView::deviceType, 100);
        TableColumn<DeviceTableLine, DeviceView> reported = column("reported", "devices.column.reported",
                DeviceView::reportedFirmware, 85);
        reported.setComparator(Comparator.nullsLast(Comparator.comparing(DeviceView::reportedFirmware,
                FirmwareVersions.ORDER)));
        TableColumn<DeviceTableLine, DeviceView> desired = column("desired", "devices.column.desired",
                DeviceView::desiredFirmware, 85);
        desired.setComparator(Comparator.nullsLast(Comparator.comparing(DeviceView::desiredFirmware,
                FirmwareVersions.ORDER)));
        desired.setCellFactory(c -> new DesiredCell());
        TableColumn<DeviceTableLine, DeviceView> status = column("status", "devices.column.status", null, 180);
        status.setComparator(Comparator.nullsLast(Comparator.comparing(DeviceView::status,
                Comparator.nullsFirst(Comparator.naturalOrder()))));
        status.setCellFactory(c -> new StatusCell());
        TableColumn<DeviceTableLine, DeviceView> lastSeen = column("last-seen", "devices.column.lastSeen", null, 130);
        lastSeen.setComparator(Comparator.nullsLast(Comparator.comparing(
                (DeviceView d) -> d.lastSeen() == null ? null : Instant.parse(d.lastSeen()),
                Comparator.nullsFirst(Comparator.naturalOrder()))));
        lastSeen.setCellFactory(c -> new LastSeenCell());
        table.getColumns().setAll(java.util.List.of(imei, client, type, reported, desired, status, lastSeen));
        return table;
    }

    private TableColumn<DeviceTableLine, DeviceView> column(String id, String key, Function<DeviceView, String> text,
                                                      double width) {
        String title = context.text(key);
        TableColumn<DeviceTableLine, DeviceView> column = new TableColumn<>(title);
        column.setId("devices-column-" + id);
        column.setPrefWidth(width);
        TableColumns.fitTitle(column);
        column.setCellValueFactory(c -> c.getValue() == null ? null : c.getValue().viewProperty());
        if (text != null) {
            column.setCellFactory(c -> new TextCell(text));
            column.setComparator(Comparator.nullsLast(Comparator.comparing(text,
                    Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER))));
        }
        return column;
    }

    /** Plain text from the device; nothing while the line loads. */
    private static class TextCell extends TableCell<DeviceTableLine, DeviceView> {
        private final Function<DeviceView, String> text;

        TextCell(Function<DeviceView, String> text) {
            this.text = text;
        }

        @Override
        protected void updateItem(DeviceView item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : text.apply(item));
        }
    }

    /** When the device last reported: the time today, else date and time; in full as a tooltip. */
    private final class LastSeenCell extends TableCell<DeviceTableLine, DeviceView> {
        @Override
        protected void updateItem(DeviceView item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null || item.lastSeen() == null) {
                setText(empty || item == null ? null : context.text("devices.detail.neverSeen"));
                setTooltip(null);
                return;
            }
            setText(texts.moment(item.lastSeen()));
            setTooltip(new Tooltip(context.i18n().dateTime(item.lastSeen())));
        }
    }

    /** The IMEI in figures that line up, or "loading" while the line is fetched. */
    private final class ImeiCell extends TableCell<DeviceTableLine, DeviceView> {
        ImeiCell() {
            getStyleClass().add("imei-cell");
        }

        @Override
        protected void updateItem(DeviceView item, boolean empty) {
            super.updateItem(item, empty);
            pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("loading"), !empty && item == null);
            setText(empty ? null : item == null ? context.text("devices.loadingRow") : item.imei());
        }
    }

    /** The desired firmware, highlighted when the device reports another one. */
    private final class DesiredCell extends TableCell<DeviceTableLine, DeviceView> {
        @Override
        protected void updateItem(DeviceView item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("differs");
            setTooltip(null);
            if (empty || item == null) {
                setText(null);
                return;
            }
            setText(item.desiredFirmware() == null ? "\u2014" : item.desiredFirmware());
            if (item.desiredFirmware() != null && !Objects.equals(item.desiredFirmware(), item.reportedFirmware())) {
                getStyleClass().add("differs");
                setTooltip(new Tooltip(context.text("devices.differsTooltip", item.desiredFirmware(),
                        item.reportedFirmware() == null ? "\u2014" : item.reportedFirmware())));
            }
        }
    }

    /** The update status in words with a coloured dot, and a thin progress bar under it while updating. */
    private final class StatusCell extends TableCell<DeviceTableLine, DeviceView> {
        private final Circle dot = new Circle(4);
        private final Label label = new Label();
        private final ProgressBar bar = new ProgressBar();
        private final VBox box;

        StatusCell() {
            HBox line = new HBox(6, dot, label);
            line.setAlignment(Pos.CENTER_LEFT);
            bar.getStyleClass().add("status-progress");
            bar.setMaxWidth(Double.MAX_VALUE);
            box = new VBox(2, line, bar);
            box.setAlignment(Pos.CENTER_LEFT);
            setText(null);
        }

        @Override
        protected void updateItem(DeviceView item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null || item.status() == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            DeviceStatus s = item.status();
            boolean downloading = s == DeviceStatus.DOWNLOADING;
            label.setText(downloading && item.progress() != null
                    ? context.text("devices.statusProgress", texts.status(s), item.progress()) : texts.status(s));
            DeviceTexts.tone(dot, s);
            boolean showBar = downloading || s == DeviceStatus.DOWNLOADED || s == DeviceStatus.UPDATING;
            bar.setVisible(showBar);
            bar.setManaged(showBar);
            if (showBar) {
                bar.setProgress(downloading ? (item.progress() == null ? 0 : item.progress() / 100.0) : 1.0);
            }
            String line = texts.statusLine(item);
            setTooltip(line.equals(label.getText()) ? null : new Tooltip(line));
            setGraphic(box);
        }
    }
}
