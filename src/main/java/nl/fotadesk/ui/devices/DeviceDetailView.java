package nl.fotadesk.ui.devices;

import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.ui.Permission;
import nl.fotadesk.ui.UiContext;

import java.util.function.Consumer;

/**
 * The detail pane: one device's IMEI, type and client on top, then its cards: its firmware state
 * (with setting its desired firmware), its telemetry and its history. A hint while no device is picked.
 */
final class DeviceDetailView {
    private final UiContext context;
    private final StackPane root = new StackPane();
    private final Label imei = new Label();
    private final Label subtitle = new Label();
    private final Label loadError = new Label();
    private final DeviceStateCard state;
    private final DeviceTelemetryCard telemetry;
    private final DeviceHistoryCard history;
    private String shownImei;

    /** @param openCampaign opens a campaign by its id on the campaigns screen; holds null while nobody can */
    DeviceDetailView(UiContext context, DeviceDetailModel model, Runnable close,
                     ObjectProperty<Consumer<String>> openCampaign) {
        this.context = context;
        DeviceTexts texts = new DeviceTexts(context);
        CampaignLinks links = new CampaignLinks(context, openCampaign);
        Node editor = context.may(Permission.SET_DESIRED) ? new DesiredFirmwareEditor(context, model).node() : null;
        state = new DeviceStateCard(context, model, texts, links, editor);
        telemetry = new DeviceTelemetryCard(context, texts);
        history = new DeviceHistoryCard(context, model, texts, links);
        root.setId("device-detail");
        root.getStyleClass().add("device-detail");
        Label empty = new Label(context.text("devices.detail.none"));
        empty.setId("device-detail-empty");
        empty.getStyleClass().add("help-text");
        empty.setWrapText(true);
        empty.setMaxWidth(260);
        empty.setTextAlignment(TextAlignment.CENTER);

        VBox content = new VBox(12, header(close), state.node(), telemetry.node(), history.node());
        content.getStyleClass().add("device-detail-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        // its stylesheet least width keeps its texts and buttons whole: beside it the devices table gives way
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setMinWidth(0);
        empty.setMinWidth(0);
        scroll.getStyleClass().add("device-detail-scroll");
        root.getChildren().addAll(empty, scroll);
        scroll.visibleProperty().bind(model.deviceProperty().isNotNull());
        empty.visibleProperty().bind(model.deviceProperty().isNull());

        model.deviceProperty().addListener((o, old, now) -> render(now));
        model.loadErrorProperty().addListener((o, old, now) -> DetailCard.say(loadError, now));
        DetailCard.say(loadError, "");
    }

    Node node() {
        return root;
    }

    private Node header(Runnable close) {
        imei.setId("device-detail-imei");
        imei.getStyleClass().add("device-detail-imei");
        subtitle.getStyleClass().add("help-text");
        Button closeButton = new Button("\u2715");
        closeButton.setId("device-detail-close");
        closeButton.getStyleClass().add("device-detail-close");
        closeButton.setTooltip(new Tooltip(context.text("devices.detail.close")));
        closeButton.setOnAction(e -> close.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, imei, spacer, closeButton);
        top.setAlignment(Pos.CENTER_LEFT);
        loadError.setId("device-detail-error");
        loadError.getStyleClass().add("error-text");
        loadError.setWrapText(true);
        loadError.setMinHeight(Region.USE_PREF_SIZE);
        return new VBox(2, top, subtitle, loadError);
    }

    private void render(DeviceView d) {
        if (d == null) {
            shownImei = null;
            return;
        }
        if (!d.imei().equals(shownImei)) {
            shownImei = d.imei();
            history.render();
        }
        imei.setText(d.imei());
        subtitle.setText(context.text("devices.detail.subtitle", d.deviceType(), d.client()));
        state.render(d);
        telemetry.render(d.telemetry());
    }
}
