package nl.fotadesk.ui.campaigns;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.layout.VBox;
import nl.fotadesk.client.FotaDeskClient;
import nl.fotadesk.protocol.api.CampaignPreview;
import nl.fotadesk.protocol.api.NewCampaign;
import nl.fotadesk.protocol.api.TargetedDevice;
import nl.fotadesk.ui.RowMenu;
import nl.fotadesk.ui.UiContext;

import java.util.function.Function;

/**
 * The devices the wizard's campaign would update, in the order of its phases: the preview's first page,
 * then a page more each time the operator asks, so that a campaign of 100,000 devices never loads them all.
 */
final class TargetedDevicesList {
    private final UiContext context;
    private final CampaignTexts texts;
    private final NewCampaign request;
    private final String targetVersion;
    private final int total;
    private final ObservableList<TargetedDevice> devices = FXCollections.observableArrayList();
    private final Label shown = new Label();
    private final Button more = new Button();
    private final VBox root;

    TargetedDevicesList(UiContext context, CampaignTexts texts, NewCampaign request, String targetVersion,
                        CampaignPreview first) {
        this.context = context;
        this.texts = texts;
        this.request = request;
        this.targetVersion = targetVersion;
        this.total = first.targeted();
        TableView<TargetedDevice> table = new TableView<>(devices);
        table.setId("wizard-targeted-devices");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(220);
        table.getColumns().add(column("campaigns.wizard.deviceImei", TargetedDevice::imei));
        table.getColumns().add(column("campaigns.wizard.deviceType", TargetedDevice::deviceType));
        table.getColumns().add(column("campaigns.wizard.deviceVersions", d -> texts.text("campaigns.wizard.versionChange",
                d.firmware() == null ? texts.text("campaigns.wizard.versionUnknown") : d.firmware(), targetVersion)));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        RowMenu.of(table, "wizard-targeted-menu").addCopy("wizard-targeted-copy",
                texts.text("campaigns.devices.copyImei"), TargetedDevice::imei);
        shown.setId("wizard-targeted-shown");
        more.setId("wizard-targeted-more");
        more.setOnAction(e -> loadMore());
        root = new VBox(8, table, Forms.inline(shown, more));
        add(first);
    }

    Node node() {
        return root;
    }

    private TableColumn<TargetedDevice, String> column(String key, Function<TargetedDevice, String> value) {
        TableColumn<TargetedDevice, String> c = new TableColumn<>(texts.text(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    /** The next page from the server, as the preview now has it (the list may have changed meanwhile). */
    private void loadMore() {
        more.setDisable(true);
        int offset = devices.size();
        ServerCall.run(context, () -> context.client().previewCampaign(request, offset, FotaDeskClient.PREVIEW_PAGE),
                this::add, message -> {
                    shown.setText(texts.text("campaigns.wizard.previewFailed", message));
                    more.setDisable(false);
                });
    }

    private void add(CampaignPreview page) {
        devices.addAll(page.devices());
        int rest = Math.max(0, total - devices.size());
        shown.setText(rest == 0 ? texts.text("campaigns.wizard.devicesAll", devices.size())
                : texts.text("campaigns.wizard.devicesMore", devices.size(), rest));
        more.setText(texts.text("campaigns.wizard.devicesNext", Math.min(rest, FotaDeskClient.PREVIEW_PAGE)));
        more.setVisible(rest > 0 && !page.devices().isEmpty());
        more.setManaged(more.isVisible());
        more.setDisable(false);
    }
}
