package nl.fotadesk.ui.campaigns;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import nl.fotadesk.protocol.api.CampaignState;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.EventView;
import nl.fotadesk.ui.RowMenu;
import nl.fotadesk.ui.TableColumns;
import nl.fotadesk.ui.Permission;
import nl.fotadesk.ui.UiContext;
import org.controlsfx.control.textfield.TextFields;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/** All campaigns with their state and progress; double-click (or Enter) follows one. */
final class CampaignListView implements CampaignPage {
    private static final List<String> FILTERS = List.of("all", "active", "draft", "scheduled", "running", "paused",
            "completed", "cancelled");

    private final CampaignTexts texts;
    private final CampaignListModel model;
    private final Consumer<String> open;
    private final VBox root = new VBox();
    private final TableView<CampaignView> table = new TableView<>();
    private final FilteredList<CampaignView> filtered;
    private final Label summary = new Label();
    private final TextField search = TextFields.createClearableTextField();
    private final ComboBox<String> stateFilter = new ComboBox<>();
    private final Throttle refresh;
    private final Timeline heartbeat;

    CampaignListView(UiContext context, CampaignTexts texts, Runnable newCampaign, Consumer<String> open) {
        this.texts = texts;
        this.model = new CampaignListModel(context);
        this.open = open;
        this.filtered = new FilteredList<>(model.campaigns());
        refresh = new Throttle(Duration.seconds(1), model::load);
        heartbeat = new Timeline(new KeyFrame(Duration.seconds(3), e -> {
            if (model.anyActive()) {
                refresh.request();
            }
        }));
        heartbeat.setCycleCount(Timeline.INDEFINITE);

        Label title = new Label(texts.text("campaigns.title"));
        title.getStyleClass().add("screen-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Button create = new Button(texts.text("campaigns.new"));
        create.setId("campaigns-new");
        create.getStyleClass().add("primary-button");
        create.setOnAction(e -> newCampaign.run());
        create.setTooltip(new Tooltip(texts.text("campaigns.newTooltip")));
        create.setMinWidth(Region.USE_PREF_SIZE);
        Permission.MANAGE_CAMPAIGNS.offer(create, context);
        Button reload = new Button(texts.text("campaigns.refresh"));
        reload.setId("campaigns-refresh");
        reload.setOnAction(e -> model.load());
        reload.setMinWidth(Region.USE_PREF_SIZE);

        search.setId("campaigns-search");
        search.setPromptText(texts.text("campaigns.search"));
        search.setPrefWidth(240);
        search.setMinWidth(120);
        stateFilter.setId("campaigns-state-filter");
        stateFilter.getItems().setAll(FILTERS);
        stateFilter.setConverter(new StringConverter<>() {
            @Override
            public String toString(String key) {
                return key == null ? "" : texts.text("campaigns.filter." + key);
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        stateFilter.setValue("all");
        stateFilter.setPrefWidth(190);
        stateFilter.setMinWidth(120);
        search.textProperty().addListener((o, a, b) -> applyFilter());
        stateFilter.valueProperty().addListener((o, a, b) -> applyFilter());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, search, stateFilter, reload, create);
        header.setAlignment(Pos.CENTER_LEFT);

        Label help = new Label(texts.text("campaigns.listHelp"));
        help.getStyleClass().add("help-text");
        help.setWrapText(true);

        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());

        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        summary.getStyleClass().add("help-text");
        summary.setId("campaigns-summary");

        root.getChildren().addAll(header, help, error, table, summary);
        root.getStyleClass().addAll("screen", "campaign-list");
        model.campaigns().addListener((javafx.collections.ListChangeListener<CampaignView>) c -> updateSummary());
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void load() {
        model.load();
        heartbeat.play();
    }

    @Override
    public void onEvents(List<EventView> events) {
        if (events.stream().anyMatch(e -> e.campaignId() != null || "device".equals(e.kind()))) {
            refresh.request();
        }
    }

    @Override
    public void stop() {
        refresh.stop();
        heartbeat.stop();
    }

    private void buildTable() {
        table.setId("campaigns-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(placeholder());

        TableColumn<CampaignView, String> name = column("campaigns.col.name", CampaignView::name, 230);
        name.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().remove("campaign-name-cell");
                if (!empty) {
                    getStyleClass().add("campaign-name-cell");
                }
            }
        });
        TableColumn<CampaignView, String> firmware = column("campaigns.col.firmware", texts::firmware, 120);
        TableColumn<CampaignView, CampaignState> state = new TableColumn<>(texts.text("campaigns.col.state"));
        state.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().state()));
        state.setPrefWidth(110);
        state.setComparator(Comparator.comparingInt(CampaignState::ordinal));
        state.setCellFactory(c -> new TableCell<>() {
            private final StateBadge badge = new StateBadge();

            @Override
            protected void updateItem(CampaignState item, boolean empty) {
                super.updateItem(item, empty);
                badge.show(item, texts);
                setGraphic(empty || item == null ? null : badge);
            }
        });
        TableColumn<CampaignView, CampaignView> progress = new TableColumn<>(texts.text("campaigns.col.progress"));
        progress.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        progress.setPrefWidth(170);
        progress.setComparator(Comparator.comparingDouble(c -> Counts.of(c.counts(), c.devices()).doneFraction()));
        progress.setCellFactory(c -> new ProgressCell());
        TableColumn<CampaignView, Number> devices = number("campaigns.col.devices", CampaignView::devices, 90);
        TableColumn<CampaignView, Number> failed = number("campaigns.col.failed",
                c -> Counts.of(c.counts(), c.devices()).failed(), 75);
        TableColumn<CampaignView, String> phase = column("campaigns.col.phase", texts::phase, 100);
        TableColumn<CampaignView, String> created = new TableColumn<>(texts.text("campaigns.col.created"));
        created.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().createdAt()));
        created.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : texts.shortDateTime(item));
                setTooltip(empty || item == null ? null : new Tooltip(texts.dateTime(item)));
            }
        });
        created.setPrefWidth(150);
        created.setSortType(TableColumn.SortType.DESCENDING);

        table.getColumns().addAll(List.of(name, firmware, state, progress, devices, failed, phase, created));
        table.getColumns().forEach(TableColumns::fitTitle);
        // a state badge is never cut ("Gepauzeerd")
        TableColumns.fitTitleAnd(state, Arrays.stream(CampaignState.values()).map(texts::state).toList(), 36);
        SortedList<CampaignView> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSortOrder().add(created);

        table.setRowFactory(t -> {
            TableRow<CampaignView> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem().id());
                }
            });
            return row;
        });
        rowMenu();
        table.setOnKeyPressed(e -> {
            CampaignView selected = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null) {
                open.accept(selected.id());
            }
        });
    }

    /** Right-click on a campaign: open it, or copy its name. */
    private void rowMenu() {
        RowMenu<CampaignView> rows = RowMenu.of(table, "campaigns-menu");
        rows.addForOne("campaigns-menu-open", texts.text("campaigns.list.open"), c -> true, c -> open.accept(c.id()));
        rows.addCopy("campaigns-menu-copy", texts.text("campaigns.list.copyName"), CampaignView::name);
    }

    private Node placeholder() {
        Label empty = new Label();
        empty.setWrapText(true);
        empty.getStyleClass().add("help-text");
        empty.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> !model.loadedProperty().get()
                ? texts.text("campaigns.loading") : model.campaigns().isEmpty() ? texts.text("campaigns.empty")
                : texts.text("campaigns.noMatch"), model.loadedProperty(), model.campaigns()));
        return empty;
    }

    private TableColumn<CampaignView, String> column(String key, Function<CampaignView, String> value, double width) {
        TableColumn<CampaignView, String> col = new TableColumn<>(texts.text(key));
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        col.setPrefWidth(width);
        return col;
    }

    private TableColumn<CampaignView, Number> number(String key, Function<CampaignView, Integer> value, double width) {
        TableColumn<CampaignView, Number> col = new TableColumn<>(texts.text(key));
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : texts.number(item.longValue()));
            }
        });
        col.getStyleClass().add("number-column");
        col.setPrefWidth(width);
        return col;
    }

    private void applyFilter() {
        String q = search.getText() == null ? "" : search.getText().trim().toLowerCase(Locale.ROOT);
        String state = stateFilter.getValue() == null ? "all" : stateFilter.getValue();
        filtered.setPredicate(c -> (q.isEmpty() || c.name().toLowerCase(Locale.ROOT).contains(q)
                || texts.firmware(c).toLowerCase(Locale.ROOT).contains(q))
                && switch (state) {
                    case "all" -> true;
                    case "active" -> c.state().holdsDevices();
                    default -> c.state().wireName().equals(state);
                });
        updateSummary();
    }

    private void updateSummary() {
        long running = model.campaigns().stream().filter(c -> c.state() == CampaignState.RUNNING).count();
        long paused = model.campaigns().stream().filter(c -> c.state() == CampaignState.PAUSED).count();
        summary.setText(texts.text("campaigns.summary", model.campaigns().size(), filtered.size(), running, paused));
    }

    /** The done share as a bar with "n of m done" beside it. */
    private final class ProgressCell extends TableCell<CampaignView, CampaignView> {
        private final StackedBar bar = new StackedBar();
        private final Label text = new Label();
        private final HBox box = new HBox(8, bar, text);

        ProgressCell() {
            box.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(bar, Priority.ALWAYS);
            bar.setMaxWidth(Double.MAX_VALUE);
            text.setMinWidth(Region.USE_PREF_SIZE);
            text.getStyleClass().add("progress-text");
        }

        @Override
        protected void updateItem(CampaignView item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            Counts counts = Counts.of(item.counts(), item.devices());
            bar.show(counts, texts);
            text.setText(texts.percent(counts.donePercent()));
            setGraphic(box);
        }
    }
}
