package nl.fotadesk.ui.devices;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import nl.fotadesk.ui.UiContext;

import java.util.Map;
import java.util.TreeMap;

/** The detail pane's telemetry card: what the device last measured, by name, with when it measured it. */
final class DeviceTelemetryCard {
    private final UiContext context;
    private final DeviceTexts texts;
    private final GridPane telemetry = new GridPane();
    private final Node card;

    DeviceTelemetryCard(UiContext context, DeviceTexts texts) {
        this.context = context;
        this.texts = texts;
        telemetry.setId("device-telemetry");
        telemetry.setHgap(12);
        telemetry.setVgap(4);
        DetailCard.nameValueColumns(telemetry);
        card = DetailCard.of(DetailCard.title(context, "devices.detail.telemetryTitle"), telemetry);
    }

    Node node() {
        return card;
    }

    void render(Map<String, Object> values) {
        telemetry.getChildren().clear();
        if (values == null || values.isEmpty()) {
            Label none = new Label(context.text("devices.detail.noTelemetry"));
            none.getStyleClass().add("help-text");
            telemetry.addRow(0, none);
            return;
        }
        int row = 0;
        for (Map.Entry<String, Object> e : new TreeMap<>(values).entrySet()) {
            Label name = new Label(texts.telemetryName(e.getKey()));
            name.getStyleClass().add("detail-name");
            Label value = new Label(texts.telemetryValue(e.getValue()));
            String at = DeviceTexts.telemetryTime(e.getValue());
            if (at != null) {
                value.setTooltip(new Tooltip(context.text("devices.detail.measured", context.i18n().dateTime(at))));
            }
            telemetry.addRow(row++, name, value);
        }
    }
}
