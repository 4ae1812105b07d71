package nl.fotadesk.ui.campaigns;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tooltip;
import javafx.stage.FileChooser;
import nl.fotadesk.ui.Nodes;
import nl.fotadesk.ui.RowMenu;
import nl.fotadesk.ui.TableColumns;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import nl.fotadesk.protocol.Imei;
import nl.fotadesk.protocol.api.ActionState;
import nl.fotadesk.protocol.api.CampaignDeviceView;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.ui.StatusTerms;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** The campaign's devices, a page at a time, with their state, progress, attempts and result code. */
final class CampaignDevicesPane {
    private final CampaignTexts texts;
    private final CampaignDetailModel model;
    private final TableView<CampaignDeviceView> table = new TableView<>();
    private final ComboBox<Integer> phase = new ComboBox<>();
    private final ComboBox<DeviceStateChoice> state = new ComboBox<>();
    private final Label range = new Label();
    private final VBox root;

    private final Consumer<String> openDevice;

    CampaignDevicesPane(CampaignTexts texts, CampaignDetailModel model, Consumer<String> openDevice) {
        this.texts = texts;
        this.model = model;
        this.openDevice = openDevice;

        Label title = Forms.section(texts.text("campaigns.devices.title"));
        phase.setId("campaign-devices-phase");
        phase.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer p) {
                return p == null || p < 0 ? texts.text("campaigns.devices.allPhases")
                        : texts.text("campaigns.phase.name", p + 1);
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        phase.getItems().add(-1);
        phase.setValue(-1);
        phase.valueProperty().addListener((o, a, p) -> model.phase.set(p == null || p < 0 ? null : p));
        model.phase.addListener((o, a, p) -> phase.setValue(p == null ? -1 : p));

        state.setId("campaign-devices-state");
        state.getItems().setAll(DeviceStateChoice.choices());
        state.setConverter(new StringConverter<>() {
            @Override
            public String toString(DeviceStateChoice f) {
                return f == null ? "" : f.label(texts);
            }

            @Override
            public DeviceStateChoice fromString(String s) {
                return null;
            }
        });
        state.setVisibleRowCount(14);
        state.valueProperty().bindBidirectional(model.filter);

        Button previous = new Button("\u2039");
        previous.setId("campaign-devices-previous");
        previous.getStyleClass().add("icon-button");
        previous.setOnAction(e -> model.previousPage());
        Button next = new Button("\u203a");
        next.setId("campaign-devices-next");
        next.getStyleClass().add("icon-button");
        next.setOnAction(e -> model.nextPage());
        range.setId("campaign-devices-range");
        range.getStyleClass().add("help-text");
        range.setMinWidth(Region.USE_PREF_SIZE);
        model.total.addListener((o, a, b) -> updateRange(previous, next));
        model.devices.addListener((ListChangeListener<CampaignDeviceView>) c -> updateRange(previous, next));

        Button export = new Button(texts.text("campaigns.export"));
        export.setId("campaign-export");
        export.setTooltip(new Tooltip(texts.text("campaigns.export.tooltip")));
        export.setMinWidth(Region.USE_PREF_SIZE);
        export.setOnAction(e -> export(null));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, title, spacer, phase, state, range, previous, next, export);
        bar.setAlignment(Pos.CENTER_LEFT);

        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        root = new VBox(8, bar, table);
        root.getStyleClass().add("card");
        // About a dozen rows at least: on a small window the detail scrolls rather than squeezing the table.
        root.setMinHeight(360);
    }

    Node node() {
        return root;
    }

    /** The campaign changed: offer its phases in the filter. */
    void show(CampaignView c) {
        int phases = c.phases() == null ? 0 : c.phases().size();
        if (phase.getItems().size() != phases + 1) {
            Integer chosen = phase.getValue();
            List<Integer> items = new ArrayList<>();
            items.add(-1);
            for (int i = 0; i < phases; i++) {
                items.add(i);
            }
            phase.getItems().setAll(items);
            phase.setValue(chosen != null && chosen < phases ? chosen : -1);
        }
    }

    /** Asks where, then writes {@code selection} (or every device of the phase and state chosen) as CSV. */
    private void export(List<CampaignDeviceView> selection) {
        CampaignView c = model.campaign.get();
        if (c == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.text("campaigns.export.title", c.name()));
        chooser.setInitialFileName(CampaignExport.fileName(c));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(texts.text("campaigns.export.filter"), "*.csv"));
        File target = chooser.showSaveDialog(Nodes.window(root));
        if (target != null) {
            model.export(target.toPath(), selection);
        }
    }

    /**
     * Right-click on a device: open it on the devices screen (where its desired firmware is set too),
     * copy the IMEIs of the selected rows, or export them.
     */
    private void rowMenu() {
        RowMenu<CampaignDeviceView> rows = RowMenu.of(table, "campaign-devices-menu");
        rows.addForOne("campaign-devices-open", texts.text("campaigns.devices.openDevice"), d -> true,
                d -> openDevice.accept(d.imei()));
        rows.addForOne("campaign-devices-set-desired", texts.text("campaigns.devices.setDesired"), d -> true,
                d -> openDevice.accept(d.imei()));
        rows.addSeparator();
        rows.addCopy("campaign-devices-copy", texts.text("campaigns.devices.copyImei"), CampaignDeviceView::imei);
        rows.add("campaign-devices-export-selection", texts.text("campaigns.devices.exportSelection"), d -> true,
                this::export);
    }

    private void updateRange(Button previous, Button next) {
        long total = model.total.get();
        int from = model.offset();
        range.setText(total == 0 ? texts.text("campaigns.devices.none")
                : texts.text("campaigns.devices.range", from + 1, from + model.devices.size(), total));
        previous.setDisable(from == 0);
        next.setDisable(from + CampaignDetailModel.PAGE_SIZE >= total);
    }

    private void buildTable() {
        table.setId("campaign-devices");
        table.setItems(model.devices);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        rowMenu();
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label();
        empty.getStyleClass().add("help-text");
        empty.textProperty().bind(Bindings.when(model.filter.isEqualTo(DeviceStateChoice.ALL).and(model.phase.isNull()))
                .then(texts.text("campaigns.devices.empty")).otherwise(texts.text("campaigns.devices.noMatch")));
        table.setPlaceholder(empty);

        TableColumn<CampaignDeviceView, String> imei = text("campaigns.devices.imei", CampaignDeviceView::imei, 140);
        imei.getStyleClass().add("monospace-column");
        TableColumn<CampaignDeviceView, String> phaseCol = text("campaigns.devices.phase",
                d -> texts.number(d.phase() + 1), 60);
        TableColumn<CampaignDeviceView, ActionState> stateCol = new TableColumn<>(texts.text("campaigns.devices.state"));
        stateCol.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().state()));
        stateCol.setPrefWidth(110);
        stateCol.setCellFactory(c -> new TableCell<>() {
            {
                getStyleClass().add("status-text");
            }

            @Override
            protected void updateItem(ActionState s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setText(null);
                    StatusTerms.applyTone(this, null);
                    return;
                }
                setText(texts.deviceState(s));
                StatusTerms.applyTone(this, StatusTerms.tone(s));
            }
        });
        TableColumn<CampaignDeviceView, CampaignDeviceView> progress = new TableColumn<>(
                texts.text("campaigns.devices.progress"));
        progress.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        progress.setPrefWidth(130);
        progress.setSortable(false);
        progress.setCellFactory(c -> new ProgressCell());
        TableColumn<CampaignDeviceView, String> attempts = text("campaigns.devices.attempts",
                d -> d.attempts() == 0 ? "" : texts.number(d.attempts()), 70);
        TableColumn<CampaignDeviceView, String> result = text("campaigns.devices.result",
                d -> texts.result(d.resultCode()), 200);
        TableColumn<CampaignDeviceView, String> updated = text("campaigns.devices.updated",
                d -> texts.shortDateTime(d.updatedAt()), 130);
        table.getColumns().addAll(List.of(imei, phaseCol, stateCol, progress, attempts, result, updated));
        table.getColumns().forEach(TableColumns::fitTitle);
        TableColumns.fitTitleAndMonospace(imei, "0".repeat(Imei.LENGTH));
    }

    private TableColumn<CampaignDeviceView, String> text(String key, Function<CampaignDeviceView, String> value,
                                                         double width) {
        TableColumn<CampaignDeviceView, String> col = new TableColumn<>(texts.text(key));
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        col.setPrefWidth(width);
        return col;
    }

    /** A bar while the device downloads, a check when it is done. */
    private final class ProgressCell extends TableCell<CampaignDeviceView, CampaignDeviceView> {
        private final ProgressBar bar = new ProgressBar();
        private final Label text = new Label();
        private final HBox box = new HBox(6, bar, text);

        ProgressCell() {
            bar.setPrefWidth(70);
            bar.setMinWidth(40);
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(CampaignDeviceView d, boolean empty) {
            super.updateItem(d, empty);
            if (empty || d == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            if (d.state() == ActionState.SUCCEEDED) {
                setGraphic(null);
                setText(texts.percent(100));
            } else if (d.state().isInFlight() && d.progress() != null) {
                bar.setProgress(d.state() == ActionState.DOWNLOADING ? d.progress() / 100.0 : 1);
                text.setText(texts.percent(d.progress()));
                setText(null);
                setGraphic(box);
            } else {
                setGraphic(null);
                setText("");
            }
        }
    }
}
