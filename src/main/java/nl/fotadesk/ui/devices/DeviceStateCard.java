package nl.fotadesk.ui.devices;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.DeviceStatus;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.ui.StatusTerms;
import nl.fotadesk.ui.UiContext;

import java.util.Objects;

/**
 * The detail pane's firmware card: the campaign that holds the device now, its reported and desired
 * firmware, update status and progress, what it was served, its last result and when it was last
 * seen; below them, where the operator may, setting its desired firmware.
 */
final class DeviceStateCard {
    private final UiContext context;
    private final DeviceDetailModel model;
    private final DeviceTexts texts;
    private final CampaignLinks links;
    private final Label reported = new Label();
    private final Label desired = new Label();
    private final Circle statusDot = new Circle(5);
    private final Label status = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Label served = new Label();
    private final Label result = new Label();
    private final Label lastSeen = new Label();
    private final HBox holding = new HBox(6);
    private final VBox card;

    /** @param editor setting the desired firmware, or null where the operator may not */
    DeviceStateCard(UiContext context, DeviceDetailModel model, DeviceTexts texts, CampaignLinks links, Node editor) {
        this.context = context;
        this.model = model;
        this.texts = texts;
        this.links = links;
        reported.setId("device-reported");
        desired.setId("device-desired");
        status.setId("device-status");
        progress.setId("device-progress");
        progress.setPrefWidth(110);
        result.setWrapText(true);
        HBox statusBox = new HBox(6, statusDot, status, progress);
        statusBox.setAlignment(Pos.CENTER_LEFT);
        GridPane state = new GridPane();
        state.getStyleClass().add("detail-grid");
        state.setHgap(12);
        state.setVgap(6);
        DetailCard.nameValueColumns(state);
        addRow(state, 0, "devices.detail.reported", reported);
        addRow(state, 1, "devices.detail.desired", desired);
        addRow(state, 2, "devices.detail.status", statusBox);
        addRow(state, 3, "devices.detail.served", served);
        addRow(state, 4, "devices.detail.result", result);
        addRow(state, 5, "devices.detail.lastSeen", lastSeen);
        holding.setId("device-campaign");
        holding.setAlignment(Pos.CENTER_LEFT);
        renderHolding();
        card = DetailCard.of(DetailCard.title(context, "devices.detail.stateTitle"), holding, state);
        if (editor != null) {
            card.getChildren().add(editor);
        }
        model.campaignsProperty().addListener((o, old, now) -> renderHolding());
        links.onChange(this::renderHolding);
    }

    Node node() {
        return card;
    }

    void render(DeviceView d) {
        reported.setText(orDash(d.reportedFirmware()));
        desired.setText(orDash(d.desiredFirmware()));
        desired.getStyleClass().remove("differs");
        if (d.desiredFirmware() != null && !Objects.equals(d.desiredFirmware(), d.reportedFirmware())) {
            desired.getStyleClass().add("differs");
        }
        DeviceStatus s = d.status();
        status.setText(texts.statusLine(d));
        DeviceTexts.tone(statusDot, s);
        boolean downloading = s == DeviceStatus.DOWNLOADING;
        progress.setVisible(downloading);
        progress.setManaged(downloading);
        progress.setProgress(d.progress() == null ? ProgressBar.INDETERMINATE_PROGRESS : d.progress() / 100.0);
        FirmwareView image = model.firmwareChoices().stream().filter(f -> f.id().equals(d.desiredFirmwareId()))
                .findFirst().orElse(null);
        served.setText(texts.served(d, image));
        result.setText(d.fotaResult() == null ? "\u2014" : texts.result(d.fotaResult()));
        lastSeen.setText(d.lastSeen() == null ? context.text("devices.detail.neverSeen")
                : context.i18n().dateTime(d.lastSeen()));
    }

    private void addRow(GridPane grid, int row, String key, Node value) {
        Label name = new Label(context.text(key));
        name.getStyleClass().add("detail-name");
        grid.addRow(row, name, value);
    }

    /** Says which campaign holds the device now and in what state it is; nothing when none does. */
    private void renderHolding() {
        CampaignView c = model.campaignsProperty().get().holding();
        holding.getChildren().clear();
        holding.setVisible(c != null);
        holding.setManaged(c != null);
        if (c == null) {
            return;
        }
        Label in = new Label(context.text("devices.detail.holding"));
        in.getStyleClass().add("detail-name");
        in.setMinWidth(Region.USE_PREF_SIZE);
        Label state = new Label(context.text(StatusTerms.labelKey(c.state())));
        state.setId("device-campaign-state");
        state.getStyleClass().addAll("campaign-state", StatusTerms.styleClass(c.state()));
        state.setMinWidth(Region.USE_PREF_SIZE);
        holding.getChildren().addAll(in, links.link(c.name(), c.id()), state);
        Tooltip.install(holding, new Tooltip(context.text("devices.detail.holdingHelp", c.name())));
    }

    private static String orDash(String s) {
        return s == null ? "\u2014" : s;
    }
}
